package org.recordingrate.resample;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.recordingrate.internal.Hypergeometric;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Incidents;

/**
 * The permutation of whole incidents between two inspections, within each category: the
 * incidents of both inspections are pooled and m<sub>after</sub> of them, chosen at random without
 * replacement, form the later inspection (each inspection keeps its number of incidents; the crimes
 * of an incident stay together). Incidents with the same pattern (crimes c, recorded r) are
 * exchangeable, so an arrangement is summarised by how many incidents of each pattern went after:
 * a multivariate hypergeometric vector K, with probability prod C(n<sub>g</sub>, K<sub>g</sub>)&#47;C(m, m<sub>after</sub>).
 * The later inspection's sums are R<sub>a</sub> = sum K<sub>g</sub> r<sub>g</sub> and A<sub>a</sub> = sum K<sub>g</sub> c<sub>g</sub>,
 * the earlier one's what is left of the pooled totals.
 *
 * <p>The statistic is the change in rate, R<sub>a</sub>&#47;A<sub>a</sub> - R<sub>b</sub>&#47;A<sub>b</sub> for a
 * category, the change in the volume-weighted rate over the categories audited in both for all
 * crime; compared exactly with the observed change (fractions cross-multiplied in BigInteger near
 * a tie). Monte Carlo: each replicate draws K pattern by pattern, K<sub>g</sub> hypergeometric given
 * what the earlier patterns took ({@link #hypergeometricDraw}, one uniform each), in the fixed blocks
 * of {@link Blocks}. Enumeration: every vector K of every category, grouped by the sums it gives.
 *
 * <p>Immutable; one instance per category pair.
 */
@SuppressWarnings("unchecked")
final class IncidentPermutation {

    /** Patterns with at most this many pooled incidents are drawn incident by incident (without tables). */
    static final int SMALL = 24;

    /** The most pooled incidents of a category whose arrangements are enumerated (a log-factorial table each). */
    static final long MAX_ENUMERATED_INCIDENTS = 1 << 20;

    /** The most tables of conditional draws kept for one category; beyond, each draw is computed. */
    static final long MAX_TABLES = 1 << 15;

    /** Per pattern, the table of K_g for each number of incidents left to place (built when first needed). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<org.recordingrate.internal.AliasSampler>[] tables;
    private final long[] lowLeft;
    private final boolean tabled;

    private final String name;
    private final long[] crimes;
    private final long[] recorded;
    private final long[] pooled;
    private final long incidents;
    private final long after;
    private final long totalRecorded;
    private final long totalCrimes;
    private final long observedRecorded;
    private final long observedCrimes;

    /** Pooled patterns of the two categories (a category without incidents as incidents of one crime). */
    IncidentPermutation(AuditedCategory before, AuditedCategory after) {
        this.name = after.name();
        Incidents b = IncidentResampler.incidents(before);
        Incidents a = IncidentResampler.incidents(after);
        Map<List<Long>, Long> counts = new TreeMap<>((p, q) -> p.get(0).equals(q.get(0))
                ? Long.compare(p.get(1), q.get(1)) : Long.compare(p.get(0), q.get(0)));
        for (Incidents side : List.of(a, b)) {
            for (Incidents.Group g : side.groups()) {
                counts.merge(List.of(g.crimes(), g.recorded()), g.incidents(), Long::sum);
            }
        }
        // patterns in decreasing number of incidents: the chain of draws runs out of incidents sooner
        List<Map.Entry<List<Long>, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((p, q) -> Long.compare(q.getValue(), p.getValue()));
        int g = entries.size();
        crimes = new long[g];
        recorded = new long[g];
        pooled = new long[g];
        for (int i = 0; i < g; i++) {
            crimes[i] = entries.get(i).getKey().get(0);
            recorded[i] = entries.get(i).getKey().get(1);
            pooled[i] = entries.get(i).getValue();
        }
        this.incidents = a.count() + b.count();
        this.after = a.count();
        // the tables of K_g given the incidents left to place: pattern g meets rest_g incidents
        // (its own and the later patterns'), of which left go after, left within [lowLeft, highLeft]
        tables = new java.util.concurrent.atomic.AtomicReferenceArray[g];
        lowLeft = new long[g];
        long rest = incidents;
        long count = 0;
        for (int i = 0; i < g; i++) {
            lowLeft[i] = Math.max(0, this.after - (incidents - rest));
            long highLeft = Math.min(this.after, rest);
            count += highLeft - lowLeft[i] + 1;
            tables[i] = new java.util.concurrent.atomic.AtomicReferenceArray<>((int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(0, highLeft - lowLeft[i] + 1)));
            rest -= pooled[i];
        }
        tabled = count <= MAX_TABLES;
        this.totalRecorded = a.recorded() + b.recorded();
        this.totalCrimes = a.crimes() + b.crimes();
        this.observedRecorded = a.recorded();
        this.observedCrimes = a.crimes();
    }

