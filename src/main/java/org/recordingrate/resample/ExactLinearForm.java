package org.recordingrate.resample;

import java.math.BigInteger;

/**
 * A linear form L(X) = sum c<sub>k</sub> X<sub>k</sub> in whole counts X with rational coefficients
 * c<sub>k</sub> = num<sub>k</sub>/den<sub>k</sub>, evaluated fast in doubles and compared exactly with
 * its value at the observed counts: the sign of L(X) - L(x) is decided on the integers
 * m<sub>k</sub> = c<sub>k</sub> D (D the least common multiple of the denominators), in long arithmetic
 * when that cannot overflow and with BigInteger otherwise. Sampling loops compare in doubles
 * and call {@link #sign} only for values within {@link #band()} of L(x), where rounding could
 * decide wrongly. Immutable.
 */
final class ExactLinearForm {

    private final long[] observed;
    private final double[] coefficients;
    private final BigInteger[] multipliers;
    private final long[] longMultipliers;
    private final double observedValue;
    private final double band;

    /**
     * @param numerators   num<sub>k</sub>
     * @param denominators den<sub>k</sub>, positive
     * @param observed     the observed counts x<sub>k</sub>
     * @param bounds       an upper bound on each |X<sub>k</sub> - x<sub>k</sub>|
     */
    ExactLinearForm(BigInteger[] numerators, BigInteger[] denominators, long[] observed, long[] bounds) {
        int k = observed.length;
        this.observed = observed.clone();
        coefficients = new double[k];
        BigInteger d = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            coefficients[i] = new java.math.BigDecimal(numerators[i]).divide(new java.math.BigDecimal(denominators[i]),
                    new java.math.MathContext(25)).doubleValue();
            d = d.divide(d.gcd(denominators[i])).multiply(denominators[i]);
        }
        multipliers = new BigInteger[k];
        BigInteger bound = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            multipliers[i] = numerators[i].multiply(d.divide(denominators[i]));
            bound = bound.add(multipliers[i].abs().multiply(BigInteger.valueOf(bounds[i])));
        }
        if (bound.bitLength() < 62) {
            longMultipliers = new long[k];
            for (int i = 0; i < k; i++) {
                longMultipliers[i] = multipliers[i].longValueExact();
            }
        } else {
            longMultipliers = null;
        }
        observedValue = value(observed);
        // rounding of a k-term sum of products, each coefficient itself rounded: a few ulps of
        // the largest possible partial sum; 64 (k + 1) of them is generous
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale += Math.abs(coefficients[i]) * (Math.abs((double) observed[i]) + bounds[i]);
        }
        band = 64.0 * (k + 1) * Math.ulp(scale);
    }

    int size() {
        return observed.length;
    }

    /** c<sub>k</sub> as a double. */
    double coefficient(int k) {
        return coefficients[k];
    }

    /** sum c<sub>k</sub> X<sub>k</sub> in doubles, in index order (as sampling loops add it up). */
    double value(long[] counts) {
        double t = 0;
        for (int i = 0; i < counts.length; i++) {
            t += coefficients[i] * counts[i];
        }
        return t;
    }

    /** L(x) as {@link #value} computes it. */
    double observedValue() {
        return observedValue;
    }

    /** Values within this distance of {@link #observedValue()} must be compared with {@link #sign}. */
    double band() {
        return band;
    }

    /** Whether the exact comparison runs in long arithmetic (else BigInteger). */
    boolean fitsInLong() {
        return longMultipliers != null;
    }

    /** The integer multiplier m<sub>k</sub> when {@link #fitsInLong()}. */
    long longMultiplier(int k) {
        return longMultipliers[k];
    }

    /** The sign of L(X) - L(x), exactly. */
    int sign(long[] counts) {
        if (longMultipliers != null) {
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                sum += longMultipliers[i] * (counts[i] - observed[i]);
            }
            return Long.signum(sum);
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < counts.length; i++) {
            sum = sum.add(multipliers[i].multiply(BigInteger.valueOf(counts[i] - observed[i])));
        }
        return sum.signum();
    }

    /**
     * The sign of L(X) - L(x) for a value {@code t = value(counts)}: from the double when it is
     * outside the band, exactly otherwise.
     */
    int sign(double t, long[] counts) {
        double d = t - observedValue;
        if (Math.abs(d) > band) {
            return d < 0 ? -1 : 1;
        }
        return sign(counts);
    }
}
