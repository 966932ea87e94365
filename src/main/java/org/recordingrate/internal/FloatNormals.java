package org.recordingrate.internal;

import java.util.random.RandomGenerator;

/**
 * Standard normal variates in single precision, two from each 64-bit draw, by the ziggurat method of
 * Marsaglia and Tsang (2000, "The ziggurat method for generating random variables", Journal of
 * Statistical Software 5(8)) with 128 layers, each variate's layer taken from bits of its own that
 * its value does not use (the correction Doornik (2005, "An improved ziggurat method to generate
 * normal random samples") asks for: Marsaglia and Tsang's layer index is the low bits of the value).
 *
 * <p>Each half of a {@code nextLong()} is one candidate: its low 7 bits choose the layer i, its upper
 * 25 bits a signed whole number h, |h| &lt; 2<sup>24</sup>; the candidate is x = h w<sub>i</sub>, accepted
 * at once when |h| &lt; k<sub>i</sub> (the rectangle's part under the layer above: 98.8% of
 * candidates), rounded once to single precision. Otherwise (the wedge) x is accepted when a uniform height between the layer's
 * densities lies below exp(-x<sup>2</sup>/2), and in the base layer by Marsaglia's (1964) tail
 * method beyond r = 3.4426; a rejected candidate is replaced by the next 32 bits of {@code nextInt()}.
 * Exact in distribution up to the 24-bit resolution of h (a grid as fine as single precision's
 * 24-bit significand, coarser only near 0).
 *
 * <p>The tables and the rare slow path use {@link StrictMath}, whose exponential and logarithm are
 * the same to the last bit on every machine ({@link Math}'s may differ by an ulp between processors),
 * so that a seed gives the same variates everywhere.
 *
 * <p>Against {@link RandomGenerator#nextGaussian()} (double precision, one 64-bit draw per variate):
 * fewer draws (one 64-bit draw per two variates) where single precision is all a computation keeps
 * (measured in benchmarks/README.md, "Many forces: rank intervals"). Not part of the API.
 */
public final class FloatNormals {

    private static final int LAYERS = 128;
    /** Where the base layer's tail starts. */
    private static final double R = 3.442619855899;
    /** The area of every layer (and of the base with its tail). */
    private static final double V = 9.91256303526217e-3;
    /** h's range: |h| &lt; 2^24. */
    private static final double SCALE = 1 << 24;

    /** k_i: |h| below it is inside the rectangle under layer i - 1. */
    private static final int[] K = new int[LAYERS];
    /** w_i = x_i / 2^24: the layer's right edge per unit of h. */
    private static final double[] W = new double[LAYERS];
    /** f_i = exp(-x_i^2 / 2): the density at the layer's right edge. */
    private static final double[] F = new double[LAYERS];

    static {
        // Marsaglia and Tsang's zigset for 128 layers, in double precision
        double dn = R;
        double tn = dn;
        double q = V / StrictMath.exp(-0.5 * dn * dn);
        K[0] = (int) (dn / q * SCALE);
        K[1] = 0;
        W[0] = q / SCALE;
        W[LAYERS - 1] = dn / SCALE;
        F[0] = 1;
        F[LAYERS - 1] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = LAYERS - 2; i >= 1; i--) {
            dn = Math.sqrt(-2 * StrictMath.log(V / dn + StrictMath.exp(-0.5 * dn * dn)));
            K[i + 1] = (int) (dn / tn * SCALE);
            tn = dn;
            F[i] = StrictMath.exp(-0.5 * dn * dn);
            W[i] = dn / SCALE;
        }
    }

    private FloatNormals() {
    }

    /**
     * Fills {@code values[0 .. size)} with standard normal variates, two per {@code nextLong()} of the
     * generator (its low half first), so that the same generator state always gives the same values.
     *
     * @param random the generator
     * @param values where the variates go
     * @param size   how many, from 0 to {@code values.length}
     */
    public static void fill(RandomGenerator random, float[] values, int size) {
        int r = 0;
        for (; r + 1 < size; r += 2) {
            long bits = random.nextLong();
            values[r] = variate((int) bits, random);
            values[r + 1] = variate((int) (bits >>> 32), random);
        }
        if (r < size) {
            values[r] = variate((int) random.nextLong(), random);
        }
    }

    /** The variate of 32 random bits (low 7: the layer; upper 25: h), drawing more only when rejected. */
    private static float variate(int bits, RandomGenerator random) {
        int layer = bits & (LAYERS - 1);
        int h = bits >> 7;
        if (Math.abs(h) < K[layer]) {
            return (float) (h * W[layer]);
        }
        return slow(bits, random);
    }

    /** The wedges and the tail (1.2% of candidates), repeated with fresh bits until one is accepted. */
    private static float slow(int bits, RandomGenerator random) {
        while (true) {
            int layer = bits & (LAYERS - 1);
            int h = bits >> 7;
            if (Math.abs(h) < K[layer]) {
                return (float) (h * W[layer]);
            }
            if (layer == 0) {
                // Marsaglia (1964): x = -ln(U1) / r, y = -ln(U2) until 2y > x^2; then r + x
                double x;
                double y;
                do {
                    x = -StrictMath.log(1 - random.nextDouble()) / R;
                    y = -StrictMath.log(1 - random.nextDouble());
                } while (y + y < x * x);
                return (float) (h > 0 ? R + x : -R - x);
            }
            double x = h * W[layer];
            if (F[layer] + random.nextDouble() * (F[layer - 1] - F[layer]) < StrictMath.exp(-0.5 * x * x)) {
                return (float) x;
            }
            bits = random.nextInt();
        }
    }

    /** The right edge x_i of layer i (x_0 is the base's virtual width v / f(r)), for the tests. */
    static double edge(int layer) {
        return W[layer] * SCALE;
    }

    /** k_i, for the tests. */
    static int inside(int layer) {
        return K[layer];
    }
}
