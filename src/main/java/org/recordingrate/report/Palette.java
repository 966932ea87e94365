package org.recordingrate.report;

import java.util.Locale;

/**
 * The colours of the plots: the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design",
 * jfly.uni-koeln.de/color), told apart by people with any of the common colour-vision deficiencies.
 * Every plot also marks with shape or line style what it marks with colour, so that a picture
 * printed in grey still reads.
 */
public final class Palette {

    private Palette() {
    }

    /** Okabe-Ito black. */
    public static final int BLACK = 0x000000;
    /** Okabe-Ito orange: the earlier inspection in the forest plot; beyond 95% in the funnel plot. */
    public static final int ORANGE = 0xE69F00;
    /** Okabe-Ito sky blue. */
    public static final int SKY_BLUE = 0x56B4E9;
    /** Okabe-Ito bluish green: a significant improvement. */
    public static final int BLUISH_GREEN = 0x009E73;
    /** Okabe-Ito blue: the later inspection in the forest plot; the control limits of the funnel plot. */
    public static final int BLUE = 0x0072B2;
    /** Okabe-Ito vermillion: a significant deterioration; beyond 99.8% in the funnel plot. */
    public static final int VERMILLION = 0xD55E00;
    /** Okabe-Ito reddish purple. */
    public static final int REDDISH_PURPLE = 0xCC79A7;
    /** Dark grey for text that is not the point (subtitles, notes). */
    public static final int DARK_GREY = 0x555555;
    /** Grey for points within the limits and for "no significant change". */
    public static final int GREY = 0x999999;
    /** Light grey for grid lines. */
    public static final int LIGHT_GREY = 0xDDDDDD;
    /** White: the background. */
    public static final int WHITE = 0xFFFFFF;

    /** {@code 0x0072B2 -> "#0072b2"}. */
    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }
}
