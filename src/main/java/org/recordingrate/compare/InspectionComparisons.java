package org.recordingrate.compare;

import java.util.ArrayList;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;

import org.recordingrate.internal.Args;

/**
 * Many pairs of inspections compared at once (every force's two audits, say): the result of
 * {@link Comparison#compareAll}.
 *
 * @param changes    one comparison per pair, in the later list's order
 * @param onlyBefore names of earlier inspections with no later partner (not compared)
 * @param onlyAfter  names of later inspections with no earlier partner (not compared)
 */
public record InspectionComparisons(List<InspectionChange> changes, List<String> onlyBefore, List<String> onlyAfter)
        implements Result {

    /**
     * Copies the lists (the record is immutable).
     *
     * @param changes    one comparison per pair, in the later list's order
     * @param onlyBefore names of earlier inspections with no later partner
     * @param onlyAfter  names of later inspections with no earlier partner
     * @throws IllegalArgumentException if a list is null
     * @throws NullPointerException     if a list holds null
     */
    public InspectionComparisons {
        changes = List.copyOf(Args.notNull("changes", changes));
        onlyBefore = List.copyOf(Args.notNull("onlyBefore", onlyBefore));
        onlyAfter = List.copyOf(Args.notNull("onlyAfter", onlyAfter));
    }

    /**
     * Whether every inspection found its partner.
     *
     * @return true if {@link #onlyBefore()} and {@link #onlyAfter()} are both empty
     */
    public boolean allMatched() {
        return onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }

    /** One line per comparison, then the inspections left unpaired. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (InspectionChange change : changes) {
            text.append(change).append('\n');
        }
        for (String note : unpaired()) {
            text.append(note).append('\n');
        }
        return text.toString();
    }

    private List<String> unpaired() {
        List<String> notes = new ArrayList<>();
        if (!onlyBefore.isEmpty()) {
            notes.add("no later inspection for: " + String.join(", ", onlyBefore) + " (not compared)");
        }
        if (!onlyAfter.isEmpty()) {
            notes.add("no earlier inspection for: " + String.join(", ", onlyAfter) + " (not compared)");
        }
        return notes;
    }

    /**
     * The inspections left unpaired, then each comparison's notes (categories audited in one
     * inspection only).
     *
     * @return the notes; empty when everything paired
     */
    @Override
    public List<String> notes() {
        List<String> notes = unpaired();
        for (InspectionChange change : changes) {
            notes.addAll(change.notes());
        }
        return notes;
    }

    /**
     * Every comparison as the command line writes it ({@link ChangeColumns#inspectionChanges}), with
     * {@link #notes()}.
     *
     * @return a new table; no rows when nothing paired
     */
    @Override
    public ResultTable table() {
        return ChangeColumns.inspectionChanges(changes).notes(unpaired());
    }

    /**
     * Every comparison's summary, each followed by an empty line, then the inspections left unpaired.
     *
     * @return multi-line text
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (InspectionChange change : changes) {
            text.append(change.summary()).append('\n');
        }
        for (String note : unpaired()) {
            text.append(note).append('\n');
        }
        return text.toString();
    }
}
