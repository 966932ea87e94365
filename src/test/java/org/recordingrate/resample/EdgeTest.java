package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.format.Percent;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * Bootstrap distributions at the edge ({@link Edge}): said on the result, and the interval offered
 * instead measured against exact binomial coverage, C(p) = sum_x Binomial(x; n, p) 1[p in CI(x)],
 * summed here over every x (no simulation). The expected coverages were computed by this sum; the
 * Wilson figures agree with Brown, Cai and DasGupta (2001, figure 5: Wilson's coverage oscillates
 * about the nominal level, with a dip near n p q = 0.2) and with the "Wilson 95.6%" at
 * n = 132, p = 0.99.
 */
class EdgeTest {

    private static final double Z95 = 1.959963984540054;

    /** Binomial(n, p) probabilities, by the library's tables (relative errors of order 1e-14). */
    private static double[] binomial(int n, double p) {
        double[] out = new double[n + 1];
        if (p == 1) {
            out[n] = 1;
            return out;
        }
        long[] range = new long[2];
        double[] probabilities = ExactDistribution.binomial(n, p, range);
        double total = 0;
        for (double q : probabilities) {
            total += q;
        }
        for (int i = 0; i < probabilities.length; i++) {
            out[(int) range[0] + i] = probabilities[i] / total;
        }
        return out;
    }

    /** Exact coverage at p of the intervals {@code cis[x]}, x = 0..n. */
    private static double coverage(Interval[] cis, double p) {
        double[] f = binomial(cis.length - 1, p);
        double covered = 0;
        for (int x = 0; x < f.length; x++) {
            if (cis[x].lower() <= p && p <= cis[x].upper()) {
                covered += f[x];
            }
        }
        return covered;
    }

    @Test
    void degenerateAndNearlyDegenerateCategoriesAreSaidWithWilsonsInterval() {
        Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(10_000).withSeed(4);
        BootstrapEstimate all = bootstrap.estimate(Tally.of(132, 132));
        assertEquals(new Interval(1, 1), all.interval());
        assertEquals(1, all.notes().size());
        Interval wilson = IntervalMethod.WILSON.interval(132, 132, 0.95);
        assertTrue(all.notes().get(0).startsWith("all of the 132 audited crimes were recorded, so every bootstrap"
                + " replicate is 100.0%"), all.notes().get(0));
        assertTrue(all.notes().get(0).contains("the Wilson 95% interval, " + Percent.format(wilson.lower()) + " to "
                + Percent.format(wilson.upper()) + ", covers"), all.notes().get(0));
        BootstrapEstimate none = bootstrap.estimate(Tally.of(0, 40));
        assertTrue(none.notes().get(0).startsWith("none of the 40 audited crimes were recorded"), none.notes().get(0));
        BootstrapEstimate nearly = bootstrap.estimate(Tally.of(131, 132));
        assertTrue(nearly.notes().get(0).contains("nearly degenerate (131 of 132 recorded: 6 values"),
                nearly.notes().get(0));
        // away from the edge nothing is said; 211 of 220 (n p q = 8.6) is well clear of the rule
        assertTrue(bootstrap.estimate(Tally.of(180, 202)).notes().isEmpty());
        assertTrue(bootstrap.estimate(Tally.of(211, 220)).notes().isEmpty());
        // the rule's boundary: fewer than 15 values of probability 0.1% or more
        // (127 of 132: 14 such values, n p q = 4.8; 126 of 132: 15, n p q = 5.7)
        assertTrue(Edge.check("", Incidents.ofSingleCrimes(Tally.of(127, 132)), 0.95).isPresent());
        assertTrue(Edge.check("", Incidents.ofSingleCrimes(Tally.of(126, 132)), 0.95).isEmpty());
        // Wilson's bounds as the estimate package computes them
        Edge.Finding finding = Edge.check("x", Incidents.ofSingleCrimes(Tally.of(131, 132)), 0.95).orElseThrow();
        Interval expected = IntervalMethod.WILSON.interval(131, 132, 0.95);
        assertEquals(expected.lower(), finding.wilson().lower(), 1e-12);
        assertEquals(expected.upper(), finding.wilson().upper(), 1e-12);
    }

