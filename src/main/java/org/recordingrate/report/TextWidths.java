package org.recordingrate.report;

/**
 * The width a text will take, estimated from the advance widths of DejaVu Sans (the sans-serif font
 * of most Linux machines, and the metrics of Bitstream Vera and close to Verdana), so that a plot's
 * layout is the same on every machine whatever fonts it has: the layout never measures a font.
 * The PNG painter measures the real font and shrinks a text that would overrun the width allotted
 * here; the SVG names DejaVu Sans first. Widths were read with Java2D from DejaVu Sans 2.37 at
 * 1000 pixels (fractional metrics), for the printable ASCII characters; any other character counts
 * as 1000 (an em), which is no narrower than any glyph of these fonts but the widest few.
 */
final class TextWidths {

    private TextWidths() {
    }

    /** Advance widths of ' ' to '~' in thousandths of the font size, plain. */
    private static final short[] PLAIN = {
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};

    /** The same, bold. */
    private static final short[] BOLD = {
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};

    /** The height of capitals and digits above the baseline, in font sizes (DejaVu Sans: 1493/2048). */
    static final double CAP_HEIGHT = 0.73;

    /** How far descenders reach below the baseline, in font sizes (DejaVu Sans: 483/2048). */
    static final double DESCENT = 0.24;

    /**
     * The width of {@code text} at {@code size} pixels.
     *
     * @param text the text
     * @param size the font size in pixels
     * @param bold whether bold
     * @return the width in pixels
     */
    static double width(String text, double size, boolean bold) {
        short[] table = bold ? BOLD : PLAIN;
        long total = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            total += c >= ' ' && c <= '~' ? table[c - ' '] : 1000;
        }
        return total * size / 1000.0;
    }
}
