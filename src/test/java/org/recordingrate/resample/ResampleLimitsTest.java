package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * The resampling's limits, as issue 16's probe found them: one limit for counts everywhere
 * ({@link Args#MAX_AUDITED}, 2<sup>53</sup>, as {@code estimate}), and the exact bootstrap in
 * bounded memory for one tally at any size (2<sup>52</sup> of 2<sup>53</sup> ran out of memory at
 * 4.5 GB), refused with its limit for several categories too large to hold.
 */
class ResampleLimitsTest {

    private static final long TOP = Args.MAX_AUDITED;

    @Test
    void countsPastTwoToTheFiftyThirdAreRefusedAsEstimateRefusesThem() {
        Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(100);
        ArgumentException one = assertThrows(ArgumentException.class, () -> bootstrap.estimate(Tally.of(5, TOP + 1)));
        assertEquals("audited", one.argument());
        assertTrue(one.getMessage().contains("audited (9007199254740993) exceeds the supported limit 2^53"),
                one.getMessage());
        assertThrows(ArgumentException.class, () -> bootstrap.compare(Tally.of(1, 2), Tally.of(5, TOP + 1)));
        Inspection huge = Inspection.builder("huge").category("violence", 5, TOP + 1, 1000).build();
        Inspection small = Inspection.builder("small").category("violence", 5, 10, 1000).build();
        assertThrows(ArgumentException.class, () -> bootstrap.estimate(huge));
        assertThrows(ArgumentException.class, () -> bootstrap.compare(small, huge));
        PermutationTest permutation = PermutationTest.withDefaults().withReplicates(100);
        assertThrows(ArgumentException.class, () -> permutation.permute(Tally.of(1, 2), Tally.of(5, TOP + 1),
                Alternative.TWO_SIDED));
        assertThrows(ArgumentException.class, () -> permutation.permuteAll(small, huge, Alternative.TWO_SIDED));
        // at the limit itself: accepted (by the exact interval, below; Monte Carlo tables stop earlier)
    }

    /**
     * 2<sup>52</sup> of 2<sup>53</sup>: the exact percentile interval by searching the binomial
     * distribution function, nothing held. Binomial(n, 1/2) is symmetric, and its quantiles are the
     * normal ones to within a count (n = 2^53: the correction is of order 1/sd = 2e-8 counts), so
     * the bounds are 1/2 -+ 1.959964 x (1/2)/sqrt(n), to a few counts (each 1.1e-16).
     */
    @Test
    void exactBootstrapOfAHugeTallyHoldsNothing() {
        BootstrapEstimate e = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).estimate(Tally.of(TOP / 2, TOP));
        double half = 1.959963984540054 * 0.5 / Math.sqrt((double) TOP);
        assertEquals(0.5 - half, e.lower(), 4.0 / TOP);
        assertEquals(0.5 + half, e.upper(), 4.0 / TOP);
        assertEquals(0.5 / Math.sqrt((double) TOP), e.standardError(), 1e-22);
        assertEquals(0.0, e.latticeError().orElseThrow());
        // several categories that large cannot be convolved: refused, naming the option and the limit
        ArgumentException refused = assertThrows(ArgumentException.class, () -> Bootstrap.withDefaults()
                .with(BootstrapInterval.EXACT).compare(Tally.of(TOP / 2, TOP), Tally.of(1, 2)));
        assertEquals("interval", refused.argument());
        assertTrue(refused.getMessage().contains("interval (exact)") && refused.getMessage().contains("4,194,304"),
                refused.getMessage());
        // and a moderate tally the same way as before: every atom held
        BootstrapEstimate small = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).estimate(Tally.of(180, 202));
        assertTrue(small.lower() < 0.8911 && small.upper() > 0.8911);
        assertEquals(List.of(), small.notes());
    }
}
