package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.List;

/** Sentences shared by the resampling results. */
final class Resampled {

    private Resampled() {
    }

    /** A line "note: ..." per note, each ending with a line end; empty for none. */
    static String noteLines(List<String> notes) {
        StringBuilder text = new StringBuilder();
        for (String note : notes) {
            text.append("note: ").append(note).append('\n');
        }
        return text.toString();
    }

    /**
     * The notes on categories audited in one inspection only, as {@code compare} says them:
     * "category 'fraud' was audited only in CDI 2017: " then what became of it ({@code consequence}).
     */
    static List<String> unmatched(String before, String after, List<String> onlyBefore, List<String> onlyAfter,
                                  String consequence) {
        List<String> notes = new ArrayList<>();
        for (String category : onlyBefore) {
            notes.add("category '" + category + "' was audited only in " + before + ": " + consequence);
        }
        for (String category : onlyAfter) {
            notes.add("category '" + category + "' was audited only in " + after + ": " + consequence);
        }
        return notes;
    }

    /** What becomes of a category in one inspection only in a bootstrap of the change. */
    static final String COUNTED = "not compared by category (it counts in that inspection's all-crime rate)";

    /** What becomes of it in a permutation test. */
    static final String HELD = "not tested by category (a constant of the all-crime change, not permuted)";

    /** The sum of the blocks' counts. */
    static long total(long[] blocks) {
        long total = 0;
        for (long b : blocks) {
            total += b;
        }
        return total;
    }
}
