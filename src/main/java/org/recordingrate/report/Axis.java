package org.recordingrate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear scale from values to pixels, with "nice" ticks (1, 2 or 2.5, 5 times a power of ten;
 * Heckbert, "Nice numbers for graph labels", Graphics Gems 1990).
 *
 * @param min   the value at {@code from}
 * @param max   the value at {@code to}
 * @param from  the pixel of {@code min}
 * @param to    the pixel of {@code max} (smaller than {@code from} for a y axis, which points up)
 * @param step  the distance between ticks
 */
record Axis(double min, double max, double from, double to, double step) {

    /** An axis covering [low, high], widened to whole ticks, about {@code ticks} of them. */
    static Axis covering(double low, double high, double from, double to, int ticks) {
        if (!(high > low)) {
            double pad = Math.max(Math.abs(low) * 0.05, 0.01);
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / Math.max(1, ticks));
        double min = Math.floor(low / step + 1e-9) * step;
        double max = Math.ceil(high / step - 1e-9) * step;
        return new Axis(min, max, from, to, step);
    }

    /** An axis with fixed ends (a rate axis clipped to [0, 100], say), ticks about as asked. */
    static Axis fixed(double min, double max, double from, double to, int ticks) {
        return new Axis(min, max, from, to, niceStep((max - min) / Math.max(1, ticks)));
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The pixel of a value. */
    double px(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** The ticks within [min, max]. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double tick = first + i * step;
            if (tick > max + step * 1e-9) {
                break;
            }
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
        }
        return ticks;
    }

    /** A tick's label: as few decimals as the step needs. */
    String label(double tick) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++;
        }
        return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", tick);
    }
}
