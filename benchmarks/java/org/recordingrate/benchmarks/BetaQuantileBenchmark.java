package org.recordingrate.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Gamma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.recordingrate.internal.Beta;

/**
 * The cost of one beta quantile, {@link Beta#quantile}, against two baselines in the same run:
 * Commons Math 3.6.1's {@code BetaDistribution.inverseCumulativeProbability} (a bracketing solver
 * on a continued fraction, accurate to about 1e-9) and the bisection on a continued fraction that
 * the project used as a placeholder (copied below as {@link #naiveQuantile}).
 *
 * <p>Shapes: a = x, b = n - x + 1 of Clopper-Pearson bounds for 5 of 10^6, 900000 of 10^6 and
 * 180 of 202, and the Jeffreys shape x + 1/2, n - x + 1/2 for 5 of 10^6. Each call takes the next
 * of the levels interval code asks for (0.005, 0.025, 0.05 and their complements), so the figure
 * is their average. {@link #clopperPearson} is the pair of quantiles of a 95% interval for the
 * tally x = a, n = a + b - 1.
 *
 * <p>Run:
 * {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="BetaQuantileBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1"};
 * results in {@code benchmarks/beta.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BetaQuantileBenchmark {

    private static final double[] LEVELS = {0.005, 0.025, 0.05, 0.95, 0.975, 0.995};

    @Param({"5,999996", "900000,100001", "180,23", "5.5,999995.5"})
    public String shape;

    private double a;
    private double b;
    private int next;

    @Setup
    public void setUp() {
        String[] parts = shape.split(",");
        a = Double.parseDouble(parts[0]);
        b = Double.parseDouble(parts[1]);
    }

    private double level() {
        next = next == LEVELS.length - 1 ? 0 : next + 1;
        return LEVELS[next];
    }

    @Benchmark
    public double quantile() {
        return Beta.quantile(level(), a, b);
    }

    @Benchmark
    public double clopperPearson() {
        // lower bound Beta(0.025; x, n-x+1), upper bound Beta(0.975; x+1, n-x) with x = a, n = a + b - 1
        return Beta.quantile(0.025, a, b) + Beta.complementQuantile(0.025, a + 1, b - 1);
    }

    /** Construction included, as interval code would use it (it only computes ln B(a, b)). */
    @Benchmark
    public double commonsMath() {
        return new BetaDistribution(null, a, b).inverseCumulativeProbability(level());
    }

    @Benchmark
    public double naive() {
        return naiveQuantile(level(), a, b);
    }

    // ------------------------------------------------------------------------------------------
    // The former placeholder of org.recordingrate.internal.Beta, kept here as the baseline:
    // bisection on I_x(a, b) from the continued fraction of Numerical Recipes 6.4 (modified Lentz),
    // which needs O(sqrt(min(a, b))) terms near the mean.

    private static double naiveQuantile(double p, double a, double b) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 2000 && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (naiveRegularized(mid, a, b) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double naiveRegularized(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - continuedFraction(1 - x, b, a);
        }
        return continuedFraction(x, a, b);
    }

    private static double continuedFraction(double x, double a, double b) {
        double logBeta = Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta - Math.log(a);
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double f = d;
        for (int m = 1; m < 100000; m++) {
            double m2 = 2.0 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            f *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logFront) * f;
    }
}
