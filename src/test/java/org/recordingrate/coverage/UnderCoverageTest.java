package org.recordingrate.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Tally;

/** The "known to under-cover" rule: its definition recomputed here, and its verdicts at audit sizes. */
class UnderCoverageTest {

    /** The definition of UnderCoverage's class comment, recomputed with RateCoverage.at point by point. */
    private static double localCoverage(IntervalMethod method, long x, long n) {
        double center = (x + 0.5) / (n + 1.0);
        double s = Math.sqrt(center * (1 - center) / n);
        double low = Math.max(0, center - s);
        double high = Math.min(1, center + s);
        double sum = 0;
        for (int i = 0; i <= 100; i++) {
            sum += RateCoverage.withDefaults().with(method).at(n, low + (high - low) * i / 100).coverage();
        }
        return sum / 101;
    }

    @Test
    void localCoverageIsTheMeanOverTheWindow() {
        for (IntervalMethod method : IntervalMethod.values()) {
            for (long[] t : new long[][] {{188, 202}, {202, 202}, {0, 150}, {640, 700}}) {
                double[] local = UnderCoverage.localCoverage(method, 0.95, Tally.of(t[0], t[1]));
                assertEquals(localCoverage(method, t[0], t[1]), local[2], 1e-12, method + " " + t[0] + "/" + t[1]);
            }
        }
    }

    @Test
    void waldIsFlaggedNearAllRecordedAndTheExactMethodsAreNot() {
        Optional<String> note = UnderCoverage.note(IntervalMethod.WALD, 0.95, Tally.of(202, 202));
        assertTrue(note.isPresent());
        assertTrue(note.get().startsWith("Wald is known to under-cover at 202 audited near 100.0%: its exact "
                + "coverage averages "), note.get());
        assertTrue(note.get().endsWith("(nominal 95%); see docs/coverage.md"), note.get());
        for (long n : new long[] {100, 202, 400, 700}) {
            for (long x = (long) (0.8 * n); x <= n; x += Math.max(1, n / 50)) {
                assertEquals(Optional.empty(), UnderCoverage.note(IntervalMethod.CLOPPER_PEARSON, 0.95, Tally.of(x, n)));
                assertEquals(Optional.empty(), UnderCoverage.note(IntervalMethod.WILSON_CC, 0.95, Tally.of(x, n)));
            }
        }
        assertEquals(Optional.empty(), UnderCoverage.note(IntervalMethod.WILSON, 0.95, Tally.of(188, 202)));
        // beyond the checked sizes no claim is made
        assertEquals(Optional.empty(), UnderCoverage.note(IntervalMethod.WALD, 0.95,
                Tally.of(UnderCoverage.MAX_AUDITED + 1, UnderCoverage.MAX_AUDITED + 1)));
    }
}
