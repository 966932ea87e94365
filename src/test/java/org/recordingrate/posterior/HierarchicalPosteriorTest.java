package org.recordingrate.posterior;

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
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The hierarchical beta-binomial posterior against {@code src/test/resources/posterior/hierarchical.csv},
 * made by {@code make-hierarchical-reference.py} (numpy, scipy): the same model integrated by a product
 * Gauss-Legendre rule in pieces around the mode, with the log-likelihood as exact sums of logarithms,
 * instead of the library's trapezoid rule in v - v* = c sinh(w) with Stirling's series; the 2.5% and
 * 97.5% points by Brent's method on the mixture's distribution function.
 *
 * <p>Tolerances, from the two rules' own convergence (the script compares 20 and 40 nodes a piece, the
 * test halves the library's steps): the means and the common mean converge geometrically, and agree to
 * 1e-8; the bounds converge only linearly where the forces' components are narrower than the nodes'
 * spacing (large alpha + beta), and agree to 2e-6 for forces that differ and 3e-5 for the forces alike,
 * whose posterior weighs large alpha + beta most (measured: 4.4e-7 and 9e-6).
 */
class HierarchicalPosteriorTest {

    private static Map<String, List<CSVRecord>> cases() throws IOException {
        Map<String, List<CSVRecord>> cases = new LinkedHashMap<>();
        for (CSVRecord row : PosteriorReferenceTest.read("hierarchical.csv")) {
            cases.computeIfAbsent(row.get("case"), k -> new ArrayList<>()).add(row);
        }
        return cases;
    }

    private static List<HierarchicalPosterior.Counts> counts(List<CSVRecord> rows) {
        List<HierarchicalPosterior.Counts> counts = new ArrayList<>();
        for (CSVRecord row : rows) {
            counts.add(HierarchicalPosterior.Counts.of("force " + row.get("force"),
                    Tally.of(Long.parseLong(row.get("recorded")), Long.parseLong(row.get("audited")))));
        }
        return counts;
    }

    @Test
    void matchesAdaptiveQuadratureOfTheSameModel() throws IOException {
        Map<String, List<CSVRecord>> cases = cases();
        assertEquals(3, cases.size());
        for (List<CSVRecord> rows : cases.values()) {
            HierarchicalPosterior posterior = BayesEstimator.withDefaults().acrossForces(counts(rows));
            String name = rows.get(0).get("case");
            double bounds = name.equals("alike") ? 3e-5 : 2e-6;
            assertEquals(Double.parseDouble(rows.get(0).get("population_mean")), posterior.populationMean(), 1e-8, name);
            assertEquals(Double.parseDouble(rows.get(0).get("between_force_sd")), posterior.betweenForceSd(), 1e-8,
                    name);
            for (int i = 0; i < rows.size(); i++) {
                HierarchicalPosterior.Force force = posterior.forces().get(i);
                String where = rows.get(i).toString();
                assertEquals(Double.parseDouble(rows.get(i).get("mean")), force.mean(), 1e-8, where);
                assertEquals(Double.parseDouble(rows.get(i).get("lower")), force.lower(), bounds, where);
                assertEquals(Double.parseDouble(rows.get(i).get("upper")), force.upper(), bounds, where);
            }
        }
    }

