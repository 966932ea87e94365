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
     * "category 'fraud' was audited only in CDI 2017: not compared by category (it counts in that
     * inspection's all-crime rate)".
     */
    static List<String> unmatched(String before, String after, List<String> onlyBefore, List<String> onlyAfter) {
        List<String> notes = new ArrayList<>();
        for (String category : onlyBefore) {
            notes.add("category '" + category + "' was audited only in " + before
                    + ": not compared by category (it counts in that inspection's all-crime rate)");
        }
        for (String category : onlyAfter) {
            notes.add("category '" + category + "' was audited only in " + after
                    + ": not compared by category (it counts in that inspection's all-crime rate)");
        }
        return notes;
    }
}
