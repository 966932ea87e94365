package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.AuditAccumulator;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;

/**
 * The recording rate over incidents (crimes grouped in incidents, the incidents sampled clusters)
 * against R's survey package: {@code src/test/resources/incidents/make-incident-reference.R}
 * (R 4.2.2, survey 4.1.1) wrote the records, the volumes and, for 13 designs, svymean's estimate and
 * standard error with {@code svydesign(ids = ~incident_id, strata = ~category, weights = ~w[, fpc])},
 * svyciprop's xlogit (df = Inf) and beta (Korn-Graubard) bounds, the binomial standard error and the
 * design effect; see the script's header. Tolerance 1e-9 absolute, as the issue asks (the values are
 * written with 17 significant digits; our sums run over at most 14 groups of incidents).
 */
class IncidentEstimatorReferenceTest {

    private static final double TOLERANCE = 1e-9;

    /** The reference inspections, built record by record through the accumulator. */
    static Map<String, Inspection> inspections() {
        Map<String, AuditAccumulator> audits = new LinkedHashMap<>();
        for (Row row : ReferenceData.resource("/incidents/incident-records.csv")) {
            audits.computeIfAbsent(row.text("inspection"), k -> new AuditAccumulator())
                    .add(AuditRecord.of(row.text("record_id"), row.text("category"), row.whole("recorded") == 1,
                            row.text("incident_id")));
        }
        Map<String, List<Category>> designs = new LinkedHashMap<>();
        for (Row row : ReferenceData.resource("/incidents/incident-volumes.csv")) {
            OptionalLong population = row.isEmpty("population") ? OptionalLong.empty()
                    : OptionalLong.of(row.whole("population"));
            designs.computeIfAbsent(row.text("inspection"), k -> new ArrayList<>())
                    .add(new Category(row.text("category"), row.whole("volume"), population));
        }
        Map<String, Inspection> inspections = new LinkedHashMap<>();
        audits.forEach((name, audit) -> inspections.put(name, audit.inspection(name, designs.get(name))));
        return inspections;
    }

    private static CategoryEstimate row(InspectionEstimate estimate, String row) {
        if (Names.isAllCrime(row)) {
            return estimate.allCrime();
        }
        Optional<CategoryEstimate> found = estimate.categories().stream()
                .filter(c -> Names.same(c.category(), row)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no row " + row));
    }

    @TestFactory
    Stream<DynamicTest> surveyStandardErrorsIntervalsAndDesignEffectsMatchR() {
        Map<String, Inspection> inspections = inspections();
        List<Row> results = ReferenceData.resource("/incidents/incident-results.csv");
        assertEquals(13, inspections.size(), "designs in the reference");
        return results.stream().map(ref -> DynamicTest.dynamicTest(ref.text("inspection") + " " + ref.text("row"), () -> {
            Inspection inspection = inspections.get(ref.text("inspection"));
            InspectionEstimator survey = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY)
                    .withConfidence(ref.number("confidence"));
            CategoryEstimate wald = row(survey.with(AllCrimeMethod.WALD).estimate(inspection), ref.text("row"));
            CategoryEstimate logit = row(survey.with(AllCrimeMethod.LOGIT).estimate(inspection), ref.text("row"));
            CategoryEstimate kg = row(survey.with(AllCrimeMethod.KORN_GRAUBARD).estimate(inspection), ref.text("row"));
            CategoryEstimate binomial = row(InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD)
                    .withConfidence(ref.number("confidence")).estimate(inspection), ref.text("row"));
            String where = ref.where();
            assertEquals(ref.whole("audited"), wald.audited(), where);
            assertEquals(ref.whole("recorded"), wald.recorded(), where);
            assertEquals(ref.whole("incidents"), wald.incidents().getAsLong(), where);
            assertEquals(ref.number("estimate"), wald.rate(), TOLERANCE, where + " estimate");
            assertEquals(ref.number("se_survey"), wald.standardError(), TOLERANCE, where + " se_survey");
            assertEquals(ref.number("se_binomial"), binomial.standardError(), TOLERANCE, where + " se_binomial");
            assertEquals(ref.number("design_effect"), wald.designEffect().getAsDouble(), 1e-9 * ref.number("design_effect"),
                    where + " design effect (relative)");
            assertEquals(ref.number("design_effect"), binomial.designEffect().getAsDouble(),
                    1e-9 * ref.number("design_effect"), where + " design effect under binomial");
            assertEquals(ref.number("logit_lower"), logit.lower(), TOLERANCE, where + " xlogit lower");
            assertEquals(ref.number("logit_upper"), logit.upper(), TOLERANCE, where + " xlogit upper");
            assertEquals(ref.number("kg_lower"), kg.lower(), TOLERANCE, where + " beta lower");
            assertEquals(ref.number("kg_upper"), kg.upper(), TOLERANCE, where + " beta upper");
        }));
    }

    @Test
    void atLeastTenDesignsAreCheckedOnTheirAllCrimeRow() {
        long allCrimeRows = ReferenceData.resource("/incidents/incident-results.csv").stream()
                .filter(r -> Names.isAllCrime(r.text("row"))).count();
        assertTrue(allCrimeRows >= 10, allCrimeRows + " designs");
    }

    @Test
    void singleCrimeIncidentsGiveTheUngroupedSurveyVariance() {
        // Independent of R: with one crime per incident the cluster formula is the stratified one,
        // sum W_h^2 (1 - f_h) p_h (1 - p_h) / (n_h - 1), which stratified-results.csv checks for
        // aggregated inspections. The same tallies without incidents must give the same standard error.
        Inspection grouped = inspections().get("single-crime-incidents");
        Inspection.Builder ungrouped = Inspection.builder("ungrouped");
        grouped.categories().forEach(c -> ungrouped.category(c.name(), c.tally().recorded(), c.tally().audited(),
                c.volume()));
        InspectionEstimator survey = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY);
        double withIncidents = survey.estimate(grouped).allCrime().standardError();
        double without = survey.estimate(ungrouped.build()).allCrime().standardError();
        assertEquals(without, withIncidents, 1e-15);
    }
}