    /**
     * Halving both steps of the grid: the means move by less than 1e-9 (converged), the bounds by less
     * than the tolerances of the comparison above (the grid's linear convergence there).
     */
    @Test
    void halvingTheGridsSteps_leavesTheMeansAndMovesTheBoundsWithinTheirTolerance() throws IOException {
        for (List<CSVRecord> rows : cases().values()) {
            double bounds = rows.get(0).get("case").equals("alike") ? 3e-5 : 2e-6;
            HierarchicalPosterior coarse = HierarchicalPosterior.of(counts(rows), 0.95, BayesEstimator.STEP_U,
                    BayesEstimator.STEP_W);
            HierarchicalPosterior fine = HierarchicalPosterior.of(counts(rows), 0.95, BayesEstimator.STEP_U / 2,
                    BayesEstimator.STEP_W / 2);
            assertTrue(fine.nodes() > 3 * coarse.nodes());
            assertEquals(fine.populationMean(), coarse.populationMean(), 1e-9);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(fine.forces().get(i).mean(), coarse.forces().get(i).mean(), 1e-9);
                assertEquals(fine.forces().get(i).lower(), coarse.forces().get(i).lower(), bounds);
                assertEquals(fine.forces().get(i).upper(), coarse.forces().get(i).upper(), bounds);
            }
        }
    }

    @Test
    void shrinksEachRateInwards_theSmallForcesMost() {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("large low", Tally.of(800, 1000));
        tallies.put("small low", Tally.of(16, 20));
        tallies.put("middle", Tally.of(450, 500));
        tallies.put("high", Tally.of(470, 500));
        HierarchicalPosterior posterior = BayesEstimator.withDefaults().acrossTallies(tallies);
        for (HierarchicalPosterior.Force f : posterior.forces()) {
            double rate = f.counts().rate();
            double mean = f.mean();
            // pulled inwards: within the range of the observed rates
            assertTrue(0.8 <= mean && mean <= 0.94, f.toString());
            assertTrue(rate == 0.8 ? mean >= rate : rate == 0.94 ? mean <= rate : true, f.toString());
            assertTrue(f.lower() < mean && mean < f.upper());
        }
        double pullLarge = posterior.forces().get(0).mean() - 0.8;
        double pullSmall = posterior.forces().get(1).mean() - 0.8;
        assertTrue(pullSmall > 5 * pullLarge, pullSmall + " vs " + pullLarge);
        // forces alike (between-force variation no larger than chance): the outer two pulled towards the pooled rate
        Map<String, Tally> alike = new LinkedHashMap<>();
        alike.put("A", Tally.of(180, 200));
        alike.put("B", Tally.of(186, 200));
        alike.put("C", Tally.of(176, 200));
        HierarchicalPosterior pooled = BayesEstimator.withDefaults().acrossTallies(alike);
        double pooledRate = 542.0 / 600;
        for (HierarchicalPosterior.Force f : pooled.forces().subList(1, 3)) {
            double rate = f.counts().rate();
            assertTrue(Math.min(rate, pooledRate) < f.mean() && f.mean() < Math.max(rate, pooledRate), f.toString());
        }
        assertTrue(posterior.toString().startsWith("4 forces: common mean"), posterior.toString());
        assertEquals(List.of("force", "recorded", "audited", "rate", "mean", "sd", "lower", "upper"),
                HierarchicalPosterior.COLUMNS.names());
        assertEquals(4, posterior.table().textCells().size());
    }

    @Test
    void publishedFiguresAndInspectionsEnterByTheirEffectiveCounts() {
        PublishedFigure figure = PublishedFigure.fromPercent(93.2, 2.3);
        HierarchicalPosterior.Counts fromFigure = HierarchicalPosterior.Counts.of("Cambridgeshire", figure);
        // n = p (1 - p) (z / margin)^2 = 0.932 x 0.068 x (1.959964 / 0.023)^2
        double z = 1.959963984540054;
        assertEquals(0.932 * 0.068 * Math.pow(z / 0.023, 2), fromFigure.audited(), 1e-9);
        assertEquals(0.932, fromFigure.rate(), 1e-12);
        assertTrue(fromFigure.effective());
        Inspection inspection = Inspection.builder("A").category("violence", 180, 202, 25_000)
                .category("other crime", 211, 220, 35_000).build();
        HierarchicalPosterior.Counts all = HierarchicalPosterior.Counts.allCrime(inspection);
        double w1 = 25.0 / 60;
        double w2 = 35.0 / 60;
        assertEquals(1 / (w1 * w1 / 202 + w2 * w2 / 220), all.audited(), 1e-9);
        assertEquals(w1 * 180 / 202 + w2 * 211 / 220, all.rate(), 1e-15);
        Map<String, PublishedFigure> figures = new LinkedHashMap<>();
        figures.put("A", PublishedFigure.fromPercent(93.2, 2.3));
        figures.put("B", PublishedFigure.fromPercent(87.8, 1.7));
        figures.put("C", PublishedFigure.fromPercent(90.5, 1.9));
        HierarchicalPosterior posterior = BayesEstimator.withDefaults().acrossFigures(figures);
        assertTrue(posterior.approximate());
        assertTrue(posterior.notes().get(1).contains("effective counts"), posterior.notes().toString());
    }

    @Test
    void refusesWhatTheModelCannotTake() {
        BayesEstimator bayes = BayesEstimator.withDefaults();
        ArgumentException one = assertThrows(ArgumentException.class,
                () -> bayes.acrossTallies(Map.of("A", Tally.of(5, 10))));
        assertEquals("forces", one.argument());
        Map<String, Tally> improper = new LinkedHashMap<>();
        improper.put("A", Tally.of(10, 10));
        improper.put("B", Tally.of(20, 20));
        assertThrows(ArgumentException.class, () -> bayes.acrossTallies(improper));
        List<HierarchicalPosterior.Counts> twice = List.of(HierarchicalPosterior.Counts.of("A", Tally.of(5, 10)),
                HierarchicalPosterior.Counts.of(" a ", Tally.of(6, 10)));
        assertThrows(ArgumentException.class, () -> bayes.acrossForces(twice));
        assertThrows(IllegalArgumentException.class, () -> new HierarchicalPosterior.Counts("A", 11, 10, true));
        assertThrows(IllegalArgumentException.class, () -> HierarchicalPosterior.Counts.of("A",
                PublishedFigure.fromPercent(100, 1.5)));
    }
}
