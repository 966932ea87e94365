package org.recordingrate.report;

import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG 1.1 as text: one self-contained {@code <svg>} element with a
 * title (read by screen readers), sized in pixels with a matching {@code viewBox} so that it scales.
 */
final class SvgCanvas implements Canvas {

    /** Fonts named in the SVG: the one the layout's widths come from first. */
    static final String FONTS = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Geneva, sans-serif";

    private final StringBuilder out = new StringBuilder();
    private final String ids;
    private int clips;
    private boolean clipped;

    /**
     * @param width  width in pixels
     * @param height height in pixels
     * @param title  what the picture shows, for its {@code <title>}
     * @param ids    prefix of the element ids, so that two pictures inline in one page never share one
     */
    SvgCanvas(double width, double height, String title, String ids) {
        this.ids = ids;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" font-family=\"").append(FONTS).append("\" role=\"img\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /** The finished SVG document. */
    String finish() {
        if (clipped) {
            unclip();
        }
        return out + "</svg>\n";
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(stroke(pen)).append("/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, Pen pen) {
        StringBuilder d = new StringBuilder();
        boolean penDown = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                penDown = false;
                continue;
            }
            d.append(penDown ? " L" : " M").append(n(x[i])).append(' ').append(n(y[i]));
            penDown = true;
        }
        if (d.length() > 0) {
            out.append("<path d=\"").append(d.substring(1)).append("\" fill=\"none\"").append(stroke(pen))
                    .append("/>\n");
        }
    }

    @Override
    public void rect(double x, double y, double width, double height, int fill, Pen pen) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append('"').append(fill(fill)).append(stroke(pen))
                .append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, int fill, Pen pen) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append('"').append(fill(fill)).append(stroke(pen)).append("/>\n");
    }

    @Override
    public void polygon(double[] x, double[] y, int fill, Pen pen) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            points.append(i == 0 ? "" : " ").append(n(x[i])).append(',').append(n(y[i]));
        }
        out.append("<polygon points=\"").append(points).append('"').append(fill(fill)).append(stroke(pen))
                .append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, Type type) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"').append(type(type)).append('>')
                .append(escape(text)).append("</text>\n");
    }

    @Override
    public void textUp(double x, double y, String text, Type type) {
        out.append("<text x=\"0\" y=\"0\" transform=\"translate(").append(n(x)).append(' ').append(n(y))
                .append(") rotate(-90)\"").append(type(type)).append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        if (clipped) {
            unclip();
        }
        String id = ids + "-clip" + (++clips);
        out.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            out.append("</g>\n");
            clipped = false;
        }
    }

    private static String type(Type type) {
        String anchor = switch (type.anchor()) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        return " font-size=\"" + n(type.size()) + "\"" + (type.bold() ? " font-weight=\"bold\"" : "")
                + " text-anchor=\"" + anchor + "\" fill=\"" + Palette.hex(type.rgb()) + "\"";
    }

    private static String fill(int rgb) {
        return " fill=\"" + (rgb == NONE ? "none" : Palette.hex(rgb)) + "\"";
    }

    private static String stroke(Pen pen) {
        if (pen == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(" stroke=\"").append(Palette.hex(pen.rgb())).append("\" stroke-width=\"")
                .append(n(pen.width())).append('"');
        if (pen.dash().length > 0) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < pen.dash().length; i++) {
                s.append(i == 0 ? "" : ",").append(n(pen.dash()[i]));
            }
            s.append('"');
        }
        return s.toString();
    }

    /** A coordinate with at most two decimals, no trailing zeros: stable text for stable pictures. */
    static String n(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    /**
     * Text for XML (and HTML) content and double-quoted attributes, well-formed for any string:
     * {@code & < > "} escaped; tab and line feed kept; the other C0 controls, carriage return and the
     * C1 controls (U+007F to U+009F, discouraged in XML and errors in HTML) as spaces; characters XML
     * 1.0 does not allow (U+FFFE, U+FFFF, an unpaired surrogate) and the other noncharacters
     * (U+FDD0 to U+FDEF, U+nFFFE and U+nFFFF in every plane) as U+FFFD, the replacement character.
     * A surrogate pair (an emoji, say) is kept whole. XML 1.0, section 2.2: Char ::= #x9 | #xA |
     * #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
     *
     * @param text any string, unpaired surrogates and noncharacters included
     * @return the text as XML character data, with no character XML 1.0 forbids
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if (isNoncharacter(codePoint)) {
                    s.append('\uFFFD');
                } else {
                    s.appendCodePoint(codePoint);
                }
                continue;
            }
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\t', '\n' -> s.append(c);
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                        s.append(' ');
                    } else if (Character.isSurrogate(c) || isNoncharacter(c)) {
                        s.append('\uFFFD');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Unicode's noncharacters: U+FDD0 to U+FDEF, and the last two code points of every plane. */
    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
