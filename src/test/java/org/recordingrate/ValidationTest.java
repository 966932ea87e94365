package org.recordingrate;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.Verdict;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Interval;

/**
 * Bad input at every public entry point gets an IllegalArgumentException whose message names the
 * argument and shows the value.
 */
class ValidationTest {

    private static void fails(Executable call, String... mustMention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String text : mustMention) {
            assertTrue(e.getMessage().contains(text), "message '" + e.getMessage() + "' should mention '" + text + "'");
        }
    }

    @Test
    void tallies() {
        fails(() -> new Tally(-1, 10), "recorded", "-1");
        fails(() -> new Tally(3, -10), "audited", "-10");
        fails(() -> new Tally(0, 0), "audited", "0");
        fails(() -> new Tally(205, 202), "recorded (205)", "audited (202)");
        fails(() -> Tally.parse("188-202"), "tally", "188-202");
        fails(() -> Tally.parse("a/b"), "tally", "a/b");
    }

    @Test
    void singleCategoryIntervalsEveryMethod() {
        for (IntervalMethod method : IntervalMethod.values()) {
            fails(() -> method.interval(-1, 10, 0.95), "recorded", "-1");
            fails(() -> method.interval(11, 10, 0.95), "recorded (11)", "audited (10)");
            fails(() -> method.interval(0, 0, 0.95), "audited", "0");
            fails(() -> method.interval(1, 10, 0), "confidence", "0");
            fails(() -> method.interval(1, 10, 1), "confidence", "1");
            fails(() -> method.interval(1, 10, 1.5), "confidence", "1.5");
            fails(() -> method.interval(1, 10, Double.NaN), "confidence", "NaN");
            fails(() -> method.lowerBound(1, 10, -0.1), "confidence", "-0.1");
            fails(() -> method.upperBound(20, 10, 0.95), "recorded (20)");
        }
        fails(() -> Token.parse(IntervalMethod.class, "method", "wilsom"), "method", "'wilsom'", "wilson");
        fails(() -> Token.parse(IntervalMethod.class, "method", null), "method", "(null)");
        fails(() -> RateEstimator.withDefaults().withConfidence(95), "confidence", "95");
        fails(() -> RateEstimator.withDefaults().with((IntervalMethod) null), "method");
        fails(() -> RateEstimator.withDefaults().estimate(null), "tally");
        fails(() -> RateEstimator.withDefaults().estimate(3, 2), "recorded (3)", "audited (2)");
    }

    @Test
    void inspections() {
        fails(() -> Inspection.builder("x").category("violence", 1, 2, 10).category("Violence", 1, 2, 10).build(),
                "violence", "twice");
        fails(() -> Inspection.builder("x").build(), "no categories");
        fails(() -> Inspection.builder(" ").category("violence", 1, 2, 10).build(), "inspection name");
        fails(() -> AuditedCategory.of("violence", 1, 2, 0), "volume", "violence", "0");
        fails(() -> AuditedCategory.of("violence", 1, 2, -5), "volume", "-5");
        fails(() -> AuditedCategory.of("violence", 1, 0, 5), "audited", "0");
        fails(() -> AuditedCategory.of("violence", 3, 2, 5), "recorded (3)");
        fails(() -> AuditedCategory.of("violence", 1, 20, 5, 10), "population", "10", "audited (20)");
        fails(() -> AuditedCategory.of("all crime", 1, 2, 5), "reserved");
        fails(() -> new AuditedCategory(new Category("", 5, OptionalLong.empty()), Tally.of(1, 2)), "category name");
        fails(() -> Category.of("violence", 5, 0), "population", "0");
        fails(() -> Token.parse(AllCrimeMethod.class, "method", "jeffreys"), "'jeffreys'", "korn_graubard");
        fails(() -> Token.parse(VarianceConvention.class, "variance", "srs"), "'srs'", "binomial");
        fails(() -> InspectionEstimator.withDefaults().withConfidence(Double.NaN), "confidence", "NaN");
        fails(() -> InspectionEstimator.withDefaults().estimate(null), "inspection");
        Inspection single = Inspection.builder("one record").category("violence", 1, 1, 100).build();
        fails(() -> InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(single),
                "violence", "1 audited record");
    }

    @Test
    void unrecordedAndPublished() {
        fails(() -> UnrecordedCrimes.of(0, 0.9, new Interval(0.8, 0.95)), "volume", "0");
        fails(() -> UnrecordedCrimes.of(10, 1.2, new Interval(0.8, 0.95)), "rate", "1.2");
        fails(() -> UnrecordedCrimes.of(10, 0.9, new Interval(0.8, 0.95)).moreThan(0), "unit", "0");
        fails(() -> PublishedFigure.fromPercent(101, 2), "rate", "101");
        fails(() -> PublishedFigure.fromPercent(93.2, 0), "margin", "0");
        fails(() -> PublishedFigure.fromPercent(93.2, -1), "margin", "-1");
        fails(() -> PublishedFigure.fromPercent(93.2, 2.3, 95), "confidence", "95");
        fails(() -> PublishedFigure.fromPercent(93.2, 2.3).compareWith(null), "previous");
        fails(() -> PublishedFigure.fromPercent(93.2, 2.3).compareWith(PublishedFigure.fromPercent(90, 2), 0),
                "significance", "0");
    }

    @Test
    void comparisons() {
        fails(() -> Token.parse(DifferenceMethod.class, "method", "newcomb"), "'newcomb'", "newcombe");
        fails(() -> DifferenceMethod.NEWCOMBE.interval(null, Tally.of(1, 2), 0.95), "before");
        fails(() -> DifferenceMethod.NEWCOMBE.interval(Tally.of(1, 2), Tally.of(1, 2), 2), "confidence", "2");
        fails(() -> Token.parse(Alternative.class, "alternative", "up"), "'up'", "improved");
        fails(() -> Verdict.of(0.1, 1.5, 0.05), "p-value", "1.5");
        fails(() -> Verdict.of(0.1, 0.01, 1), "significance", "1");
        fails(() -> new Interval(0.5, 0.4), "0.5", "0.4");
        fails(() -> new org.recordingrate.format.TextTable(), "header");
        fails(() -> org.recordingrate.compare.PValueAdjustment.HOLM.adjust(2.0), "p-value 1", "2");
    }
}
