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

    /**
     * Every row's previous row of its group, at once: groups keyed by the pairing columns' cells
     * after {@code alias} (e.g. {@code --alias "all crime (excl. fraud)=all crime"}), ordered within
     * each group by {@code orderBy}'s cells when given ({@link #orderKey}), else in file order (ties too).
     *
     * @param rows    the rows, in file order
     * @param values  what each row gave, parallel to {@code rows}
     * @param orderBy the column to order by, if any
     * @param alias   maps a cell to the name it stands for
     * @return row index to its previous row; rows first in their group have none
     * @throws org.recordingrate.io.DataFileException for an order cell without a year or date
     */
    Map<Integer, Previous<T>> pairs(List<CsvInput.Row> rows, List<T> values, Optional<String> orderBy,
                                    java.util.function.UnaryOperator<String> alias) {
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CsvInput.Row row = rows.get(i);
            String key = columns.stream().map(c -> Names.key(alias.apply(row.text(c)))).collect(Collectors.joining("\u0000"));
            groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(i);
        }
        Map<Integer, long[]> order = new HashMap<>();
        if (orderBy.isPresent()) {
            for (int i = 0; i < rows.size(); i++) {
                order.put(i, orderKey(rows.get(i), orderBy.get()));
            }
        }
        Map<Integer, Previous<T>> previous = new HashMap<>();
        for (List<Integer> group : groups.values()) {
            if (orderBy.isPresent()) {
                group.sort((a, b) -> java.util.Arrays.compare(order.get(a), order.get(b))); // stable: ties in file order
            }
            for (int k = 1; k < group.size(); k++) {
                int earlier = group.get(k - 1);
                previous.put(group.get(k), new Previous<>(rows.get(earlier).line(), values.get(earlier)));
            }
        }
        return previous;
    }

    /**
     * The order of a cell of {@code --order-by}: the whole numbers in it, in turn ({@code 2017},
     * {@code 2021/22} as 2021 then 22, {@code 2022-03-31} as 2022, 3, 31, {@code PEEL 2023-25}),
     * compared number by number; a cell without a digit is refused.
     */
    static long[] orderKey(CsvInput.Row row, String column) {
        String cell = row.text(column);
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("[0-9]{1,18}").matcher(cell);
        List<Long> numbers = new java.util.ArrayList<>();
        while (digits.find()) {
            numbers.add(Long.parseLong(digits.group()));
        }
        if (numbers.isEmpty()) {
            throw row.fail(column, cell, "has no year or date to order by (e.g. 2017, 2021/22, 2022-03-31)");
        }
        return numbers.stream().mapToLong(Long::longValue).toArray();
    }

    /** The previous row of this row's group, if any; this row becomes the group's last. */
    Optional<Previous<T>> next(CsvInput.Row row, T value) {
        String key = columns.stream().map(c -> Names.key(row.text(c))).collect(Collectors.joining("\u0000"));
        Previous<T> previous = last.put(key, new Previous<>(row.line(), value));
        return Optional.ofNullable(previous);
    }
}