    /** Whether some incident of either inspection holds more than one crime (else it is the crimes' test). */
    static boolean grouped(AuditedCategory before, AuditedCategory after) {
        return before.incidents().map(Incidents::isGrouped).orElse(false)
                || after.incidents().map(Incidents::isGrouped).orElse(false);
    }

    String name() {
        return name;
    }

    int patterns() {
        return crimes.length;
    }

    long incidents() {
        return incidents;
    }

    long afterIncidents() {
        return after;
    }

    /** The observed later (recorded, crimes). */
    long observedRecorded() {
        return observedRecorded;
    }

    long observedCrimes() {
        return observedCrimes;
    }

    long totalRecorded() {
        return totalRecorded;
    }

    long totalCrimes() {
        return totalCrimes;
    }

    /**
     * One arrangement drawn: the later inspection's (recorded, crimes) into {@code out}, K pattern
     * by pattern from {@code random}.
     */
    void draw(java.util.random.RandomGenerator random, long[] out) {
        long left = after;
        long rest = incidents;
        long r = 0;
        long a = 0;
        for (int g = 0; g < crimes.length && left > 0; g++) {
            long k;
            long n = pooled[g];
            if (n == rest) {
                k = left;
            } else if (left == rest) {
                k = n;
            } else if (tabled) {
                k = table(g, left, rest).sample(random.nextLong());
            } else if (n <= SMALL) {
                // few incidents of this pattern: each goes after with probability left/rest, in turn
                k = 0;
                long l = left;
                long t = rest;
                for (long i = 0; i < n && l > 0; i++) {
                    if ((random.nextLong() >>> 11) * 0x1.0p-53 * t < l) {
                        k++;
                        l--;
                    }
                    t--;
                }
            } else {
                k = hypergeometricDraw(n, rest - n, left, (random.nextLong() >>> 11) * 0x1.0p-53);
            }
            r += k * recorded[g];
            a += k * crimes[g];
            left -= k;
            rest -= pooled[g];
        }
        out[0] = r;
        out[1] = a;
    }

    /**
     * The alias table of K_g, the incidents of pattern g among the {@code left} drawn from the
     * {@code rest} that pattern g and the later ones hold: Hypergeometric(rest, n_g, left), built
     * the first time it is needed (every thread builds the same table, so which one keeps it does
     * not matter).
     */
    private org.recordingrate.internal.AliasSampler table(int g, long left, long rest) {
        int slot = (int) (left - lowLeft[g]);
        org.recordingrate.internal.AliasSampler table = tables[g].get(slot);
        if (table == null) {
            table = org.recordingrate.internal.AliasSampler.hypergeometric(left, rest - left, pooled[g]);
            tables[g].compareAndSet(slot, null, table);
        }
        return table;
    }

