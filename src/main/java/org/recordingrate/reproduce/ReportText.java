package org.recordingrate.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's text made plain for reading figures, each character remembering where it came from
 * so that a figure can name the line its sentence starts on:
 * <ul>
 *   <li>every run of white space (line ends, tabs, no-break and thin spaces) is one space, so a
 *       sentence broken over lines reads as one;</li>
 *   <li>a word hyphenated at a line end ("statisti-" / "cally") is joined, a soft hyphen dropped;</li>
 *   <li>typographic forms read as plain ones: "&plusmn;" and "+/&minus;" as "+/-", curly quotes as
 *       straight ones, the ligatures "&#xFB01;" and "&#xFB02;" as "fi" and "fl";</li>
 *   <li>a word repeated by mistake ("that that the") is read once.</li>
 * </ul>
 */
final class ReportText {

    /** A report's text with its name. */
    record Named(String name, String text) {
    }

    private static final Pattern REPEATED_WORD = Pattern.compile("(?i)\\b(\\p{L}+) \\1\\b");

    /** The longest line read as a heading. */
    private static final int HEADING = 60;

    private final String text;
    private final int[] origin;
    /** Offsets in the original text where each line starts. */
    private final int[] lineStarts;
    /** Plain-text indices where a paragraph starts, or the text after a heading line. */
    private final List<Integer> blockStarts;

    private ReportText(String raw, String text, int[] origin, int[] lineStarts) {
        this.text = text;
        this.origin = origin;
        this.lineStarts = lineStarts;
        this.blockStarts = blockStarts(raw);
    }

    /** The plain form of {@code raw}. */
    static ReportText of(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int[] origin = new int[raw.length() + 1];
        int length = 0;
        boolean space = true; // no leading space
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u00AD') {
                continue;
            }
            if (isHyphen(c) && i > 0 && Character.isLetter(raw.charAt(i - 1))) {
                int next = skipSpace(raw, i + 1);
                if (next > i + 1 && containsLineEnd(raw, i + 1, next) && next < raw.length()
                        && Character.isLowerCase(raw.charAt(next))) {
                    i = next - 1; // "statisti-\ncally": drop the hyphen and the break
                    continue;
                }
            }
            String replacement = replacement(c);
            if (replacement == null) {
                if (isSpace(c)) {
                    if (!space) {
                        if (length == origin.length) {
                            origin = Arrays.copyOf(origin, origin.length * 2 + 1);
                        }
                        origin[length++] = i;
                        out.append(' ');
                        space = true;
                    }
                    continue;
                }
                replacement = String.valueOf(c);
            }
            for (int k = 0; k < replacement.length(); k++) {
                if (length == origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2 + 1);
                }
                origin[length++] = i;
                out.append(replacement.charAt(k));
            }
            space = false;
        }
        // a word repeated by mistake, read once
        String plain = out.toString();
        int[] map = Arrays.copyOf(origin, length);
        Matcher repeated = REPEATED_WORD.matcher(plain);
        StringBuilder once = new StringBuilder(plain.length());
        int[] onceMap = new int[length];
        int kept = 0;
        int from = 0;
        while (repeated.find()) {
            int cut = repeated.start() + repeated.group(1).length(); // drop " word" after the first
            for (int k = from; k < cut; k++) {
                once.append(plain.charAt(k));
                onceMap[kept++] = map[k];
            }
            from = repeated.end();
        }
        for (int k = from; k < plain.length(); k++) {
            once.append(plain.charAt(k));
            onceMap[kept++] = map[k];
        }
        return new ReportText(raw, once.toString(), Arrays.copyOf(onceMap, kept), lineStarts(raw));
    }

    private static int skipSpace(String raw, int from) {
        int i = from;
        while (i < raw.length() && isSpace(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean containsLineEnd(String raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == '\n' || raw.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2212' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static String replacement(char c) {
        switch (c) {
            case '\u00B1':
                return "+/-";
            case '\u2212':
            case '\u2010':
            case '\u2011':
                return "-";
            case '\u2018':
            case '\u2019':
            case '\u02BC':
                return "'";
            case '\u201C':
            case '\u201D':
                return "\"";
            case '\uFB01':
                return "fi";
            case '\uFB02':
                return "fl";
            default:
                return null;
        }
    }

    private static int[] lineStarts(String raw) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == raw.length() || raw.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Where blocks start in the plain text: the first line after a blank one, and the line after a
     * heading (a short line, not ending in punctuation, at the top of a paragraph, followed by a line
     * that starts with a capital), so that a heading does not run into its paragraph's first sentence.
     */
    private List<Integer> blockStarts(String raw) {
        List<Integer> starts = new ArrayList<>();
        boolean blankBefore = true;
        for (int l = 0; l < lineStarts.length; l++) {
            int from = lineStarts[l];
            int to = l + 1 < lineStarts.length ? lineStarts[l + 1] : raw.length();
            String line = raw.substring(from, to).strip();
            if (line.isEmpty()) {
                blankBefore = true;
                continue;
            }
            if (blankBefore) {
                starts.add(plainIndex(from));
            }
            if (blankBefore && line.length() <= HEADING && !line.matches(".*[.,;:(]$") && l + 1 < lineStarts.length) {
                int nextFrom = lineStarts[l + 1];
                int nextTo = l + 2 < lineStarts.length ? lineStarts[l + 2] : raw.length();
                String next = raw.substring(nextFrom, nextTo).strip();
                if (!next.isEmpty() && Character.isUpperCase(next.charAt(0))) {
                    starts.add(plainIndex(nextFrom));
                }
            }
            blankBefore = false;
        }
        return starts;
    }

    /** The first plain-text index whose character comes from {@code rawOffset} or later. */
    private int plainIndex(int rawOffset) {
        int low = 0;
        int high = origin.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (origin[mid] < rawOffset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Plain-text indices where paragraphs and the text after headings start, in order. */
    List<Integer> blockStarts() {
        return blockStarts;
    }

    /** The plain text. */
    String text() {
        return text;
    }

    /** The 1-based line of the original text on which the plain character at {@code index} stands. */
    long line(int index) {
        if (origin.length == 0) {
            return 1;
        }
        int at = origin[Math.max(0, Math.min(index, origin.length - 1))];
        int found = Arrays.binarySearch(lineStarts, at);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
