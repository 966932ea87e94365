package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

/**
 * The ziggurat's tables against their definition, and its variates against the normal distribution
 * (Normal.cdf, itself checked against R's pnorm in NormalTest).
 */
class FloatNormalsTest {

    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;

    private static double density(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /**
     * Marsaglia and Tsang (2000), section 2: every layer has area v, x_{i} (f(x_{i-1}) - f(x_i)) = v for the
     * rectangles; the base is r f(r) plus the tail, integral from r of exp(-x^2/2) = sqrt(2 pi) (1 - Phi(r)),
     * also v; the top layer closes at f = 1 (the choice of r makes the recursion end there).
     */
    @Test
    void layersHaveEqualAreas() {
        for (int i = 2; i < 128; i++) {
            double area = FloatNormals.edge(i) * (density(FloatNormals.edge(i - 1)) - density(FloatNormals.edge(i)));
            assertEquals(V, area, 1e-13, "layer " + i);
            // the inner rectangle: |h| below k_i lies under layer i - 1's edge
            assertEquals(FloatNormals.edge(i - 1) / FloatNormals.edge(i), FloatNormals.inside(i) / (double) (1 << 24), 1e-7);
        }
        double top = FloatNormals.edge(1) * (1 - density(FloatNormals.edge(1)));
        assertEquals(V, top, 1e-9, "the top layer");
        double base = R * density(R) + Math.sqrt(2 * Math.PI) * Normal.upperTail(R);
        assertEquals(V, base, 1e-13, "the base with its tail");
        assertEquals(R, FloatNormals.edge(127), 1e-15);
        assertEquals(0, FloatNormals.inside(1), "the top layer is all wedge");
    }

    /**
     * Four million variates: the Kolmogorov-Smirnov distance below its 1% critical value 1.628 / sqrt(n);
     * 200 equally likely bins (Normal.quantile) with a chi-square below 280 (the 99.9% quantile of 199 degrees
     * of freedom is 268.5 by R's qchisq(0.999, 199); a 0.5% error in the wedges' share pushes it far past);
     * the tail beyond r = 3.4426 (drawn by Marsaglia's tail method, 2 (1 - Phi(r)) = 5.76e-4 of variates) and
     * beyond 4.5 within five binomial standard deviations of their expected counts; mean, variance and
     * fourth moment within five standard errors of 0, 1 and 3.
     */
    @Test
    void variatesAreStandardNormal() {
        int n = 4_000_000;
        float[] z = new float[n];
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261207);
        FloatNormals.fill(random, z, n);
        double[] sorted = new double[n];
        double sum = 0;
        double squares = 0;
        double fourth = 0;
        int tail = 0;
        int far = 0;
        for (int i = 0; i < n; i++) {
            double x = z[i];
            sorted[i] = x;
            sum += x;
            squares += x * x;
            fourth += x * x * x * x;
            tail += Math.abs(x) > R ? 1 : 0;
            far += Math.abs(x) > 4.5 ? 1 : 0;
        }
        Arrays.sort(sorted);
        double distance = 0;
        for (int i = 0; i < n; i++) {
            double p = Normal.cdf(sorted[i]);
            distance = Math.max(distance, Math.max((i + 1.0) / n - p, p - (double) i / n));
        }
        assertTrue(distance < 1.628 / Math.sqrt(n), "KS distance " + distance);
        int bins = 200;
        double chiSquare = 0;
        int at = 0;
        for (int b = 1; b <= bins; b++) {
            double upper = b == bins ? Double.POSITIVE_INFINITY : Normal.quantile((double) b / bins);
            int count = 0;
            while (at < n && sorted[at] < upper) {
                at++;
                count++;
            }
            double expected = (double) n / bins;
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquare < 280, "chi-square " + chiSquare);
        double pTail = 2 * Normal.upperTail(R);
        assertEquals(n * pTail, tail, 5 * Math.sqrt(n * pTail), "beyond r");
        double pFar = 2 * Normal.upperTail(4.5);
        assertEquals(n * pFar, far, 5 * Math.sqrt(n * pFar) + 1, "beyond 4.5");
        assertEquals(0, sum / n, 5 / Math.sqrt(n), "mean");
        assertEquals(1, squares / n, 5 * Math.sqrt(2.0 / n), "variance");
        assertEquals(3, fourth / n, 5 * Math.sqrt(96.0 / n), "fourth moment");
    }

    /** Two variates per nextLong, the low half first: the same generator state gives the same values. */
    @Test
    void seededAndTwoPerDraw() {
        float[] a = new float[1001];
        float[] b = new float[1001];
        FloatNormals.fill(RandomGeneratorFactory.of("L64X128MixRandom").create(5), a, 1001);
        FloatNormals.fill(RandomGeneratorFactory.of("L64X128MixRandom").create(5), b, 1001);
        assertArrayEquals(a, b);
        // the first long's halves, when both are accepted at once (|h| < k_i): h w_i
        long bits = RandomGeneratorFactory.of("L64X128MixRandom").create(5).nextLong();
        for (int half = 0; half < 2; half++) {
            int word = (int) (bits >>> (32 * half));
            int layer = word & 127;
            int h = word >> 7;
            if (Math.abs(h) < FloatNormals.inside(layer)) {
                assertEquals((float) (h * (FloatNormals.edge(layer) / (1 << 24))), a[half]);
            }
        }
        float[] shorter = new float[3];
        FloatNormals.fill(RandomGeneratorFactory.of("L64X128MixRandom").create(5), shorter, 3);
        assertEquals(a[0], shorter[0]);
        assertEquals(a[1], shorter[1]);
    }
}
