package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.Inspection;

/**
 * The all-crime Wilson interval (Wilson at Kish's effective sample size) against 80-digit mpmath
 * values: {@code src/test/resources/reference-extended/all-crime-wilson-designs.csv} (the
 * inspections: categories with 10<sup>13</sup> to 2<sup>53</sup> audited and rates of 10<sup>-14</sup>,
 * 1 - 10<sup>-14</sup> and in the middle, plus the seed report's) and
 * {@code all-crime-wilson-results.csv} (rate, effective sample size and bounds under each variance
 * convention at confidence 10<sup>-6</sup>, 0.95 and 1 - 10<sup>-9</sup>), both written by
 * {@code reference-extended/make_extended_reference.py}. Tolerance: the strict rule of
 * {@link ReferenceData#boundWithin}.
 */
class AllCrimeWilsonExtendedReferenceTest {

    private static final String FOLDER = "reference-extended";

    private static Map<String, List<Row>> designs() {
        Map<String, List<Row>> designs = new LinkedHashMap<>();
        for (Row row : ReferenceData.rows(FOLDER, "all-crime-wilson-designs.csv")) {
            designs.computeIfAbsent(row.text("design"), k -> new ArrayList<>()).add(row);
        }
        return designs;
    }

    private static Inspection inspection(String name, List<Row> categories, boolean withPopulation) {
        Inspection.Builder builder = Inspection.builder(name);
        for (Row c : categories) {
            if (withPopulation) {
                // the survey rows take the volume as the population (the generator's convention)
                builder.category(c.text("category"), c.whole("recorded"), c.whole("audited"), c.whole("volume"),
                        c.whole("volume"));
            } else {
                builder.category(c.text("category"), c.whole("recorded"), c.whole("audited"), c.whole("volume"));
            }
        }
        return builder.build();
    }

    @Test
    void everyDesignAtEveryLevelAndVariance() {
        Map<String, List<Row>> designs = designs();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row expected : ReferenceData.rows(FOLDER, "all-crime-wilson-results.csv")) {
            VarianceConvention variance = Token.parse(VarianceConvention.class, "variance", expected.text("variance"));
            Inspection inspection = inspection(expected.text("design"), designs.get(expected.text("design")),
                    variance == VarianceConvention.SURVEY);
            CategoryEstimate all = InspectionEstimator.withDefaults().with(AllCrimeMethod.WILSON).with(variance)
                    .withConfidence(expected.number("confidence")).estimate(inspection).allCrime();
            String[][] columns = {{"estimate", "rate"}, {"lower", "lower"}, {"upper", "upper"}};
            double[] actual = {all.rate(), all.lower(), all.upper()};
            for (int i = 0; i < columns.length; i++) {
                double want = expected.number(columns[i][0]);
                if (!ReferenceData.boundWithin(want, actual[i])) {
                    failures.add(expected.where() + ": " + columns[i][1] + " " + actual[i] + " want " + want);
                }
            }
            checked++;
        }
        assertTrue(checked >= 20, "rows " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " off:\n" + String.join("\n", failures));
    }

    @Test
    void oneCategoryUnderTheBinomialVarianceIsTheOneCategoryWilsonInterval() {
        // at an effective sample size equal to n the all-crime Wilson interval is Wilson's for x of n:
        // the "one-category" designs of the file, checked against the same rows' bounds above and
        // here against IntervalMethod.WILSON to a few ulps (n_eff = p(1-p)/V is n to 2 ulps)
        for (long[] t : new long[][] {{1, 1L << 53}, {1, 1_000_000_000_000_000L}, {3, 10_000_000_000_000L}}) {
            Inspection one = Inspection.builder("one").category("violence", t[0], t[1], 1000).build();
            CategoryEstimate all = InspectionEstimator.withDefaults().estimate(one).allCrime();
            var wilson = IntervalMethod.WILSON.interval(t[0], t[1], 0.95);
            assertEquals(wilson.lower(), all.lower(), 1e-13 * wilson.lower(), t[0] + "/" + t[1]);
            assertEquals(wilson.upper(), all.upper(), 1e-13 * wilson.upper(), t[0] + "/" + t[1]);
        }
    }

    @Test
    void inspectionsBeyondTwoToTheFiftyThreeAreRefused() {
        long big = (1L << 53) + 1;
        Inspection tooBig = Inspection.builder("big").category("violence", 1, big, 1000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InspectionEstimator.withDefaults().estimate(tooBig));
        assertTrue(e.getMessage().contains("violence") && e.getMessage().contains(Long.toString(big))
                && e.getMessage().contains("2^53"), e.getMessage());
        Inspection twoHalves = Inspection.builder("halves").category("violence", 1, 1L << 52, 1000)
                .category("other", 1, (1L << 52) + 1, 1000).build();
        e = assertThrows(IllegalArgumentException.class, () -> InspectionEstimator.withDefaults().estimate(twoHalves));
        assertTrue(e.getMessage().contains("in all") && e.getMessage().contains("2^53"), e.getMessage());
        // categories too large for a long sum are refused when the inspection is made, not by an ArithmeticException
        assertThrows(IllegalArgumentException.class, () -> Inspection.builder("huge")
                .category("violence", 1, Long.MAX_VALUE, 1000).category("other", 1, Long.MAX_VALUE, 1000).build());
    }
}
