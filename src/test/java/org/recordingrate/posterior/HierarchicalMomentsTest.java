package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.format.Percent;
import org.recordingrate.model.Tally;

/**
 * The hierarchical posterior's standard deviations, which {@link HierarchicalPosteriorTest} does not compare:
 * each force's sd, sqrt(E[p<sup>2</sup>] - E[p]<sup>2</sup>) with E[p<sup>2</sup> | alpha, beta] = a (a + 1) /
 * ((a + b)(a + b + 1)), a = alpha + x, b = beta + n - x, and the population sd of alpha / (alpha + beta), against
 * {@code hierarchical-moments.csv}, written by the same {@code make-hierarchical-reference.py} (product
 * Gauss-Legendre rule, exact log-likelihood sums; 20 and 40 nodes a piece agree to 1e-10). The library's grid
 * converges geometrically for such smooth integrals (its means agree with the reference to 1e-8): 1e-8 here too.
 * Then the edges of the counts a force enters by, and what the results print.
 */
class HierarchicalMomentsTest {

    @Test
    void standardDeviations_matchTheGaussLegendreReference() throws IOException {
        Map<String, List<CSVRecord>> forces = new LinkedHashMap<>();
        for (CSVRecord row : PosteriorReferenceTest.read("hierarchical.csv")) {
            forces.computeIfAbsent(row.get("case"), k -> new ArrayList<>()).add(row);
        }
        List<CSVRecord> moments = PosteriorReferenceTest.read("hierarchical-moments.csv");
        assertEquals(14, moments.size());
        int m = 0;
        for (List<CSVRecord> rows : forces.values()) {
            List<HierarchicalPosterior.Counts> counts = new ArrayList<>();
            for (CSVRecord row : rows) {
                counts.add(HierarchicalPosterior.Counts.of("force " + row.get("force"),
                        Tally.of(Long.parseLong(row.get("recorded")), Long.parseLong(row.get("audited")))));
            }
            HierarchicalPosterior posterior = BayesEstimator.withDefaults().acrossForces(counts);
            for (HierarchicalPosterior.Force force : posterior.forces()) {
                CSVRecord row = moments.get(m++);
                assertEquals(Double.parseDouble(row.get("sd")), force.sd(), 1e-8, row.toString());
                assertEquals(Double.parseDouble(row.get("population_sd")), posterior.populationSd(), 1e-8, row.toString());
            }
        }
    }

    @Test
    void counts_acceptTheirRange_andRefuseTheRest() {
        assertDoesNotThrow(() -> new HierarchicalPosterior.Counts("A", 0, 10, false));
        assertDoesNotThrow(() -> new HierarchicalPosterior.Counts("A", 10, 10, false));
        assertDoesNotThrow(() -> new HierarchicalPosterior.Counts("A", 0.5, 0.5, true));
        for (double[] bad : new double[][] {{0, 0}, {0, -1}, {0, Double.POSITIVE_INFINITY}, {0, Double.NaN}, {-1e-9, 10},
            {10.5, 10}, {Double.NaN, 10}}) {
            assertThrows(IllegalArgumentException.class, () -> new HierarchicalPosterior.Counts("A", bad[0], bad[1], true),
                    java.util.Arrays.toString(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new HierarchicalPosterior.Counts(" ", 1, 2, false));
        assertEquals(0.25, new HierarchicalPosterior.Counts("A", 2.5, 10, true).rate(), 0);
        // none recorded by one force and all by the other: no force in between, an improper posterior
        Map<String, Tally> edges = new LinkedHashMap<>();
        edges.put("A", Tally.of(0, 10));
        edges.put("B", Tally.of(20, 20));
        assertThrows(IllegalArgumentException.class, () -> BayesEstimator.withDefaults().acrossTallies(edges));
        edges.put("C", Tally.of(1, 20));
        assertDoesNotThrow(() -> BayesEstimator.withDefaults().acrossTallies(edges));
    }

    /**
     * Regression (found by this test, fixed in {@code BetaBinomialGrid}): with none recorded by one force and all by
     * another the posterior reaches u = ln(alpha / beta) above 37, where beta = kappa (1 - mu) rounded to 0 and the
     * force's Beta(a, 0) was refused ("b (0) must be a finite number above 0"). Now each force's mean lies inside
     * its interval, the all-recorded force's above the others', and halving both steps of the grid moves the means
     * by less than 1e-8 (the rule's convergence, as for the reference cases).
     */
    @Test
    void forcesAtBothEnds_areFitted() {
        List<HierarchicalPosterior.Counts> counts = List.of(HierarchicalPosterior.Counts.of("A", Tally.of(0, 10)),
                HierarchicalPosterior.Counts.of("B", Tally.of(20, 20)), HierarchicalPosterior.Counts.of("C",
                        Tally.of(1, 20)));
        HierarchicalPosterior coarse = HierarchicalPosterior.of(counts, 0.95, BayesEstimator.STEP_U, BayesEstimator.STEP_W);
        HierarchicalPosterior fine = HierarchicalPosterior.of(counts, 0.95, BayesEstimator.STEP_U / 2,
                BayesEstimator.STEP_W / 2);
        for (int i = 0; i < 3; i++) {
            HierarchicalPosterior.Force f = coarse.forces().get(i);
            assertTrue(0 <= f.lower() && f.lower() < f.mean() && f.mean() < f.upper() && f.upper() <= 1, f.toString());
            assertEquals(fine.forces().get(i).mean(), f.mean(), 1e-8, f.toString());
        }
        assertTrue(coarse.forces().get(1).mean() > coarse.forces().get(2).mean());
    }

    @Test
    void resultsPrintTheirForces() throws IOException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("north", Tally.of(180, 202));
        tallies.put("south", Tally.of(90, 100));
        tallies.put("east", Tally.of(45, 60));
        HierarchicalPosterior posterior = BayesEstimator.withDefaults().acrossTallies(tallies);
        HierarchicalPosterior.Force north = posterior.forces().get(0);
        assertEquals("north", north.name());
        assertEquals("north: " + Percent.format(180.0 / 202) + " -> " + Percent.format(north.mean()) + " (credible "
                + Percent.format(north.lower()) + " to " + Percent.format(north.upper()) + ")", north.toString());
        double low = posterior.forces().stream().mapToDouble(HierarchicalPosterior.Force::mean).min().orElseThrow();
        double high = posterior.forces().stream().mapToDouble(HierarchicalPosterior.Force::mean).max().orElseThrow();
        assertEquals(String.format(java.util.Locale.ROOT, "3 forces: common mean %s, between-force sd %.1f points;"
                + " shrunken rates %s to %s", Percent.format(posterior.populationMean()), 100 * posterior.betweenForceSd(),
                Percent.format(low), Percent.format(high)), posterior.toString());
        assertTrue(low < high);
        String summary = posterior.summary();
        assertTrue(summary.startsWith("3 forces; common mean " + Percent.format(posterior.populationMean(), 2)), summary);
        assertTrue(summary.contains("95% credible"), summary);
        assertTrue(summary.contains("Note: hierarchical beta-binomial model"), summary);
        assertTrue(posterior.notes().get(0).contains("a grid of " + String.format(java.util.Locale.ROOT, "%,d",
                posterior.nodes()) + " nodes"), posterior.notes().get(0));
        assertEquals(1, posterior.notes().size());
    }
}
