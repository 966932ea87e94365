package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The bootstrap over incidents of inspections that carry them ({@link Bootstrap}'s inspection
 * methods routed to {@link RecordBootstrap}'s units).
 *
 * <p>Expected numbers are computed here, independently of the code under test: when every
 * incident of a category holds the same number k of crimes, the replicate rate of the category is
 * (incidents drawn that were recorded) / m, a Binomial(m, p)/m, so the ideal bootstrap
 * distribution of sum W<sub>h</sub> p*<sub>h</sub> has cumulants summed over categories:
 * kappa2 = sum W&sup2; p q / m and kappa4 = sum W<sup>4</sup> p q (1 - 6 p q) / m&sup3; (the fourth
 * cumulant of a Binomial(m, p) being m p q (1 - 6 p q): Johnson, Kemp and Kotz 2005, Univariate
 * Discrete Distributions, section 3.2). The Monte Carlo variance of the replicates' variance s&sup2;
 * from B replicates is (mu4 - sigma<sup>4</sup>)/B = (kappa4 + 2 kappa2&sup2;)/B, and of their mean
 * kappa2/B.
 *
 * <p>False-failure budget: every Monte Carlo check is at 5 standard errors (two-sided normal tail
 * 5.7e-7); 36 such checks (18 calls of assertIdealDistribution, a variance and a mean each), so
 * below 2.1e-5 for the class. The seeds are fixed, so a run either
 * always passes or always fails; the budget is the chance that a seed chosen blindly fails.
 */
class IncidentBootstrapTest {

    private static final int B = 20_000;
    private static final double SIGMAS = 5;

    /** A category of {@code m} incidents of {@code k} crimes each, {@code x} of them wholly recorded, none partly. */
    private static AuditedCategory correlated(String name, long volume, long k, long x, long m) {
        List<Incidents.Group> groups = new ArrayList<>();
        groups.add(new Incidents.Group(k, k, x));
        if (m > x) {
            groups.add(new Incidents.Group(k, 0, m - x));
        }
        return AuditedCategory.of(Category.of(name, volume), new Incidents(groups));
    }

    /** Incidents perfectly correlated: violence 88 of 100 incidents of 2 crimes, sexual 38 of 40 of 3, other 105 of 110 of 2. */
    private static Inspection correlatedAfter() {
        return new Inspection("after", List.of(correlated("violence", 25_000, 2, 88, 100),
                correlated("sexual offences", 2_500, 3, 38, 40), correlated("other crime", 35_000, 2, 105, 110)));
    }

    /** An earlier inspection of the same shape: 70 of 90, 30 of 35, 95 of 105 incidents. */
    private static Inspection correlatedBefore() {
        return new Inspection("before", List.of(correlated("violence", 24_000, 2, 70, 90),
                correlated("sexual offences", 2_200, 3, 30, 35), correlated("other crime", 33_000, 2, 95, 105)));
    }

    /** PEEL's tallies with no incident information, and the same with one incident per crime. */
    private static Inspection peel(boolean singleIncidents) {
        long[][] t = {{180, 202, 25_000}, {131, 132, 2_500}, {211, 220, 35_000}};
        String[] names = {"violence", "sexual offences", "other crime"};
        List<AuditedCategory> categories = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Tally tally = new Tally(t[h][0], t[h][1]);
            Category c = Category.of(names[h], t[h][2]);
            categories.add(singleIncidents ? AuditedCategory.of(c, Incidents.ofSingleCrimes(tally))
                    : new AuditedCategory(c, tally));
        }
        return new Inspection("PEEL", categories);
    }

    /**
     * The cumulants (kappa2, kappa4) of sum s_h W_h Bin(m_h, p_h)/m_h over the categories given as
     * {weight, successes, units}, the sign s_h carried in the weight.
     */
    private static double[] cumulants(double[][] strata) {
        double k2 = 0;
        double k4 = 0;
        for (double[] s : strata) {
            double w = s[0];
            double m = s[2];
            double p = s[1] / m;
            double pq = p * (1 - p);
            k2 += w * w * pq / m;
            k4 += Math.pow(w, 4) * pq * (1 - 6 * pq) / (m * m * m);
        }
        return new double[] {k2, k4};
    }

    /** Asserts the replicates' variance and mean against the ideal bootstrap's, at 5 Monte Carlo standard errors. */
    private static void assertIdealDistribution(double[] cumulants, BootstrapEstimate e, String what) {
        double k2 = cumulants[0];
        double varianceError = Math.sqrt((cumulants[1] + 2 * k2 * k2) / B);
        assertEquals(k2, e.standardError() * e.standardError(), SIGMAS * varianceError, what + ": variance");
        // the ideal bootstrap mean of a sum of Binomial(m, p)/m is the estimate
        assertEquals(0, e.bias(), SIGMAS * Math.sqrt(k2 / B), what + ": bias");
    }

    private static double weight(Inspection inspection, int h) {
        return (double) inspection.categories().get(h).volume() / inspection.totalVolume();
    }

    /** {weight, recorded incidents, incidents} per category of a correlated design (all-or-nothing incidents). */
    private static double[][] incidentStrata(Inspection inspection, double sign) {
        double[][] strata = new double[3][];
        for (int h = 0; h < 3; h++) {
            Incidents i = inspection.categories().get(h).incidents().orElseThrow();
            double recordedIncidents = i.groups().stream().filter(g -> g.recorded() > 0).mapToLong(Incidents.Group::incidents).sum();
            strata[h] = new double[] {sign * weight(inspection, h), recordedIncidents, i.count()};
        }
        return strata;
    }

    /** (a) One crime per incident: the bootstrap over incidents is the Binomial bootstrap over crimes. */
    @Test
    void singleCrimeIncidentsGiveTheCrimeBootstrapDistribution() {
        Bootstrap settings = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(B).withSeed(11);
        Inspection withIncidents = peel(true);
        Inspection crimesOnly = peel(false);
        assertTrue(Bootstrap.hasIncidents(withIncidents));
        assertFalse(Bootstrap.hasIncidents(crimesOnly));
        BootstrapInspectionEstimate byIncident = settings.estimate(withIncidents);
        BootstrapInspectionEstimate byCrime = settings.estimate(crimesOnly);
        double[][] strata = new double[3][];
        for (int h = 0; h < 3; h++) {
            Tally t = withIncidents.categories().get(h).tally();
            strata[h] = new double[] {weight(withIncidents, h), t.recorded(), t.audited()};
            double[] one = cumulants(new double[][] {{1, t.recorded(), t.audited()}});
            assertIdealDistribution(one, byIncident.rows().get(h).rate(), "incidents, category " + h);
            assertIdealDistribution(one, byCrime.rows().get(h).rate(), "crimes, category " + h);
            assertEquals(byCrime.rows().get(h).rate().estimate(), byIncident.rows().get(h).rate().estimate());
        }
        assertIdealDistribution(cumulants(strata), byIncident.allCrime().rate(), "incidents, all crime");
        assertIdealDistribution(cumulants(strata), byCrime.allCrime().rate(), "crimes, all crime");
        assertEquals(byCrime.allCrime().rate().estimate(), byIncident.allCrime().rate().estimate());
        assertEquals(byCrime.allCrime().unrecorded().estimate(), byIncident.allCrime().unrecorded().estimate());
        // identical by construction: a category without incidents is resampled as single-crime
        // incidents (Incidents.ofSingleCrimes) on the unit path, and Bootstrap routes to that path
        RecordBootstrap units = RecordBootstrap.withDefaults().with(settings);
        assertEquals(byIncident, units.estimate(crimesOnly));
        assertEquals(byIncident, units.estimate(withIncidents));
        assertEquals(units.allCrime(crimesOnly), settings.allCrime(withIncidents));
    }

    /**
     * (b) Incidents whose crimes are all recorded or all not, of equal size within a category: the
     * bootstrap variance over incidents is (m - 1)/m times the survey convention's linearisation
     * variance from the estimate package, per category and for all crime; the bootstrap over
     * crimes would be k times too small.
     */
    @Test
    void correlatedIncidentsAgreeWithTheClusterLinearisationVariance() {
        Inspection after = correlatedAfter();
        List<CategoryEstimate> survey = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY)
                .estimate(after).rows();
        double[][] strata = incidentStrata(after, 1);
        double linearised = 0;
        for (int h = 0; h < 3; h++) {
            // independent: e_c = k (y_c - p), so v_h = m/(m-1) k^2 m p q / (k m)^2 = p q / (m - 1)
            double p = strata[h][1] / strata[h][2];
            double m = strata[h][2];
            assertEquals(p * (1 - p) / (m - 1), Math.pow(survey.get(h).standardError(), 2), 1e-12 * p * (1 - p) / m);
            linearised += Math.pow(strata[h][0], 2) * p * (1 - p) / (m - 1);
        }
        assertEquals(linearised, Math.pow(survey.get(3).standardError(), 2), 1e-12 * linearised);

        BootstrapInspectionEstimate byIncident = Bootstrap.withDefaults().with(BootstrapInterval.BCA)
                .withReplicates(B).withSeed(12).estimate(after);
        double scaledSurvey = 0;
        for (int h = 0; h < 3; h++) {
            double m = strata[h][2];
            double expected = (m - 1) / m * Math.pow(survey.get(h).standardError(), 2);
            double[] one = cumulants(new double[][] {{1, strata[h][1], m}});
            assertEquals(expected, one[0], 1e-12 * expected, "cumulant and survey variance agree");
            assertIdealDistribution(one, byIncident.rows().get(h).rate(), "category " + h);
            scaledSurvey += Math.pow(strata[h][0], 2) * expected;
        }
        double[] all = cumulants(strata);
        assertEquals(scaledSurvey, all[0], 1e-12 * scaledSurvey);
        assertIdealDistribution(all, byIncident.allCrime().rate(), "all crime");

        // the same crimes as independent draws: variance sum W^2 p q / n, n = k m, k = 2 or 3
        Inspection crimes = new Inspection("after", after.categories().stream()
                .map(c -> new AuditedCategory(c.category(), c.tally())).toList());
        BootstrapEstimate byCrime = Bootstrap.withDefaults().with(BootstrapInterval.BCA).withReplicates(B)
                .withSeed(12).allCrime(crimes);
        double[][] crimeStrata = new double[3][];
        for (int h = 0; h < 3; h++) {
            Tally t = crimes.categories().get(h).tally();
            crimeStrata[h] = new double[] {strata[h][0], t.recorded(), t.audited()};
        }
        assertIdealDistribution(cumulants(crimeStrata), byCrime, "crimes, all crime");
        assertTrue(byIncident.allCrime().rate().interval().width() > 1.3 * byCrime.interval().width());
    }

    /**
     * The change between two inspections with correlated incidents: each resampled independently,
     * so the replicate difference has the cumulants of after minus before (kappa2 and kappa4 add,
     * the sign squared away), per category and for all crime.
     */
    @Test
    void changeResamplesTheIncidentsOfEachInspectionIndependently() {
        Inspection before = correlatedBefore();
        Inspection after = correlatedAfter();
        BootstrapInspectionChange change = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE)
                .withReplicates(B).withSeed(13).compare(before, after);
        double[][] b = incidentStrata(before, -1);
        double[][] a = incidentStrata(after, 1);
        for (int h = 0; h < 3; h++) {
            double[] one = cumulants(new double[][] {{1, a[h][1], a[h][2]}, {-1, b[h][1], b[h][2]}});
            BootstrapEstimate e = change.rows().get(h).change();
            assertIdealDistribution(one, e, "change, category " + h);
            assertEquals(a[h][1] / a[h][2] - b[h][1] / b[h][2], e.estimate(), 1e-15);
        }
        double[][] both = {a[0], a[1], a[2], b[0], b[1], b[2]};
        assertIdealDistribution(cumulants(both), change.allCrime().change(), "change, all crime");
        // routed: the same as the unit path itself
        assertEquals(change, RecordBootstrap.withDefaults().with(Bootstrap.withDefaults()
                .with(BootstrapInterval.PERCENTILE).withReplicates(B).withSeed(13)).compare(before, after));
        // one inspection with incidents is enough to resample both by unit
        Inspection crimesBefore = new Inspection("before", before.categories().stream()
                .map(c -> new AuditedCategory(c.category(), c.tally())).toList());
        BootstrapInspectionChange mixed = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE)
                .withReplicates(B).withSeed(13).compare(crimesBefore, after);
        double[][] crimeBefore = new double[3][];
        for (int h = 0; h < 3; h++) {
            Tally t = crimesBefore.categories().get(h).tally();
            crimeBefore[h] = new double[] {b[h][0], t.recorded(), t.audited()};
        }
        assertIdealDistribution(cumulants(new double[][] {a[0], a[1], a[2], crimeBefore[0], crimeBefore[1],
                crimeBefore[2]}), mixed.allCrime().change(), "change from crimes to incidents, all crime");
    }

    @Test
    void unrecordedCrimesComeFromTheIncidentBootstrap() {
        Bootstrap settings = Bootstrap.withDefaults().withReplicates(10_000).withSeed(14);
        Inspection after = correlatedAfter();
        UnrecordedCrimes unrecorded = settings.unrecorded(after);
        assertEquals(unrecorded, RecordBootstrap.withDefaults().with(settings).unrecorded(after));
        // volume (1 - rate)/rate through the all-crime interval, the upper rate giving the lower count
        Interval rate = settings.allCrime(after).interval();
        long volume = after.totalVolume();
        assertEquals(volume * (1 - rate.upper()) / rate.upper(), unrecorded.lower(), 1e-9 * volume);
        assertEquals(volume * (1 - rate.lower()) / rate.lower(), unrecorded.upper(), 1e-9 * volume);
    }

    @Test
    void identicalForAnyNumberOfThreads() {
        Bootstrap settings = Bootstrap.withDefaults().withReplicates(3 * Blocks.SIZE + 17).withSeed(15);
        BootstrapInspectionEstimate one = settings.withThreads(1).estimate(correlatedAfter());
        BootstrapInspectionChange oneChange = settings.withThreads(1).compare(correlatedBefore(), correlatedAfter());
        for (int threads : new int[] {2, 16}) {
            assertEquals(one, settings.withThreads(threads).estimate(correlatedAfter()));
            assertEquals(oneChange, settings.withThreads(threads).compare(correlatedBefore(), correlatedAfter()));
        }
    }

    /**
     * (d) Every interval is offered by incident now (drawn through each category's sums); the unit
     * loop of {@link RecordBootstrap}, for record lists and Poisson weights, still refuses the two it
     * cannot give.
     */
    @Test
    void everyIntervalIsOfferedByIncidentAndTheUnitLoopRefusesTwo() {
        for (BootstrapInterval interval : new BootstrapInterval[] {BootstrapInterval.STUDENTIZED, BootstrapInterval.EXACT}) {
            Bootstrap settings = Bootstrap.withDefaults().with(interval).withReplicates(1_000);
            assertEquals(4, settings.estimate(correlatedAfter()).rows().size());
            assertEquals(4, settings.compare(peel(false), correlatedAfter()).rows().size());
            assertEquals(4, settings.estimate(peel(false)).rows().size());
            ArgumentException e = assertThrows(ArgumentException.class, () -> RecordBootstrap.withDefaults().with(settings));
            assertEquals("interval", e.argument());
        }
    }
}
