package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Wilson;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Interval;

/**
 * Bootstrap distributions at the edge, said and remedied. When every audited crime of a category
 * was recorded (or none), every replicate equals the estimate and the bootstrap interval is a
 * point; when the fewer side (unrecorded crimes, or recorded ones if they are fewer) is small,
 * the bootstrap distribution takes few values and its intervals cover far less than they claim:
 * the exact percentile bootstrap covers 63% at a true rate of 131/132 with 132 audited, 87% at
 * 130/132 (exact binomial coverage, {@code EdgeTest}).
 *
 * <p><b>The rule.</b> The bootstrap distribution of the fewer side's count S* (Binomial(n, q) for
 * crimes audited one by one; for incidents, the sum over m incidents drawn with replacement of
 * each one's unrecorded, or recorded, crimes) is <em>degenerate</em> when it has one value, and
 * <em>nearly degenerate</em> when fewer than {@link #FEW_VALUES} of its values have a probability
 * of at least {@link #VISIBLE} (about n p q &lt; 5 for crimes one by one, the classical rule of
 * thumb for the normal approximation).
 *
 * <p><b>The remedy.</b> Wilson's score interval for that category (Wilson 1927, JASA 22:209-212;
 * recommended by Brown, Cai and DasGupta 2001, Statistical Science 16:101-133), whose coverage
 * the test measures against exact binomial coverage: at 132 audited its mean coverage over true
 * rates from 90% to 99.99% is 95.0% (minimum 84.7%, the known dip where n p q is about 0.2),
 * against a mean of 84% for the exact percentile bootstrap. For a category of incidents it is
 * Wilson's interval on the effective number of crimes if an incident's crimes were recorded
 * all alike, (sum c)&sup2;&#47;sum c&sup2; (c the crimes of each incident: the number of incidents
 * when they are equal), which cannot be too narrow for want of a design effect that the data
 * cannot estimate. For a change, Newcombe's hybrid score interval (Newcombe 1998, Statistics in
 * Medicine 17:873-890, method 10) from the two Wilson intervals.
 */
final class Edge {

    /** A bootstrap distribution with fewer visible values than this is nearly degenerate. */
    static final int FEW_VALUES = 15;

    /** The probability from which a value counts as visible. */
    static final double VISIBLE = 0.001;

    /** References of the remedies, as the notes cite them. */
    static final String WILSON_REFERENCE = "Wilson 1927; Brown, Cai and DasGupta 2001";
    static final String NEWCOMBE_REFERENCE = "Newcombe 1998";

    /** What the rule found for one category. */
    record Finding(String category, boolean degenerate, int visibleValues, Interval wilson, double effectiveSize,
                   boolean grouped) {
    }

    private Edge() {
    }

    /**
     * The finding for a category's incidents (single crimes for a plain tally) when its bootstrap
     * distribution is degenerate or nearly so, else empty.
     */
    static Optional<Finding> check(String category, Incidents incidents, double confidence) {
        long x = incidents.recorded();
        long n = incidents.crimes();
        boolean unrecordedSide = 2 * x >= n;
        long side = unrecordedSide ? n - x : x;
        long m = incidents.count();
        double z = Normal.twoSidedCritical(confidence);
        double effective = effectiveSize(incidents);
        double p = (double) x / n;
        Interval wilson = new Interval(Wilson.lower(effective * p, effective * (1 - p), z),
                Wilson.upper(effective * p, effective * (1 - p), z));
        if (side == 0) {
            return Optional.of(new Finding(category, true, 1, wilson, effective, incidents.isGrouped()));
        }
        // the count on the fewer side of one incident drawn at random: its mean and variance
        double mean = 0;
        double second = 0;
        int largest = 0;
        for (Incidents.Group g : incidents.groups()) {
            long s = unrecordedSide ? g.crimes() - g.recorded() : g.recorded();
            mean += g.incidents() * (double) s / m;
            second += g.incidents() * (double) s * s / m;
            largest = (int) Math.max(largest, Math.min(Integer.MAX_VALUE, s));
        }
        double variance = m * (second - mean * mean);
        if (variance >= 16) {
            // a standard deviation of 4 or more already shows more than FEW_VALUES visible values
            return Optional.empty();
        }
        int visible = visibleValues(incidents, unrecordedSide, largest);
        return visible < FEW_VALUES
                ? Optional.of(new Finding(category, false, visible, wilson, effective, incidents.isGrouped()))
                : Optional.empty();
    }

