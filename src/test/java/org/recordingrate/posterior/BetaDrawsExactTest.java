package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

/**
 * The seeded draws behind the all-crime posterior, checked exactly rather than within their Monte
 * Carlo error (issue 20, item 2: a mutated draw that keeps the moments must not pass).
 *
 * <ul>
 *   <li>draw for draw against a plain reimplementation, written from the paper, of Marsaglia and Tsang's
 *       method (2000, "A simple method for generating gamma variables", ACM TOMS 26, 363-372: the C code
 *       of their section 6, {@code d = a - 1/3, c = 1/sqrt(9d)}, the squeeze {@code u < 1 - 0.0331 x^4}
 *       and the log test; for a &lt; 1 their note 4: Gamma(a + 1) U<sup>1/a</sup>) with the same JDK
 *       generator, L64X128MixRandom, split once per block of 8,192 replicates in block order;</li>
 *   <li>the sample moments of the draws against the exact Gamma and Beta moments, at a tolerance of 5
 *       standard errors derived from the number of draws (the chance that a correct sampler fails one
 *       such check is 6e-7; the draws are seeded, so the outcome is in fact fixed).</li>
 * </ul>
 */
class BetaDrawsExactTest {

    private static final int BLOCK = 8_192;

    /** Marsaglia and Tsang (2000), section 6, as printed, with the uniform and normal of {@code random}. */
    private static double paperGamma(double a, RandomGenerator random) {
        if (a < 1) {
            // their note 4: if a < 1, take Gamma(a + 1) U^(1/a), the uniform drawn first
            double u = random.nextDouble();
            return paperGamma(1 + a, random) * Math.pow(u, 1 / a);
        }
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        for (;;) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    @Test
    void gamma_isMarsagliaAndTsangsMethod_drawForDraw() {
        for (double shape : new double[] {0.05, 0.3, 0.5, 0.999, 1, 1.5, 2.5, 9.5, 22.5, 180.5, 1e6}) {
            RandomGenerator mine = generator(20240917);
            RandomGenerator theirs = generator(20240917);
            for (int i = 0; i < 2_000; i++) {
                assertEquals(paperGamma(shape, theirs), BetaDraws.gamma(shape, mine), 0.0, "shape " + shape + " draw " + i);
            }
            // the same number of variates consumed: the generators are in step afterwards
            assertEquals(theirs.nextLong(), mine.nextLong(), "shape " + shape);
        }
    }

    /** Sample mean and variance of Gamma(a, 1) draws: a and a (5 standard errors; var of s^2 is (2a^2 + 6a)/n + ...). */
    @Test
    void gamma_hasTheExactMoments() {
        for (double shape : new double[] {0.3, 1, 2.5, 180.5}) {
            RandomGenerator random = generator(7);
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double g = BetaDraws.gamma(shape, random);
                assertTrue(g > 0 && Double.isFinite(g));
                sum += g;
                squares += g * g;
            }
            double mean = sum / n;
            double variance = (squares - n * mean * mean) / (n - 1);
            // mean: sd sqrt(a / n); variance: fourth central moment of Gamma(a) is 3a^2 + 6a, so sd(s^2) ~ sqrt((3a^2 + 6a - a^2) / n)
            assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean, shape " + shape);
            assertEquals(shape, variance, 5 * Math.sqrt((2 * shape * shape + 6 * shape) / n), "variance, shape " + shape);
        }
    }

    /** The replicates block by block, each block's generator split from the seed's in block order. */
    private static double[] paperSums(double[] w, double[] a, double[] b, int replicates, long seed) {
        SplittableGenerator source = (SplittableGenerator) generator(seed);
        int blocks = (replicates + BLOCK - 1) / BLOCK;
        SplittableGenerator[] split = new SplittableGenerator[blocks];
        for (int k = 0; k < blocks; k++) {
            split[k] = source.split();
        }
        double[] out = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RandomGenerator random = split[r / BLOCK];
            double sum = 0;
            for (int h = 0; h < w.length; h++) {
                double x = paperGamma(a[h], random);
                double y = paperGamma(b[h], random);
                sum += w[h] * (x / (x + y));
            }
            out[r] = sum;
        }
        return out;
    }

    @Test
    void weightedSums_areTheBlockwiseDraws_forAnyNumberOfThreads() {
        assertEquals(BLOCK, BetaDraws.BLOCK);
        double[] w = {0.4, 0.04, 0.56};
        double[] a = {180.5, 131.5, 211.5};
        double[] b = {22.5, 1.5, 9.5};
        int replicates = 2 * BLOCK + 37;
        double[] expected = paperSums(w, a, b, replicates, 11);
        for (int threads : new int[] {1, 2, 3, 8}) {
            assertArrayEquals(expected, BetaDraws.weightedSums(w, a, b, replicates, 11, threads), 0.0, "threads " + threads);
        }
        // exactly one block, and less than one
        assertArrayEquals(paperSums(w, a, b, BLOCK, 3), BetaDraws.weightedSums(w, a, b, BLOCK, 3, 2), 0.0);
        assertArrayEquals(paperSums(w, a, b, 100, 3), BetaDraws.weightedSums(w, a, b, 100, 3, 4), 0.0);
    }

    /**
     * Mean and variance of sum W_h Beta(a_h, b_h) over 100,000 replicates against the exact sum W_h a_h/(a_h + b_h)
     * and sum W_h^2 a_h b_h / ((a_h + b_h)^2 (a_h + b_h + 1)); the variance's standard error from the sample's own
     * fourth central moment, sqrt((m4 - s^4) / R).
     */
    @Test
    void weightedSums_haveTheExactMoments() {
        double[] w = {0.4, 0.04, 0.56};
        double[] a = {0.5, 131.5, 2.5};
        double[] b = {3.5, 1.5, 0.7};
        int replicates = 100_000;
        double[] draws = BetaDraws.weightedSums(w, a, b, replicates, 5, 2);
        double mean = 0;
        double variance = 0;
        for (int h = 0; h < w.length; h++) {
            double s = a[h] + b[h];
            mean += w[h] * a[h] / s;
            variance += w[h] * w[h] * a[h] * b[h] / (s * s * (s + 1));
        }
        double m = Arrays.stream(draws).average().orElseThrow();
        double m2 = Arrays.stream(draws).map(x -> (x - m) * (x - m)).sum() / (replicates - 1);
        double m4 = Arrays.stream(draws).map(x -> Math.pow(x - m, 4)).sum() / replicates;
        assertEquals(mean, m, 5 * Math.sqrt(variance / replicates));
        assertEquals(variance, m2, 5 * Math.sqrt((m4 - m2 * m2) / replicates));
        for (double x : draws) {
            assertTrue(x >= 0 && x <= 1, "a weighted sum of rates, weights summing to 1");
        }
    }
}