    /**
     * The coverage that makes the note necessary, and what the remedy covers, at n = 132: true
     * rates p = 1 - 10^(-k/20), k = 20..80 (90% to 99.99%). The exact percentile bootstrap (the
     * limit of every percentile interval) covers 84% on average and 63% at p = 131/132; Wilson
     * covers 95.0% on average, 95.6% at p = 0.99, at least 84.7% anywhere (its known dip).
     */
    @Test
    void wilsonCoversWhereThePercentileBootstrapDoesNot() {
        int n = 132;
        Interval[] percentile = new Interval[n + 1];
        Interval[] wilson = new Interval[n + 1];
        Bootstrap exact = Bootstrap.withDefaults().with(BootstrapInterval.EXACT);
        for (int x = 0; x <= n; x++) {
            percentile[x] = exact.estimate(Tally.of(x, n)).interval();
            wilson[x] = IntervalMethod.WILSON.interval(x, n, 0.95);
            Incidents crimes = Incidents.ofSingleCrimes(Tally.of(x, n));
            Edge.check("", crimes, 0.95).ifPresent(f -> {
                assertEquals(IntervalMethod.WILSON.interval(crimes.recorded(), n, 0.95).lower(), f.wilson().lower(), 1e-12);
            });
        }
        double bootstrapSum = 0;
        double wilsonSum = 0;
        double wilsonMin = 1;
        int points = 0;
        for (int k = 20; k <= 80; k++) {
            double p = 1 - Math.pow(10, -k / 20.0);
            bootstrapSum += coverage(percentile, p);
            double w = coverage(wilson, p);
            wilsonSum += w;
            wilsonMin = Math.min(wilsonMin, w);
            points++;
        }
        double bootstrapMean = bootstrapSum / points;
        double wilsonMean = wilsonSum / points;
        assertEquals(0.950, wilsonMean, 0.002, "Wilson's mean coverage");
        assertEquals(0.847, wilsonMin, 0.002, "Wilson's least coverage");
        assertTrue(bootstrapMean < 0.87, "the exact percentile bootstrap's mean coverage " + bootstrapMean);
        assertEquals(0.956, coverage(wilson, 0.99), 0.001, "Wilson at p = 0.99, as the issue measured");
        assertEquals(0.633, coverage(percentile, 131.0 / 132), 0.001, "the percentile bootstrap at 131/132");
        // where the note is given (x from 127 up), Wilson covers more at the estimate than the bootstrap
        for (int x = 127; x < n; x++) {
            double p = (double) x / n;
            assertTrue(coverage(wilson, p) > 0.92, x + ": Wilson " + coverage(wilson, p));
            assertTrue(coverage(percentile, p) < coverage(wilson, p), x + ": bootstrap " + coverage(percentile, p));
        }
    }

    /**
     * Incidents at the edge: every incident recorded but one, whose three crimes were all missed.
     * The note gives Wilson's interval on the effective size (sum c)^2/sum c^2; a change gets
     * Newcombe's hybrid score interval, which for crimes one by one is the compare package's.
     */
    @Test
    void incidentsAndChangesAtTheEdge() {
        Incidents incidents = new Incidents(List.of(new Incidents.Group(1, 1, 40), new Incidents.Group(2, 2, 20),
                new Incidents.Group(3, 0, 1)));
        Edge.Finding f = Edge.check("sexual offences", incidents, 0.95).orElseThrow();
        double effective = (40 + 40 + 3.0) * (40 + 40 + 3) / (40 + 80 + 9);
        assertEquals(effective, f.effectiveSize(), 1e-12);
        Inspection inspection = new Inspection("x", List.of(AuditedCategory.of(Category.of("sexual offences", 2000),
                incidents), AuditedCategory.of(Category.of("violence", 20000), new Incidents(List.of(
                        new Incidents.Group(1, 1, 150), new Incidents.Group(1, 0, 30), new Incidents.Group(2, 1, 20))))));
        BootstrapInspectionEstimate e = Bootstrap.withDefaults().withReplicates(20_000).estimate(inspection);
        List<String> notes = e.notes();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("sexual offences: the bootstrap distribution is nearly degenerate (80 of 83"),
                notes.get(0));
        assertTrue(notes.get(0).contains(String.format(java.util.Locale.ROOT, "on the effective size of %.1f crimes",
                effective)), notes.get(0));
        assertTrue(notes.get(1).startsWith("all crime: the bootstrap takes little or no uncertainty from sexual"
                + " offences"), notes.get(1));
        assertTrue(e.rows().get(1).rate().notes().isEmpty(), "violence is clear of the edge");
        assertEquals(List.of(notes.get(1)), e.allCrime().rate().notes());

        // a change: Newcombe from the two Wilson intervals (crimes one by one: the compare package's)
        BootstrapEstimate change = Bootstrap.withDefaults().withReplicates(20_000).compare(Tally.of(125, 132),
                Tally.of(131, 132));
        Interval newcombe = DifferenceMethod.NEWCOMBE.interval(Tally.of(125, 132), Tally.of(131, 132), 0.95);
        assertTrue(change.notes().get(0).contains("Newcombe's hybrid score 95% interval is "
                + Percent.range(newcombe.lower(), newcombe.upper()) + " points"), change.notes().get(0));
        List<String> lines = new ArrayList<>(change.notes());
        assertEquals(1, lines.size());
    }
}
