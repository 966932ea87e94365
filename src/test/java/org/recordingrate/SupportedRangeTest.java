package org.recordingrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The supported range (confidence 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, audited up to 2<sup>53</sup>
 * per tally; see {@code internal/Args}) is enforced the same way at every entry point: the same
 * message, naming the argument, the value and the range. The cases of the core-hardening issue
 * (confidence 1e-16 gave lower &gt; upper for 188/202; Newcombe at 1e-15 failed with an internal
 * error; a published figure at confidence 1e-300 had a standard error of -Infinity) are refusals
 * now.
 */
class SupportedRangeTest {

    private static final Tally TALLY = Tally.of(188, 202);
    private static final Inspection INSPECTION = Inspection.builder("x").category("violence", 188, 202, 1000).build();

    private static Map<String, DoubleConsumer> entryPoints() {
        Map<String, DoubleConsumer> calls = new LinkedHashMap<>();
        for (IntervalMethod method : IntervalMethod.values()) {
            calls.put("IntervalMethod." + method, c -> method.interval(188, 202, c));
        }
        calls.put("RateEstimator", c -> RateEstimator.withDefaults().withConfidence(c).estimate(TALLY));
        calls.put("InspectionEstimator", c -> InspectionEstimator.withDefaults().withConfidence(c).estimate(INSPECTION));
        for (DifferenceMethod method : DifferenceMethod.values()) {
            calls.put("DifferenceMethod." + method, c -> method.interval(Tally.of(512, 640), TALLY, c));
        }
        calls.put("Comparison", c -> Comparison.withDefaults().withConfidence(c).compare(Tally.of(512, 640), TALLY));
        calls.put("PublishedFigure", c -> PublishedFigure.fromPercent(93.2, 2.3, c).standardError());
        return calls;
    }

    @Test
    void everyEntryPointRefusesTheSameConfidenceLevels() {
        double[] outside = {1e-300, 1e-16, 1e-15, 9.99e-7, 1 - 1e-10, 1 - 1e-16, 0, 1, -0.5, 95, Double.NaN};
        for (Map.Entry<String, DoubleConsumer> call : entryPoints().entrySet()) {
            for (double level : outside) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> call.getValue().accept(level), call.getKey() + " at " + level);
                // a level that looks like a percentage also gets the fraction it probably meant
                String hint = level > 1 && level < 100 ? ": a level is a fraction; did you mean " + show(level / 100) + "?"
                        : "";
                assertEquals("confidence (" + show(level) + ") must lie between 0.000001 and 0.999999999"
                        + " (1 - 1e-9), the supported range" + hint, e.getMessage(), call.getKey());
            }
            // the ends of the range are supported
            call.getValue().accept(1e-6);
            call.getValue().accept(1 - 1e-9);
        }
    }

    @Test
    void theIssuesCasesAreRefusalsAndTheRangeEndsAreFinite() {
        assertThrows(IllegalArgumentException.class, () -> IntervalMethod.WILSON.interval(188, 202, 1e-16));
        assertThrows(IllegalArgumentException.class,
                () -> DifferenceMethod.NEWCOMBE.interval(Tally.of(100, 202), TALLY, 1e-15));
        assertThrows(IllegalArgumentException.class, () -> PublishedFigure.fromPercent(93.2, 2.3, 1e-300));
        for (double level : new double[] {1e-6, 1 - 1e-9}) {
            var estimate = RateEstimator.withDefaults().withConfidence(level).estimate(TALLY);
            assertTrue(Double.isFinite(estimate.standardError()) && Double.isFinite(estimate.margin())
                    && estimate.lower() <= estimate.rate() && estimate.rate() <= estimate.upper(), estimate.toString());
            double se = PublishedFigure.fromPercent(93.2, 2.3, level).standardError();
            assertTrue(se > 0 && Double.isFinite(se), "se " + se);
            for (DifferenceMethod method : DifferenceMethod.values()) {
                Interval i = method.interval(Tally.of(100, 202), TALLY, level);
                assertTrue(i.lower() <= i.upper(), method + " " + i);
            }
        }
    }

    @Test
    void everyEntryPointRefusesTalliesAboveTwoToTheFiftyThree() {
        Tally big = Tally.of(3, (1L << 53) + 1);
        String message = "audited (9007199254740993) exceeds the supported limit 2^53 = 9007199254740992:"
                + " larger counts are not exact in double precision";
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> IntervalMethod.JEFFREYS.interval(3, (1L << 53) + 1, 0.95)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> RateEstimator.withDefaults().estimate(big)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> RateEstimator.withDefaults().lowerBound(big)).getMessage());
        assertEquals("audited before" + message.substring("audited".length()), assertThrows(IllegalArgumentException.class,
                () -> Comparison.withDefaults().compare(big, TALLY)).getMessage());
        assertEquals("audited after" + message.substring("audited".length()), assertThrows(IllegalArgumentException.class,
                () -> ChangeTest.Z_POOLED.test(TALLY, big, Alternative.TWO_SIDED)).getMessage());
        Inspection inspection = Inspection.builder("big").category("violence", 3, (1L << 53) + 1, 10).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InspectionEstimator.withDefaults().estimate(inspection))
                .getMessage().startsWith("audited of category 'violence' (9007199254740993) exceeds the supported limit"));
        // Tally itself is a plain record of counts and accepts any long
        assertEquals(Long.MAX_VALUE, Tally.of(1, Long.MAX_VALUE).audited());
    }

    @Test
    void oneSidedBoundsNeedAtLeastHalfConfidence() {
        RateEstimator estimator = RateEstimator.withDefaults().withConfidence(0.3);
        estimator.estimate(TALLY); // a two-sided 30% interval is fine
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.lowerBound(TALLY));
        assertEquals("confidence (0.3) must lie between 0.5 and 0.999999999 (1 - 1e-9), the supported range of"
                + " one-sided bounds", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntervalMethod.WILSON.upperBound(188, 202, 0.3));
        assertEquals(IntervalMethod.WILSON.lowerBound(188, 202, 0.5), 188.0 / 202, 1e-15);
    }

    /** As Args.show formats a value for a message. */
    private static String show(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        return Double.toString(value);
    }
}
