package org.recordingrate.select;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One record drawn for the audit.
 *
 * @param recordId       the record id as in the population file
 * @param category       its category as the plan spells it
 * @param selectionOrder its place in its category's draw, from 1: for permanent random numbers
 *                       and simple random sampling any first k of a category are themselves a
 *                       sample of that method (audit them in this order, and stopping early still
 *                       leaves a random sample); for systematic selection, the order along the file
 * @param line           its line in the population file
 * @param carried        the population file's other cells, in its header's order
 * @param prn            its permanent random number, when drawn by them
 */
public record SelectedRecord(String recordId, String category, long selectionOrder, long line, List<String> carried,
                             OptionalDouble prn) {

    /**
     * Copies the list, so the record is immutable; nothing else is checked (the selection methods
     * build these from rows already read and validated).
     *
     * @param recordId       the record id as in the population file
     * @param category       its category as the plan spells it
     * @param selectionOrder its place in its category's draw, from 1 (see the record's description)
     * @param line           its line in the population file
     * @param carried        the population file's other cells, in its header's order; copied, not null
     *                       and without null cells
     * @param prn            its permanent random number, when drawn by them; empty otherwise
     * @throws NullPointerException if {@code carried} is null or holds null
     */
    public SelectedRecord {
        carried = List.copyOf(carried);
    }

    /** {@code "INC00012345 (violence #3)"}. */
    @Override
    public String toString() {
        return recordId + " (" + category + " #" + selectionOrder + ")";
    }
}