    /**
     * The number of values of S* with probability at least {@link #VISIBLE}: the m-fold
     * convolution of one incident's count, values below 2<sup>-64</sup> of the largest dropped
     * (small here: the caller only asks when S* has a variance below 16).
     */
    private static int visibleValues(Incidents incidents, boolean unrecordedSide, int largest) {
        long m = incidents.count();
        double[] one = new double[largest + 1];
        for (Incidents.Group g : incidents.groups()) {
            long s = unrecordedSide ? g.crimes() - g.recorded() : g.recorded();
            one[(int) s] += (double) g.incidents() / m;
        }
        // m-fold by squaring: at most 2 log2(m) convolutions of short sequences
        double[] result = {1};
        double[] power = one;
        for (long e = m; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = trimmed(convolve(result, power));
            }
            if (e > 1) {
                power = trimmed(convolve(power, power));
            }
        }
        int count = 0;
        for (double q : result) {
            count += q >= VISIBLE ? 1 : 0;
        }
        return count;
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                for (int j = 0; j < b.length; j++) {
                    c[i + j] += a[i] * b[j];
                }
            }
        }
        return c;
    }

    /** The sequence without its trailing values below 2^-64 of the largest (the start stays at 0). */
    private static double[] trimmed(double[] a) {
        double largest = 0;
        for (double v : a) {
            largest = Math.max(largest, v);
        }
        int end = a.length;
        while (end > 1 && a[end - 1] < largest * 0x1.0p-64) {
            end--;
        }
        return end == a.length ? a : Arrays.copyOf(a, end);
    }

    /**
     * The effective number of crimes if every incident's crimes were recorded alike:
     * (sum c)&sup2;&#47;sum c&sup2; over the incidents; the crimes themselves when each incident holds one.
     */
    static double effectiveSize(Incidents incidents) {
        double sum = 0;
        double squares = 0;
        for (Incidents.Group g : incidents.groups()) {
            sum += (double) g.crimes() * g.incidents();
            squares += (double) g.crimes() * g.crimes() * g.incidents();
        }
        return sum * sum / squares;
    }

    /** The note on a category row (or a single tally's bootstrap). */
    static String categoryNote(Finding f, Incidents incidents, double confidence) {
        String level = Percent.level(confidence);
        String what;
        if (f.degenerate()) {
            boolean all = incidents.recorded() == incidents.crimes();
            what = String.format(Locale.ROOT, "%s of the %,d audited crimes were recorded, so every bootstrap"
                    + " replicate is %s and the bootstrap interval is that point", all ? "all" : "none",
                    incidents.crimes(), Percent.format(all ? 1 : 0));
        } else {
            what = String.format(Locale.ROOT, "the bootstrap distribution is nearly degenerate (%,d of %,d recorded:"
                    + " %d values of the %s count have a probability of %s or more, fewer than %d), so bootstrap"
                    + " intervals cover less than they claim", incidents.recorded(), incidents.crimes(),
                    f.visibleValues(), 2 * incidents.recorded() >= incidents.crimes() ? "unrecorded" : "recorded",
                    "0.1%", FEW_VALUES);
        }
        String size = f.grouped() ? String.format(Locale.ROOT, " on the effective size of %.1f crimes (%s, recorded"
                + " alike within an incident)", f.effectiveSize(), incidents) : "";
        return String.format(Locale.ROOT, "%s%s; the Wilson %s interval%s, %s to %s, covers (%s)", prefix(f.category()), what,
                level, size, Percent.format(f.wilson().lower()), Percent.format(f.wilson().upper()), WILSON_REFERENCE);
    }

    /**
     * The note on a change row when either side is at the edge: Newcombe's hybrid score interval
     * for after - before from the two Wilson intervals (each on its effective size).
     */
    static String changeNote(String category, Optional<Finding> before, Optional<Finding> after,
                             Incidents beforeIncidents, Incidents afterIncidents, double confidence) {
        Interval b = wilson(beforeIncidents, confidence);
        Interval a = wilson(afterIncidents, confidence);
        double pb = (double) beforeIncidents.recorded() / beforeIncidents.crimes();
        double pa = (double) afterIncidents.recorded() / afterIncidents.crimes();
        double d = pa - pb;
        double lower = d - Math.sqrt(square(pa - a.lower()) + square(b.upper() - pb));
        double upper = d + Math.sqrt(square(a.upper() - pa) + square(pb - b.lower()));
        List<String> sides = new ArrayList<>();
        before.ifPresent(f -> sides.add("before " + (f.degenerate() ? "degenerate" : "nearly degenerate") + " ("
                + beforeIncidents.recorded() + " of " + beforeIncidents.crimes() + " recorded)"));
        after.ifPresent(f -> sides.add("after " + (f.degenerate() ? "degenerate" : "nearly degenerate") + " ("
                + afterIncidents.recorded() + " of " + afterIncidents.crimes() + " recorded)"));
        return String.format(Locale.ROOT, "%sthe bootstrap of the change has few values (%s), so its interval"
                + " covers less than it claims; Newcombe's hybrid score %s interval is %s points (%s)",
                prefix(category), String.join(", ", sides), Percent.level(confidence),
                Percent.range(Math.max(-1, lower), Math.min(1, upper)), NEWCOMBE_REFERENCE);
    }

    /** The note on an all-crime row whose categories include some at the edge. */
    static String allCrimeNote(List<String> categories) {
        return "all crime: the bootstrap takes little or no uncertainty from " + String.join(", ", categories)
                + " (degenerate or nearly so, see " + (categories.size() == 1 ? "its row" : "their rows")
                + "), so the all-crime interval may be too narrow";
    }

    /** Wilson's interval for the incidents' rate on their effective size. */
    static Interval wilson(Incidents incidents, double confidence) {
        double z = Normal.twoSidedCritical(confidence);
        double effective = effectiveSize(incidents);
        double p = (double) incidents.recorded() / incidents.crimes();
        return new Interval(Wilson.lower(effective * p, effective * (1 - p), z),
                Wilson.upper(effective * p, effective * (1 - p), z));
    }

    /** "violence: ", or nothing for an unnamed tally. */
    private static String prefix(String category) {
        return category.isEmpty() ? "" : category + ": ";
    }

    private static double square(double x) {
        return x * x;
    }
}
