package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;

/** What estimates over incidents say about themselves, and their edges. */
class IncidentEstimateTest {

    /** violence: incidents (2 crimes, 2 recorded), (2, 0), (1, 1), (3, 3); other crime: (1, 1), (2, 1), (1, 0). */
    private static Inspection inspection() {
        return new Inspection("A", List.of(
                AuditedCategory.of(Category.of("violence", 300), Incidents.of(new long[] {2, 2, 1, 3}, new long[] {2, 0, 1, 3})),
                AuditedCategory.of(Category.of("other crime", 700), Incidents.of(new long[] {1, 2, 1}, new long[] {1, 1, 0}))));
    }

    @Test
    void surveyVarianceByHand() {
        // violence alone: p = 6/8, residuals e_c = x_c - p n_c = 0.5, -1.5, 0.25, 0.75 (mean 0);
        // v = 4/3 (0.25 + 2.25 + 0.0625 + 0.5625) / 64 = 4/3 x 3.125 / 64.
        CategoryEstimate violence = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY)
                .estimate(inspection()).categories().get(0);
        assertEquals(Math.sqrt(4.0 / 3 * 3.125 / 64), violence.standardError(), 1e-15);
        assertEquals(4, violence.incidents().getAsLong());
        // binomial: 0.75 x 0.25 / 8; design effect = ratio of the two variances
        assertEquals(4.0 / 3 * 3.125 / 64 / (0.75 * 0.25 / 8), violence.designEffect().getAsDouble(), 1e-13);
    }

    @Test
    void theBinomialConventionSaysItIgnoresIncidents() {
        InspectionEstimate binomial = InspectionEstimator.withDefaults().estimate(inspection());
        assertTrue(binomial.toString().contains("binomial variance ignoring 7 incidents, design effect "), binomial.toString());
        assertTrue(binomial.summary().contains("ignoring that crimes came in incidents"), binomial.summary());
        InspectionEstimate survey = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(inspection());
        assertTrue(survey.toString().contains("survey variance over 7 incidents, design effect "), survey.toString());
        assertFalse(survey.summary().contains("ignoring"), survey.summary());
        assertEquals(binomial.allCrime().designEffect(), survey.allCrime().designEffect());
        assertTrue(survey.summary().contains("design effect"), survey.summary());
    }

    @Test
    void oneIncidentInACategoryHasNoSurveyVariance() {
        Inspection lonely = new Inspection("B", List.of(
                AuditedCategory.of(Category.of("violence", 300), Incidents.of(new long[] {3}, new long[] {2})),
                AuditedCategory.of(Category.of("other crime", 700), Incidents.of(new long[] {1, 2}, new long[] {1, 1}))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(lonely));
        assertTrue(e.getMessage().contains("category 'violence' has 1 incident"), e.getMessage());
        // under binomial the estimate stands, without a design effect to report
        InspectionEstimate binomial = InspectionEstimator.withDefaults().estimate(lonely);
        assertTrue(binomial.allCrime().designEffect().isEmpty());
        assertTrue(binomial.allCrime().incidents().isPresent());
    }

    @Test
    void aCensusOfIncidentsContributesNothing() {
        Inspection census = new Inspection("C", List.of(AuditedCategory.of(Category.of("violence", 300, 4),
                Incidents.of(new long[] {2, 2, 1, 3}, new long[] {2, 0, 1, 3}))));
        assertEquals(0.0, InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(census)
                .allCrime().standardError());
    }
}
