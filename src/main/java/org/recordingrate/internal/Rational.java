package org.recordingrate.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact non-negative fraction {@code numerator / denominator} of big integers, for the few
 * results that must not depend on rounding: whether an unrecorded-crimes estimate is an exact
 * multiple of the unit it is rounded down to ("didn't record more than 4,800" when the estimate
 * is exactly 4,800). Immutable.
 *
 * <p>Not part of the API.
 *
 * @param numerator   0 or more
 * @param denominator at least 1
 */
public record Rational(BigInteger numerator, BigInteger denominator) {

    /** Checks the signs. */
    public Rational {
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("rational (" + numerator + "/" + denominator + ") must be non-negative"
                    + " with a positive denominator");
        }
    }

    /** {@code numerator / denominator} for longs. */
    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The decimal exactly: {@code 0.904} is 904/1000.
     *
     * @param decimal a decimal at or above 0
     */
    public static Rational of(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new Rational(stripped.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Rational(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    /**
     * A double taken as the shortest decimal that reads back as it ({@link Double#toString}):
     * 0.904 is 904/1000, not the binary fraction nearest to it. The right reading for figures
     * that were typed or published as decimals.
     *
     * @param value finite, at or above 0
     */
    public static Rational ofDecimal(double value) {
        return of(BigDecimal.valueOf(value));
    }

    /** {@code this + other}. */
    public Rational plus(Rational other) {
        return new Rational(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code this x factor}. */
    public Rational times(long factor) {
        return new Rational(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** {@code this / divisor}, divisor at least 1. */
    public Rational dividedBy(long divisor) {
        return new Rational(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    /** Whether the value is 0. */
    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** The largest integer at or below the value. */
    public BigInteger floor() {
        return numerator.divide(denominator);
    }

    /** The nearest double (one rounding). */
    public double doubleValue() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }
}
