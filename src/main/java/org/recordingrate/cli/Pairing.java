package org.recordingrate.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recordingrate.io.CsvInput;
import org.recordingrate.model.Names;

/**
 * {@code --pair-by COL[,COL...]}: rows of a file grouped by those columns (cells matched as
 * names are, ignoring case and spacing), each row paired with the previous row of its group in
 * file order; the first row of a group has none.
 */
final class Pairing<T> {

    private final List<String> columns;
    private final Map<String, Previous<T>> last = new HashMap<>();

    /** The previous row of a group: its line and what it gave. */
    record Previous<T>(long line, T value) {
    }

    Pairing(CsvInput input, List<String> columns) {
        this.columns = columns;
        input.require(columns.toArray(new String[0]));
    }

    /** The previous row of this row's group, if any; this row becomes the group's last. */
    Optional<Previous<T>> next(CsvInput.Row row, T value) {
        String key = columns.stream().map(c -> Names.key(row.text(c))).collect(Collectors.joining("\u0000"));
        Previous<T> previous = last.put(key, new Previous<>(row.line(), value));
        return Optional.ofNullable(previous);
    }
}
