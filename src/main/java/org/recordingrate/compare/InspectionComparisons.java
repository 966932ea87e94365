package org.recordingrate.compare;

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
public record InspectionComparisons(List<InspectionChange> changes, List<String> onlyBefore, List<String> onlyAfter) {

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

    /** One line per comparison. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (InspectionChange change : changes) {
            text.append(change).append('\n');
        }
        if (!onlyBefore.isEmpty()) {
            text.append("no later inspection for: ").append(String.join(", ", onlyBefore)).append('\n');
        }
        if (!onlyAfter.isEmpty()) {
            text.append("no earlier inspection for: ").append(String.join(", ", onlyAfter)).append('\n');
        }
        return text.toString();
    }

    /**
     * Every comparison's summary, each followed by an empty line, then the inspections left unpaired.
     *
     * @return multi-line text
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (InspectionChange change : changes) {
            text.append(change.summary()).append('\n');
        }
        if (!onlyBefore.isEmpty()) {
            text.append("no later inspection for: ").append(String.join(", ", onlyBefore)).append('\n');
        }
        if (!onlyAfter.isEmpty()) {
            text.append("no earlier inspection for: ").append(String.join(", ", onlyAfter)).append('\n');
        }
        return text.toString();
    }
}