    /**
     * One hypergeometric draw by inversion of a uniform u: the number of marked items among
     * {@code draws} taken without replacement from {@code marked + unmarked}, searching outwards
     * from the mode alternately up and down with the ratio recurrence (as
     * {@code InversionSampler.binomialDraw} does for the binomial; the mode's probability by
     * {@code Hypergeometric.logPmf}).
     */
    static long hypergeometricDraw(long marked, long unmarked, long draws, double u) {
        // X = marked items drawn: the recorded count of group a (size draws) in a 2x2 table with
        // s = marked successes: Hypergeometric(draws, total - draws, marked)
        long total = marked + unmarked;
        if (draws == 0 || marked == 0) {
            return 0;
        }
        if (unmarked == 0) {
            return draws;
        }
        Hypergeometric h = new Hypergeometric(draws, total - draws, marked);
        long lowest = h.lowest();
        long highest = h.highest();
        if (lowest == highest) {
            return lowest;
        }
        long mode = h.mode();
        double f = Math.exp(h.logPmf(mode));
        u -= f;
        if (u < 0) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double fUp = f;
        double fDown = f;
        long na = draws;
        long nb = total - draws;
        long s = marked;
        while (true) {
            if (up < highest && fUp > 0) {
                fUp *= (double) (na - up) * (s - up) / ((double) (up + 1) * (nb - s + up + 1));
                up++;
                u -= fUp;
                if (u < 0) {
                    return up;
                }
            }
            if (down > lowest && fDown > 0) {
                fDown *= (double) down * (nb - s + down) / ((double) (na - down + 1) * (s - down + 1));
                down--;
                u -= fDown;
                if (u < 0) {
                    return down;
                }
            }
            if ((up == highest || fUp == 0) && (down == lowest || fDown == 0)) {
                return mode;
            }
        }
    }

    /** The number of arrangement vectors K (each 0..n<sub>g</sub>, summing to m<sub>after</sub>), capped at {@code cap} + 1. */
    double vectors(double cap) {
        if (incidents > MAX_ENUMERATED_INCIDENTS) {
            // too many incidents to enumerate in bounded memory, however few their arrangements
            return cap + 1;
        }
        // ways[j]: the number of vectors over the patterns so far taking j incidents
        double[] ways = new double[(int) Math.min(after, Integer.MAX_VALUE - 8) + 1];
        ways[0] = 1;
        for (long n : pooled) {
            double[] next = new double[ways.length];
            for (int j = 0; j < ways.length; j++) {
                if (ways[j] == 0) {
                    continue;
                }
                for (long k = 0; k <= n && j + k < ways.length; k++) {
                    next[(int) (j + k)] = Math.min(next[(int) (j + k)] + ways[j], 2 * cap + 2);
                }
            }
            ways = next;
        }
        return Math.min(ways[ways.length - 1], cap + 1);
    }

    /**
     * Every arrangement, grouped by the later inspection's (recorded, crimes): a list of
     * {recorded, crimes} with their probabilities, which sum to 1.
     */
    Outcomes enumerate() {
        int g = crimes.length;
        double[] logFactorial = logFactorials(incidents);
        double logTotal = logChoose(logFactorial, incidents, after);
        Map<List<Long>, double[]> outcomes = new HashMap<>();
        long[] remainingAfterPattern = new long[g + 1];
        for (int i = g - 1; i >= 0; i--) {
            remainingAfterPattern[i] = remainingAfterPattern[i + 1] + pooled[i];
        }
        visit(0, after, 0, 0, 0.0, logFactorial, logTotal, remainingAfterPattern, outcomes);
        int size = outcomes.size();
        long[] r = new long[size];
        long[] a = new long[size];
        double[] p = new double[size];
        int at = 0;
        double total = 0;
        List<Map.Entry<List<Long>, double[]>> sorted = new ArrayList<>(outcomes.entrySet());
        sorted.sort((x, y) -> x.getKey().get(1).equals(y.getKey().get(1)) ? Long.compare(x.getKey().get(0),
                y.getKey().get(0)) : Long.compare(x.getKey().get(1), y.getKey().get(1)));
        for (Map.Entry<List<Long>, double[]> e : sorted) {
            r[at] = e.getKey().get(0);
            a[at] = e.getKey().get(1);
            p[at] = e.getValue()[0];
            total += p[at++];
        }
        for (int i = 0; i < size; i++) {
            p[i] /= total;
        }
        return new Outcomes(r, a, p);
    }

