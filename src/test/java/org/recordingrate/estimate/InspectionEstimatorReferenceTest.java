package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.AuditedCategory;

/**
 * The all-crime estimate against shared/reference/stratified-designs.csv and
 * stratified-results.csv (R 4.2.2 survey package: svymean, svyciprop "xlogit" and "beta"; and
 * 50-digit mpmath; see the reference README). Tolerance 1e-9, as the README states. The volume is
 * both the weight and the finite population, as the README says.
 */
class InspectionEstimatorReferenceTest {

    private static final double TOLERANCE = 1e-9;

    static Map<String, Inspection> designs() {
        Map<String, Inspection.Builder> builders = new LinkedHashMap<>();
        for (Row row : ReferenceData.rows("stratified-designs.csv")) {
            builders.computeIfAbsent(row.text("design"), Inspection::builder)
                    .category(row.text("category"), row.whole("recorded"), row.whole("audited"), row.whole("volume"),
                            row.whole("volume"));
        }
        Map<String, Inspection> designs = new LinkedHashMap<>();
        builders.forEach((name, builder) -> designs.put(name, builder.build()));
        return designs;
    }

    @TestFactory
    Stream<DynamicTest> everyDesignEveryConventionEveryMethod() {
        Map<String, Inspection> designs = designs();
        List<Row> results = ReferenceData.rows("stratified-results.csv");
        assertEquals(designs.size(), results.size(), "one result row per design");
        return results.stream().flatMap(row -> Stream.of(VarianceConvention.values()).flatMap(variance ->
                Stream.of(AllCrimeMethod.WALD, AllCrimeMethod.LOGIT, AllCrimeMethod.KORN_GRAUBARD).map(method ->
                        DynamicTest.dynamicTest(row.text("design") + " " + variance.token() + " " + method.token(), () -> {
                            Inspection inspection = designs.get(row.text("design"));
                            CategoryEstimate all = InspectionEstimator.withDefaults().with(method).with(variance)
                                    .withConfidence(row.number("confidence")).estimate(inspection).allCrime();
                            String prefix = (method == AllCrimeMethod.KORN_GRAUBARD ? "kg" : method.token()) + "_"
                                    + variance.token();
                            assertEquals(row.number("estimate"), all.rate(), TOLERANCE, row.where() + " estimate");
                            assertEquals(row.number("se_" + variance.token()), all.standardError(), TOLERANCE,
                                    row.where() + " se");
                            assertEquals(row.number(prefix + "_lower"), all.lower(), TOLERANCE, row.where() + " lower");
                            assertEquals(row.number(prefix + "_upper"), all.upper(), TOLERANCE, row.where() + " upper");
                        }))));
    }

    @Test
    void categoryRowsUnderBinomialEqualSingleCategoryMethods() {
        // Independent of the stratified code path: IntervalMethod is checked against
        // single-proportion.csv; one category under the binomial convention must give the same bounds.
        Map<AllCrimeMethod, IntervalMethod> same = Map.of(AllCrimeMethod.WALD, IntervalMethod.WALD,
                AllCrimeMethod.LOGIT, IntervalMethod.LOGIT, AllCrimeMethod.KORN_GRAUBARD, IntervalMethod.CLOPPER_PEARSON,
                AllCrimeMethod.WILSON, IntervalMethod.WILSON);
        int checked = 0;
        for (Inspection inspection : designs().values()) {
            for (AllCrimeMethod method : AllCrimeMethod.values()) {
                InspectionEstimate estimate = InspectionEstimator.withDefaults().with(method).estimate(inspection);
                for (int i = 0; i < inspection.categories().size(); i++) {
                    AuditedCategory category = inspection.categories().get(i);
                    CategoryEstimate row = estimate.categories().get(i);
                    var single = same.get(method).interval(category.tally().recorded(), category.tally().audited(), 0.95);
                    assertEquals(single.lower(), row.lower(), 1e-12, category + " " + method);
                    assertEquals(single.upper(), row.upper(), 1e-12, category + " " + method);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void stratifiedWilsonIsTheTextbookWilsonAtTheEffectiveSampleSize() {
        // Independent computation: the textbook Wilson formula with n replaced by p(1-p)/se^2.
        for (Inspection inspection : designs().values()) {
            for (VarianceConvention variance : VarianceConvention.values()) {
                CategoryEstimate all = InspectionEstimator.withDefaults().with(AllCrimeMethod.WILSON).with(variance)
                        .estimate(inspection).allCrime();
                double p = all.rate();
                double se = all.standardError();
                if (p == 1 || se == 0) {
                    continue;
                }
                double n = p * (1 - p) / (se * se);
                double z = 1.959963984540054;
                double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
                double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
                assertEquals(centre - half, all.lower(), 1e-12, inspection.name());
                assertEquals(centre + half, all.upper(), 1e-12, inspection.name());
            }
        }
    }
}
