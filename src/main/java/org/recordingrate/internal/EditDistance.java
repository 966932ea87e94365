package org.recordingrate.internal;

/**
 * The Levenshtein distance between two strings (insertions, deletions and substitutions of one
 * character each cost 1), for messages that name the nearest valid names to a mistyped one. Two rows
 * of the dynamic-programming table, O(|a| |b|) time.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * The distance, e.g. 1 between {@code "rte"} and {@code "rate"}.
     *
     * @param a a string, not null
     * @param b another, not null
     * @return the number of one-character edits turning {@code a} into {@code b}
     */
    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