    private void visit(int g, long left, long r, long a, double logWeight, double[] logFactorial, double logTotal,
                       long[] remaining, Map<List<Long>, double[]> outcomes) {
        if (g == crimes.length) {
            if (left == 0) {
                outcomes.computeIfAbsent(List.of(r, a), key -> new double[1])[0] += Math.exp(logWeight - logTotal);
            }
            return;
        }
        long from = Math.max(0, left - remaining[g + 1]);
        long to = Math.min(pooled[g], left);
        for (long k = from; k <= to; k++) {
            visit(g + 1, left - k, r + k * recorded[g], a + k * crimes[g],
                    logWeight + logChoose(logFactorial, pooled[g], k), logFactorial, logTotal, remaining, outcomes);
        }
    }

    /** The later inspection's possible (recorded, crimes) with their probabilities under the permutation. */
    record Outcomes(long[] recorded, long[] crimes, double[] probabilities) {
        int size() {
            return probabilities.length;
        }
    }

    private static double[] logFactorials(long n) {
        double[] f = new double[(int) n + 1];
        for (int i = 2; i <= n; i++) {
            f[i] = f[i - 1] + Math.log(i);
        }
        return f;
    }

    private static double logChoose(double[] logFactorial, long n, long k) {
        return logFactorial[(int) n] - logFactorial[(int) k] - logFactorial[(int) (n - k)];
    }

    /**
     * The sign of sum over strata of [&alpha;<sub>h</sub>(R<sub>a</sub>&#47;A<sub>a</sub> - x<sub>a</sub>&#47;n<sub>a</sub>)
     * - &beta;<sub>h</sub>(R<sub>b</sub>&#47;A<sub>b</sub> - x<sub>b</sub>&#47;n<sub>b</sub>)], exactly: the statistic
     * of an arrangement minus the observed one. {@code alpha} and {@code beta} as fractions
     * {numerator, denominator}, positive.
     */
    static int exactSign(IncidentPermutation[] strata, BigInteger[][] alpha, BigInteger[][] beta, long[] recorded,
                         long[] crimes) {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (int h = 0; h < strata.length; h++) {
            IncidentPermutation s = strata[h];
            long ra = recorded[h];
            long aa = crimes[h];
            long rb = s.totalRecorded - ra;
            long ab = s.totalCrimes - aa;
            long xa = s.observedRecorded;
            long na = s.observedCrimes;
            long xb = s.totalRecorded - xa;
            long nb = s.totalCrimes - na;
            // alpha (ra na - xa aa)/(aa na) - beta (rb nb - xb ab)/(ab nb)
            BigInteger[] first = {alpha[h][0].multiply(big(ra).multiply(big(na)).subtract(big(xa).multiply(big(aa)))),
                alpha[h][1].multiply(big(aa)).multiply(big(na))};
            BigInteger[] second = {beta[h][0].multiply(big(rb).multiply(big(nb)).subtract(big(xb).multiply(big(ab)))),
                beta[h][1].multiply(big(ab)).multiply(big(nb))};
            numerator = numerator.multiply(first[1]).add(first[0].multiply(denominator));
            denominator = denominator.multiply(first[1]);
            numerator = numerator.multiply(second[1]).subtract(second[0].multiply(denominator));
            denominator = denominator.multiply(second[1]);
        }
        return numerator.signum() * denominator.signum();
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
