package org.recordingrate.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.EditDistance;

/**
 * The column names the tool reads, the left-hand sides a {@code --columns tool=file} mapping may
 * name: {@code --columns rate=rate_pct} reads the file's {@code rate_pct} as the tool's {@code rate};
 * {@code --columns rte=rate_pct} names no column the tool reads and is refused, rather than ignored
 * with the column left blank.
 *
 * <p>The names are those of the readers in this package (record-level audit files and volumes files,
 * with their canonical field names), of inspection files, and of the files of rows read through
 * {@link CsvInput} by the commands (cases, pairs, published figures, plans, forces and trends). A test
 * scans the sources for the names read and holds this list to them, so it cannot drift from the
 * readers.
 */
public final class ToolColumns {

    /** The files of rows' own names (cases, pairs, figures, forces, trends); the readers' fields added below. */
    private static final List<String> OF_ROWS = List.of("rate", "margin", "confidence", "method", "test", "alternative",
            "recorded_before", "audited_before", "recorded_after", "audited_after", "expected", "minimum", "label",
            "highlight", "published_verdict", "published_more_than", "previous_rate", "previous_margin", "force",
            "name", "time");

    private static final Set<String> NAMES = names(OF_ROWS);

    private ToolColumns() {
    }

    private static Set<String> names(List<String> ofRows) {
        Set<String> names = new TreeSet<>(ofRows);
        for (ColumnMap.Field field : AuditFile.FIELDS) {
            names.add(field.name());
        }
        names.add(VolumesFile.VOLUME.name());
        names.add(VolumesFile.POPULATION.name());
        names.addAll(InspectionFile.columns());
        return Set.copyOf(names);
    }

    /**
     * Every name a mapping may give, sorted.
     *
     * @return the names, e.g. {@code audited, category, confidence, ...}
     */
    public static List<String> names() {
        return NAMES.stream().sorted().toList();
    }

    /**
     * Whether the tool reads a column of this name (matched ignoring case and surrounding spaces, as
     * the mapping itself is).
     *
     * @param name the tool's name, e.g. {@code "rate"}
     * @return true for a name some reader reads
     * @throws IllegalArgumentException if {@code name} is null
     */
    public static boolean known(String name) {
        return NAMES.contains(Args.notNull("name", name).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The known names nearest to an unknown one (by edit distance, at most three), for a message that
     * says what was meant: {@code "rte"} gives {@code [rate]}.
     *
     * @param name the unknown name
     * @return up to three names, nearest first; empty when none is near
     * @throws IllegalArgumentException if {@code name} is null
     */
    public static List<String> nearest(String name) {
        String key = Args.notNull("name", name).strip().toLowerCase(Locale.ROOT);
        List<String> near = new ArrayList<>();
        for (String known : names()) {
            if (EditDistance.between(key, known) <= Math.max(2, key.length() / 3)) {
                near.add(known);
            }
        }
        near.sort(Comparator.comparingInt((String k) -> EditDistance.between(key, k)).thenComparing(k -> k));
        return near.stream().limit(3).collect(Collectors.toList());
    }
}
