package org.recordingrate.format;

/**
 * The few pieces of JSON the reports need: strings with escapes, and numbers (non-finite as
 * null). Small enough that a dependency would cost more than it saves.
 */
public final class Json {

    private Json() {
    }

    /**
     * A JSON string literal (RFC 8259, section 7) with quotes, backslashes and control characters
     * escaped: {@code \n}, {@code \r} and {@code \t} by name, the other controls below U+0020 as
     * {@code \}{@code u00XX}; everything else, non-ASCII included, as it is.
     *
     * @param text the text
     * @return the literal, quotes included
     * @throws NullPointerException if {@code text} is null
     */
    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A value: null as {@code null}; numbers as JSON numbers, infinities as the strings
     * {@code "Inf"} and {@code "-Inf"} (JSON has no infinity; an unbounded value must not read as
     * missing), NaN as {@code null}; anything else, and every value when {@code asText}, as a string.
     * Doubles are written in full precision (the shortest decimal that reads back the same).
     *
     * @param value  the value, or null
     * @param asText whether to write every non-null value as a string of its {@code toString()}
     * @return the JSON text of the value
     */
    public static String value(Object value, boolean asText) {
        return value(value, asText, 0);
    }

    /**
     * As {@link #value(Object, boolean)}, non-whole numbers with {@code digits} significant digits
     * when {@code digits > 0}. Only {@link Double} values are rounded or mapped to {@code "Inf"} and
     * null; other numbers are written by their {@code toString()}.
     *
     * @param value  the value, or null
     * @param asText whether to write every non-null value as a string of its {@code toString()}
     * @param digits significant digits for non-whole doubles; 0 or less for full precision
     * @return the JSON text of the value
     */
    public static String value(Object value, boolean asText, int digits) {
        if (value == null) {
            return "null";
        }
        if (asText) {
            return string(value.toString());
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            // infinities and NaN as a double's, valid JSON (Float's toString writes Infinity, NaN)
            return value(f.doubleValue(), false, digits);
        }
        if (value instanceof Double d) {
            if (Double.isInfinite(d)) {
                return d > 0 ? "\"Inf\"" : "\"-Inf\"";
            }
            return Double.isNaN(d) ? "null" : ResultTable.machine(d, digits);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return string(value.toString());
    }
}
