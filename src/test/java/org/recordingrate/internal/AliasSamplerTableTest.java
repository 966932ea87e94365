package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The 32-bit alias table of {@link AliasSampler} (Vose 1991) read back draw by draw: in each column
 * the 32-bit inputs give the column's own value below a switch point and its alias from there on, so
 * counting the inputs per value column by column (the switch point found by bisection on
 * {@code sample32} itself, the constancy either side checked at random points) must give
 * {@code masses32}, which must sum to 2^32 and lie within 2^-32 of each exact probability (largest
 * remainders); and the packed table ({@code packed32}, {@code samplePacked32}) must give, for every
 * input, the number of the value {@code sample32} draws.
 */
class AliasSamplerTableTest {

    private static final double[][] WEIGHTS = {
        {1, 2, 3, 0.5, 7},
        {0.25, 0.25, 0.25, 0.25},
        {1e-12, 1, 3},
        {5, 0, 2, 0, 0, 1, 9, 4, 0.125},
        {1},
    };

    @Test
    void inputsCountedPerValueAreTheMasses() {
        SplittableRandom random = new SplittableRandom(3);
        for (double[] weights : WEIGHTS) {
            AliasSampler sampler = AliasSampler.of(10, weights);
            int n = weights.length;
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
            long capacity = 1L << (32 - bits);
            long[] counted = new long[n];
            for (int c = 0; c < 1 << bits; c++) {
                long base = (long) c << (32 - bits);
                long own = sampler.sample32((int) base);
                long last = sampler.sample32((int) (base + capacity - 1));
                // the switch point: the first input of the column that draws the alias
                long lo = 0;
                long hi = capacity;
                while (lo < hi) {
                    long middle = (lo + hi) >>> 1;
                    if (sampler.sample32((int) (base + middle)) == own) {
                        lo = middle + 1;
                    } else {
                        hi = middle;
                    }
                }
                for (int t = 0; t < 200; t++) {
                    long below = random.nextLong(Math.max(lo, 1));
                    if (lo > 0) {
                        assertEquals(own, sampler.sample32((int) (base + below)));
                    }
                    if (lo < capacity) {
                        assertEquals(last, sampler.sample32((int) (base + lo + random.nextLong(capacity - lo))));
                    }
                }
                counted[(int) (own - 10)] += lo;
                if (lo < capacity) {
                    counted[(int) (last - 10)] += capacity - lo;
                }
            }
            long[] masses = sampler.masses32();
            assertEquals(java.util.Arrays.toString(counted), java.util.Arrays.toString(masses));
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += masses[i];
                double exact = weights[i] / total * 0x1.0p32;
                assertTrue(Math.abs(masses[i] - exact) < 1 + 1e-6, i + ": " + masses[i] + " against " + exact);
                assertEquals(masses[i] * 0x1.0p-32, sampler.probability32(10 + i), 0.0);
            }
            assertEquals(1L << 32, sum);
            assertEquals(10, sampler.lowest());
            assertEquals(10 + n - 1, sampler.highest());
        }
    }

    @Test
    void thePackedTableDrawsTheNumberOfTheSameValue() {
        SplittableRandom random = new SplittableRandom(5);
        for (double[] weights : WEIGHTS) {
            AliasSampler sampler = AliasSampler.of(-2, weights);
            int n = weights.length;
            double[] numbers = new double[n];
            for (int i = 0; i < n; i++) {
                numbers[i] = 100 + i * 1.5;
            }
            double[] packed = sampler.packed32(numbers);
            int bits = Integer.numberOfTrailingZeros(packed.length / 3);
            assertEquals(3 << bits, packed.length);
            for (int t = 0; t < 200_000; t++) {
                int r = t < 1 << 16 ? (t << 16) | (t & 0xFFFF) ^ (t >>> 3) : random.nextInt();
                assertEquals(numbers[(int) (sampler.sample32(r) + 2)], AliasSampler.samplePacked32(packed, bits, r), 0.0,
                        "input " + Integer.toHexString(r));
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sampler.packed32(new double[n + 1]));
            assertTrue(e.getMessage().startsWith("numbers (" + (n + 1) + ") must be one per value (" + n + ")"),
                    e.getMessage());
        }
    }
}
