package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.Report;

/**
 * Category changes under the survey variance when the records named their incidents (issue 16,
 * item 5: the report quoted survey margins beside binomial tests). Expected values are computed in
 * the test from the incidents themselves, independently of the library's variance code: the
 * linearisation variance of a ratio over clusters (Lumley 2010, Complex Surveys, 3.2; Cochran 1977,
 * 9A), v = m/(m - 1) sum_c (e_c - mean e)^2 / n^2, e_c = x_c - p n_c, no population correction.
 */
class SurveyChangeTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** The linearisation variance of x/n over clusters (crimes n_c, recorded x_c), by its formula. */
    private static double clusterVariance(long[] crimes, long[] recorded) {
        double n = 0;
        double x = 0;
        for (int c = 0; c < crimes.length; c++) {
            n += crimes[c];
            x += recorded[c];
        }
        double p = x / n;
        int m = crimes.length;
        double[] e = new double[m];
        double mean = 0;
        for (int c = 0; c < m; c++) {
            e[c] = recorded[c] - p * crimes[c];
            mean += e[c] / m;
        }
        double squares = 0;
        for (double ec : e) {
            squares += (ec - mean) * (ec - mean);
        }
        return (double) m / (m - 1) * squares / (n * n);
    }

    private static Inspection inspection(String name, long[] crimes, long[] recorded, long[] otherCrimes,
                                         long[] otherRecorded) {
        return new Inspection(name, List.of(
                AuditedCategory.of(Category.of("violence", 25000), Incidents.of(crimes, recorded)),
                AuditedCategory.of(Category.of("other crime", 35000), Incidents.of(otherCrimes, otherRecorded))));
    }

    @Test
    void categoryChangesUseTheSurveyStandardErrorsOverIncidents() {
        long[] crimesBefore = {2, 2, 1, 3, 1, 1, 4, 2, 1, 1};
        long[] recordedBefore = {2, 0, 1, 3, 0, 1, 2, 2, 1, 0};
        long[] crimesAfter = {1, 3, 2, 1, 1, 2, 1, 1, 2, 3, 1};
        long[] recordedAfter = {1, 3, 2, 1, 1, 2, 0, 1, 2, 3, 1};
        Inspection before = inspection("2017", crimesBefore, recordedBefore, new long[] {1, 2, 1}, new long[] {1, 1, 0});
        Inspection after = inspection("2022", crimesAfter, recordedAfter, new long[] {2, 1, 1}, new long[] {2, 1, 1});
        InspectionChange survey = Comparison.withDefaults().with(VarianceConvention.SURVEY).compare(before, after);
        Change violence = survey.categories().get(0).change();
        double pBefore = 12.0 / 18;
        double pAfter = 17.0 / 18;
        double se = Math.sqrt(clusterVariance(crimesBefore, recordedBefore) + clusterVariance(crimesAfter, recordedAfter));
        double z = (pAfter - pBefore) / se;
        assertInstanceOf(SurveyChange.class, violence.test().test());
        assertEquals(z, violence.test().statistic().getAsDouble(), 1e-12);
        assertEquals(2 * NORMAL.cumulativeProbability(-Math.abs(z)), violence.test().pValue(), 1e-12);
        double half = NORMAL.inverseCumulativeProbability(0.975) * se;
        assertEquals(pAfter - pBefore - half, violence.interval().lower(), 1e-12);
        assertEquals(Math.min(1, pAfter - pBefore + half), violence.interval().upper(), 1e-12);
        assertEquals(SurveyChange.TOKEN, violence.method().token());
        // the binomial variance keeps the chosen test (crimes counted as independent) and says so
        InspectionChange binomial = Comparison.withDefaults().compare(before, after);
        assertFalse(binomial.categories().get(0).change().test().test() instanceof SurveyChange);
        assertTrue(binomial.notes().get(0).contains("count crimes as independent"), binomial.notes().toString());
        assertTrue(survey.notes().get(0).contains("every row uses the survey variance over incidents"),
                survey.notes().toString());
    }

    /** Without incidents the survey convention leaves the chosen test alone: there is nothing to cluster. */
    @Test
    void withoutIncidentsTheChosenTestStays() {
        Inspection before = new Inspection("2017", List.of(AuditedCategory.of("violence", 512, 640, 25000)));
        Inspection after = new Inspection("2022", List.of(AuditedCategory.of("violence", 188, 202, 25000)));
        Change change = Comparison.withDefaults().with(VarianceConvention.SURVEY).with(ChangeTest.FISHER_EXACT)
                .compare(before, after).categories().get(0).change();
        assertEquals(ChangeTest.FISHER_EXACT, change.test().test());
    }

    /** Certain changes: no variance on either side gives an infinite z and a point interval. */
    @Test
    void noVarianceMeansACertainChange() {
        SurveyChange none = new SurveyChange(0, 0);
        org.recordingrate.model.Tally b = org.recordingrate.model.Tally.of(9, 10);
        org.recordingrate.model.Tally a = org.recordingrate.model.Tally.of(10, 10);
        assertEquals(Double.POSITIVE_INFINITY, none.test(b, a, Alternative.TWO_SIDED).statistic().getAsDouble());
        assertEquals(0.0, none.test(b, a, Alternative.TWO_SIDED).pValue());
        assertEquals(0.1, none.interval(b, a, 0.95).lower(), 1e-15);
        assertEquals(0.0, none.test(a, a, Alternative.TWO_SIDED).statistic().getAsDouble());
    }

    /** The report's category p-values under --variance survey are the survey tests, and its methods say so. */
    @Test
    void theReportTestsWhatItsMarginsMeasure() {
        Path volumes = Path.of("examples/data/volumes.csv");
        Inspection before = InspectionSource.read(Path.of("examples/data/audit-2017.csv"),
                java.util.Optional.of(volumes)).inspections().get(0);
        Inspection after = InspectionSource.read(Path.of("examples/data/audit-2022.csv"),
                java.util.Optional.of(volumes)).inspections().get(0);
        Report report = Report.of(before, after).force("Our force").with(VarianceConvention.SURVEY);
        InspectionChange expected = Comparison.withDefaults().with(VarianceConvention.SURVEY)
                .with(PValueAdjustment.NONE).compare(before, after);
        assertEquals(expected.categories().get(0).change().test().pValue(),
                report.change().categories().get(0).change().test().pValue(), 0);
        assertTrue(report.methods().contains("survey standard errors over incidents"), report.methods());
        assertTrue(report.rows().get(0).paragraph().text().contains("survey standard errors over incidents"),
                report.rows().get(0).paragraph().text());
    }
}
