package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * "The force didn't record more than N crimes": the estimate volume (1 - p)/p rounded down to the
 * unit, exactly. Each expected N below is worked out by hand from the fraction in the comment.
 */
class UnrecordedCrimesTest {

    @Test
    void exactMultiplesOfTheUnitAreNotLostToFloatingPoint() {
        // 90.4% of 45,200: 45,200 x 9.6 / 90.4 = 4,800 exactly ("more than 4,700" when computed in doubles)
        assertEquals(4_800, PublishedFigure.fromPercent(90.4, 2.0).unrecorded(45_200).moreThan(100).getAsLong());
        // 87.2% of 76,300: 76,300 x 12.8 / 87.2 = 11,200 exactly
        assertEquals(11_200, PublishedFigure.fromPercent(87.2, 2.0).unrecorded(76_300).moreThan(100).getAsLong());
        // from a tally: 9 of 10 recorded, volume 900: 900 x 1/9 = 100 exactly, so more than 100 at unit 10
        Inspection nine = Inspection.builder("x").category("violence", 9, 10, 900).build();
        assertEquals(100, InspectionEstimator.withDefaults().estimate(nine).allCrime().unrecorded().moreThan(10)
                .getAsLong());
        // and just below a multiple: 9 of 10 recorded, volume 43,196: 43,196 / 9 = 4,799.56 -> 4,700
        Inspection below = Inspection.builder("x").category("violence", 9, 10, 43_196).build();
        assertEquals(4_700, InspectionEstimator.withDefaults().estimate(below).allCrime().unrecorded().moreThan(100)
                .getAsLong());
        // a decimal rate through the public double entry point is read as typed: 0.904 of 45,200 -> 4,800
        assertEquals(4_800, UnrecordedCrimes.of(45_200, 0.904, new Interval(0.88, 0.92)).moreThan(100).getAsLong());
    }

    @Test
    void theDefaultUnitNeverTurnsAnEstimateOfOneOrMoreIntoZero() {
        // 131 of 132 sexual offences, volume 2,500: 2,500 x 1/131 = 19.08..., so "more than 19" (unit 1)
        Inspection sexual = Inspection.builder("x").category("sexual offences", 131, 132, 2_500).build();
        UnrecordedCrimes u = InspectionEstimator.withDefaults().estimate(sexual).categories().get(0).unrecorded();
        assertEquals(1, u.unit());
        assertEquals(19, u.moreThan().getAsLong());
        // an estimate of exactly 1: 1 of 2 recorded, volume 1 -> 1 x 1/1 = 1
        Inspection one = Inspection.builder("x").category("violence", 1, 2, 1).build();
        assertEquals(1, InspectionEstimator.withDefaults().estimate(one).allCrime().unrecorded().moreThan().getAsLong());
        assertEquals(100, UnrecordedCrimes.unitFor(1_000));
        assertEquals(10, UnrecordedCrimes.unitFor(999.9));
        assertEquals(10, UnrecordedCrimes.unitFor(100));
        assertEquals(1, UnrecordedCrimes.unitFor(99.9));
    }

    @Test
    void nothingRecordedIsUnboundedAndHugeVolumesAreRefusedNotWrapped() {
        Inspection none = Inspection.builder("x").category("violence", 0, 20, 100).build();
        UnrecordedCrimes unbounded = InspectionEstimator.withDefaults().estimate(none).allCrime().unrecorded();
        assertTrue(unbounded.isUnbounded() && unbounded.moreThan().isEmpty());
        assertTrue(unbounded.summary().contains("unbounded"));
        // volume 10^17 at 180 of 202: 10^17 x 22/180 = 1.2222...e16, fits: floor to 100 exactly
        Inspection big = Inspection.builder("x").category("violence", 180, 202, 100_000_000_000_000_000L).build();
        long n = InspectionEstimator.withDefaults().estimate(big).allCrime().unrecorded().moreThan(100).getAsLong();
        BigInteger exact = BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(22)).divide(BigInteger.valueOf(180 * 100))
                .multiply(BigInteger.valueOf(100));
        assertEquals(exact.longValueExact(), n);
        // volume 10^17 at 1 of 202: 2.01e19 does not fit in a long: refused with a message, never negative
        Inspection huge = Inspection.builder("x").category("violence", 1, 202, 100_000_000_000_000_000L).build();
        UnrecordedCrimes beyond = InspectionEstimator.withDefaults().estimate(huge).allCrime().unrecorded();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> beyond.moreThan(100));
        assertTrue(e.getMessage().contains("exceed"), e.getMessage());
    }

    /**
     * Issue 16: a rate outside its own interval, and a negative estimate's unit, were accepted; both
     * are refused naming the argument and the value, for other values of the same kinds too.
     */
    @Test
    void aRateOutsideItsIntervalAndANegativeEstimateAreRefused() {
        Object[][] outside = {{0.5, new Interval(0.7, 0.8)}, {0.9, new Interval(0.5, 0.85)}, {0.0, new Interval(0.1, 0.2)},
            {1.0, new Interval(0.2, 0.99)}};
        for (Object[] c : outside) {
            double rate = (double) c[0];
            Interval interval = (Interval) c[1];
            org.recordingrate.error.ArgumentException e = assertThrows(org.recordingrate.error.ArgumentException.class,
                    () -> UnrecordedCrimes.of(100, rate, interval));
            assertEquals("interval", e.argument());
            String shown = rate == 0 ? "0" : rate == 1 ? "1" : Double.toString(rate);
            assertTrue(e.getMessage().contains("must hold the rate (" + shown + ")"), e.getMessage());
            assertThrows(org.recordingrate.error.ArgumentException.class,
                    () -> UnrecordedCrimes.of(100, java.math.BigDecimal.valueOf(rate), interval));
        }
        // the edges of the interval hold the rate
        assertEquals(0, UnrecordedCrimes.of(100, 1.0, new Interval(0.9, 1)).estimate());
        assertEquals(25, UnrecordedCrimes.of(100, 0.8, new Interval(0.8, 0.8)).estimate(), 1e-12);
        for (double estimate : new double[] {-5, -0.001, Double.NEGATIVE_INFINITY, Double.NaN}) {
            org.recordingrate.error.ArgumentException e = assertThrows(org.recordingrate.error.ArgumentException.class,
                    () -> UnrecordedCrimes.unitFor(estimate));
            assertEquals("estimate", e.argument());
            assertTrue(e.getMessage().startsWith("estimate ("), e.getMessage());
        }
        assertEquals(1, UnrecordedCrimes.unitFor(0));
        assertEquals(100, UnrecordedCrimes.unitFor(Double.POSITIVE_INFINITY));
    }
}
