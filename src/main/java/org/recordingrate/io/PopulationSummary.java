package org.recordingrate.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recordingrate.model.Names;

/**
 * What a full read of a population file ({@link PopulationFile}) found.
 *
 * @param file          the file as named
 * @param header        the header as written
 * @param carriedHeader the columns other than {@code record_id} and {@code category}, in order
 * @param rows          data rows read (every one was handed to the sink)
 * @param sha256        the SHA-256 of the file's bytes, lower-case hex
 * @param counts        rows per category: the plan's categories in its order (0 when absent
 *                      from the file), or without a plan the categories in order of first
 *                      appearance
 * @param toOther       rows whose own category was not in the plan and went to the other category
 * @param blankRows     rows whose every cell was blank, skipped (not in {@code rows})
 */
public record PopulationSummary(String file, List<String> header, List<String> carriedHeader, long rows, String sha256,
                                Map<String, Long> counts, long toOther, long blankRows) {

    /**
     * Copies the lists and map.
     *
     * @param file          the file as named
     * @param header        the header as written
     * @param carriedHeader the columns other than {@code record_id} and {@code category}, in order
     * @param rows          data rows read
     * @param sha256        the SHA-256 of the file's bytes, lower-case hex
     * @param counts        rows per category
     * @param toOther       rows sent to the other category
     * @param blankRows     rows whose every cell was blank, skipped
     * @throws NullPointerException if a list, the map or an element is null
     */
    public PopulationSummary {
        header = List.copyOf(header);
        carriedHeader = List.copyOf(carriedHeader);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * Rows of {@code category} (matched by {@link Names}); 0 if none.
     *
     * @param category the category's name, any case
     * @return its rows in the file
     */
    public long count(String category) {
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (Names.same(entry.getKey(), category)) {
                return entry.getValue();
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d rows, SHA-256 %s", file, rows, sha256)
                + (blankRows > 0 ? String.format(Locale.ROOT, " (%,d blank row%s skipped)", blankRows,
                blankRows == 1 ? "" : "s") : "");
    }
}