package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Normal;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;

/**
 * The synthetic record-level audits (examples/data/audit-2017.csv, audit-2022.csv and volumes.csv,
 * made by examples/data/make-audit.py) estimated as the inspectors did, binomial variance and Wald
 * intervals, give the seed report's published figures (shared/reference/published-figures.csv)
 * to the published one decimal, as make-audit.py documents; the one exception, the 2022 sexual
 * offences margin, is shown here to be out of reach of any tally.
 */
class RecordLevelExamplesTest {

    private static final Path DATA = Path.of("examples/data");

    private static Inspection read(String file) {
        InspectionSource source = InspectionSource.read(DATA.resolve(file), Optional.of(DATA.resolve("volumes.csv")));
        assertEquals(1, source.inspections().size());
        assertTrue(source.rowsExcluded() > 0, "the example shows should_record exclusions");
        assertEquals(source.rowsRead(), source.rowsUsed() + source.rowsExcluded());
        return source.inspections().get(0);
    }

    private static double oneDecimal(double fraction) {
        return Math.floor(fraction * 1000 + 0.5) / 10;
    }

    private static CategoryEstimate row(InspectionEstimate estimate, String published) {
        String category = published.startsWith("all crime") ? "all crime"
                : published.startsWith("violent") ? "violence" : published;
        return estimate.rows().stream().filter(r -> r.category().equals(category)).findFirst().orElseThrow();
    }

    @Test
    void theAuditsGiveThePublishedFigures() {
        InspectionEstimator inspectors = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD)
                .with(VarianceConvention.BINOMIAL);
        InspectionEstimate before = inspectors.estimate(read("audit-2017.csv"));
        InspectionEstimate after = inspectors.estimate(read("audit-2022.csv"));
        assertEquals("CDI 2017", before.inspection());
        assertEquals("PEEL 2021/22", after.inspection());
        List<Row> published = ReferenceData.rows("published-figures.csv");
        assertEquals(3, published.size());
        for (Row figure : published) {
            CategoryEstimate now = row(after, figure.text("category"));
            CategoryEstimate then = row(before, figure.text("category"));
            assertEquals(figure.number("rate_pct"), oneDecimal(now.rate()), figure.where());
            assertEquals(figure.number("previous_rate_pct"), oneDecimal(then.rate()), figure.where());
            assertEquals(figure.number("previous_margin_pct"), oneDecimal(then.margin()), figure.where());
            if (!figure.text("category").equals("sexual offences")) {
                assertEquals(figure.number("margin_pct"), oneDecimal(now.margin()), figure.where());
            }
            if (!figure.isEmpty("published_unrecorded_over")) {
                assertEquals(figure.whole("published_unrecorded_over"), now.unrecorded().moreThan(100).getAsLong());
            }
        }
    }

    @Test
    void noTallyGivesNinetyNinePointZeroPlusOrMinusOnePointSeven() {
        // Why the 2022 sexual offences margin is 1.4, not 1.7: every tally up to 20,000 audited.
        double z = -Normal.quantile(0.025);
        for (long n = 1; n <= 20_000; n++) {
            for (long r = (long) (0.989 * n); r <= n; r++) {
                double p = (double) r / n;
                boolean rate = oneDecimal(p) == 99.0;
                boolean margin = oneDecimal(z * Math.sqrt(p * (1 - p) / n)) == 1.7;
                assertTrue(!(rate && margin), r + " of " + n);
            }
        }
    }

    @Test
    void theIncidentsHoldOneToFourCrimesAndTheSurveyConventionCountsThem() {
        Map<String, Long> largest = read("audit-2022.csv").categories().stream().collect(Collectors.toMap(
                c -> c.name(), c -> c.incidents().orElseThrow().largest()));
        assertTrue(largest.values().stream().allMatch(size -> size >= 2 && size <= 4), largest.toString());
        InspectionEstimate survey = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD)
                .with(VarianceConvention.SURVEY).estimate(read("audit-2022.csv"));
        assertTrue(survey.allCrime().incidents().getAsLong() < survey.allCrime().audited());
        assertTrue(survey.toString().contains("survey variance over "), survey.toString());
    }
}
