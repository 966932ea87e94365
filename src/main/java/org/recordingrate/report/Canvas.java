package org.recordingrate.report;

/**
 * What the plots draw on: a few primitives in pixels at scale 1 (y down), written as SVG text
 * ({@link SvgCanvas}) or painted with Java2D into a PNG ({@link PngCanvas}). Each plot computes its
 * layout once and draws it on either, so the two pictures agree.
 */
interface Canvas {

    /** Where a text's x coordinate is. */
    enum Anchor {
        START, MIDDLE, END
    }

    /**
     * A line style.
     *
     * @param rgb   colour
     * @param width width in pixels
     * @param dash  dash and gap lengths, empty for a solid line
     */
    record Pen(int rgb, double width, double... dash) {
        /** A solid line. */
        static Pen solid(int rgb, double width) {
            return new Pen(rgb, width);
        }

        /** A dashed line. */
        static Pen dashed(int rgb, double width, double on, double off) {
            return new Pen(rgb, width, on, off);
        }
    }

    /**
     * A text style.
     *
     * @param size   font size in pixels
     * @param bold   bold
     * @param anchor where x is
     * @param rgb    colour
     */
    record Type(double size, boolean bold, Anchor anchor, int rgb) {
        /** The same style anchored elsewhere. */
        Type at(Anchor other) {
            return new Type(size, bold, other, rgb);
        }

        /** The estimated width of {@code text} in this style. */
        double width(String text) {
            return TextWidths.width(text, size, bold);
        }
    }

    /** No fill. */
    int NONE = -1;

    void line(double x1, double y1, double x2, double y2, Pen pen);

    /** A path through the points; NaN coordinates break it into pieces. */
    void polyline(double[] x, double[] y, Pen pen);

    /** A rectangle, filled with {@code fill} (or {@link #NONE}) and outlined by {@code pen} (or null). */
    void rect(double x, double y, double width, double height, int fill, Pen pen);

    void circle(double cx, double cy, double r, int fill, Pen pen);

    void polygon(double[] x, double[] y, int fill, Pen pen);

    /** Text with its baseline at y. */
    void text(double x, double y, String text, Type type);

    /** Text turned a quarter to the left (reading upwards), its baseline through x. */
    void textUp(double x, double y, String text, Type type);

    /** Limits the following drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double width, double height);

    void unclip();
}
