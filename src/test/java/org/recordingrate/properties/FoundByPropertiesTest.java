package org.recordingrate.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The inputs on which the property tests found failures, kept as regression tests: each threw an
 * exception for valid input before its fix.
 */
class FoundByPropertiesTest {

    /** Mid-p at n - 1 of 2^53: "interval bounds (0.9999999999999997, 0.9999999999999996) must be ordered". */
    @Test
    void midPNearOneIsOrdered() {
        Tally tally = Tally.of(9007199254740991L, 9007199254740992L);
        Interval interval = IntervalMethod.MID_P.interval(tally, 0.8348705206920461);
        assertTrue(interval.lower() <= tally.rate() && tally.rate() <= interval.upper(), interval.toString());
        Interval mirror = IntervalMethod.MID_P.interval(Tally.of(1, 9007199254740992L), 0.8348705206920461);
        assertEquals(interval.lower(), 1 - mirror.upper(), 0);
        assertEquals(interval.upper(), 1 - mirror.lower(), 0);
    }

    /** Wilson with continuity correction at n - 1 of 6.4e15: "interval bounds (1.0, 0.9999999999999999)". */
    @Test
    void wilsonCorrectedNearOneIsOrdered() {
        Tally tally = Tally.of(6378107311586902L, 6378107311586903L);
        Interval interval = IntervalMethod.WILSON_CC.interval(tally, 0.07664786774835268);
        assertTrue(interval.lower() <= interval.upper() && interval.upper() <= 1, interval.toString());
        assertTrue(interval.lower() < 1, interval.toString());
    }

    /**
     * Miettinen-Nurminen when the change rounds to -1 without every record going one way (all of
     * 429,855,408 before, 1 of 9.0e15 after): "no sign change between 0.0 and 0.0". The lower bound is the
     * change itself, -1 to double precision.
     */
    @Test
    void miettinenNurminenAtAChangeThatRoundsToMinusOne() {
        Interval interval = DifferenceMethod.MIETTINEN_NURMINEN.interval(Tally.of(429855408, 429855408),
                Tally.of(1, 9007199254740990L), 0.9999986063378846);
        assertEquals(-1, interval.lower(), 0);
        assertTrue(interval.upper() > -1 && interval.upper() < -0.99, interval.toString());
    }
}
