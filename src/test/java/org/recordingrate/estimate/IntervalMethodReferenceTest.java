package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.recordingrate.model.Interval;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;

/**
 * Every row of shared/reference/single-proportion.csv (R 4.2.2, statsmodels 0.13.5 and 50-digit
 * mpmath; see its README) reproduced at the stated tolerance: 1e-9 absolute, 1e-7 relative for
 * bounds below 1e-3.
 */
class IntervalMethodReferenceTest {

    private static final List<Row> ROWS = ReferenceData.rows("single-proportion.csv");

    @TestFactory
    Stream<DynamicTest> everyReferenceRow() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.where(), () -> {
            IntervalMethod method = Token.parse(IntervalMethod.class, "method", row.text("method"));
            Interval interval = method.interval(row.whole("recorded"), row.whole("audited"), row.number("confidence"));
            double lower = row.number("lower");
            double upper = row.number("upper");
            assertTrue(ReferenceData.boundWithin(lower, interval.lower()),
                    () -> row.where() + ": lower " + interval.lower() + " want " + lower);
            assertTrue(ReferenceData.boundWithin(upper, interval.upper()),
                    () -> row.where() + ": upper " + interval.upper() + " want " + upper);
        }));
    }

    @Test
    void referenceCoversEveryMethod() {
        Set<String> methods = ROWS.stream().map(r -> r.text("method")).collect(Collectors.toSet());
        for (IntervalMethod method : IntervalMethod.values()) {
            assertTrue(methods.contains(method.token()), "no reference rows for " + method.token());
        }
        assertEquals(IntervalMethod.values().length, methods.size(), "reference has methods we do not know: " + methods);
    }

    @Test
    void estimatorAgreesWithEnumOnEveryRow() {
        // The configured estimator caches z; it must give the same bounds as the validating enum method.
        for (Row row : ROWS) {
            IntervalMethod method = Token.parse(IntervalMethod.class, "method", row.text("method"));
            RateEstimate estimate = RateEstimator.withDefaults().with(method).withConfidence(row.number("confidence"))
                    .estimate(row.whole("recorded"), row.whole("audited"));
            Interval direct = method.interval(row.whole("recorded"), row.whole("audited"), row.number("confidence"));
            assertEquals(direct.lower(), estimate.lower(), 0.0, row.where());
            assertEquals(direct.upper(), estimate.upper(), 0.0, row.where());
        }
    }
}
