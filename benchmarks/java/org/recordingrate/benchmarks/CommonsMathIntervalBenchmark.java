package org.recordingrate.benchmarks;

import org.recordingrate.model.Token;

import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.AgrestiCoullInterval;
import org.apache.commons.math3.stat.interval.BinomialConfidenceInterval;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.NormalApproximationInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimator;

/**
 * Ours against Commons Math 3.6.1's own intervals for the four methods it has (Wald = its
 * "normal approximation", Wilson, Agresti-Coull, Clopper-Pearson), and against the naive way
 * (textbook formula, critical value from {@code new NormalDistribution().inverseCumulativeProbability}
 * on every call; Clopper-Pearson through Commons Math's Beta distribution quantiles), in one run.
 * Commons Math's {@code createInterval} validates through {@code IntervalUtils} and builds
 * distributions with a random generator on each call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommonsMathIntervalBenchmark {

    @Param({"wald", "wilson", "agresti_coull", "clopper_pearson"})
    public String method;

    @Param({"ours", "commons_math", "naive"})
    public String implementation;

    @Param({"188/202", "900000/1000000"})
    public String tally;

    private int recorded;
    private int audited;
    private RateEstimator ours;
    private BinomialConfidenceInterval commons;

    @Setup
    public void setUp() {
        String[] parts = tally.split("/");
        recorded = Integer.parseInt(parts[0]);
        audited = Integer.parseInt(parts[1]);
        ours = RateEstimator.withDefaults().with(Token.parse(IntervalMethod.class, "method", method));
        switch (method) {
            case "wald":
                commons = new NormalApproximationInterval();
                break;
            case "wilson":
                commons = new WilsonScoreInterval();
                break;
            case "agresti_coull":
                commons = new AgrestiCoullInterval();
                break;
            default:
                commons = new ClopperPearsonInterval();
                break;
        }
    }

    @Benchmark
    public Object interval() {
        switch (implementation) {
            case "ours":
                return ours.estimate(recorded, audited);
            case "commons_math":
                return commons.createInterval(audited, recorded, 0.95);
            default:
                return naive();
        }
    }

    private double[] naive() {
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);
        double n = audited;
        double p = recorded / n;
        switch (method) {
            case "wald": {
                double half = z * Math.sqrt(p * (1 - p) / n);
                return new double[] {p - half, p + half};
            }
            case "wilson": {
                double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
                double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
                return new double[] {centre - half, centre + half};
            }
            case "agresti_coull": {
                double nt = n + z * z;
                double pt = (recorded + z * z / 2) / nt;
                double half = z * Math.sqrt(pt * (1 - pt) / nt);
                return new double[] {pt - half, pt + half};
            }
            default: {
                double lower = new org.apache.commons.math3.distribution.BetaDistribution(null, recorded,
                        audited - recorded + 1.0).inverseCumulativeProbability(0.025);
                double upper = new org.apache.commons.math3.distribution.BetaDistribution(null, recorded + 1.0,
                        audited - recorded).inverseCumulativeProbability(0.975);
                return new double[] {lower, upper};
            }
        }
    }
}
