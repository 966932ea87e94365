package org.recordingrate.benchmarks;

import org.recordingrate.model.Token;

import java.util.concurrent.TimeUnit;

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
import org.recordingrate.model.Tally;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;

/**
 * How long does one interval take, for each method, at audit-sized and at very large tallies?
 * Through a configured {@link RateEstimator} (critical value computed once), and through the
 * validating one-shot {@link IntervalMethod#interval(long, long, double)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IntervalMethodBenchmark {

    @Param({"wald", "wilson", "wilson_cc", "agresti_coull", "clopper_pearson", "jeffreys", "mid_p", "logit"})
    public String method;

    /** recorded/audited: an audit-sized tally, a rare event in a million, a common one in a million. */
    @Param({"188/202", "5/1000000", "900000/1000000"})
    public String tally;

    private RateEstimator estimator;
    private IntervalMethod intervalMethod;
    private Tally parsed;

    @Setup
    public void setUp() {
        intervalMethod = Token.parse(IntervalMethod.class, "method", method);
        estimator = RateEstimator.withDefaults().with(intervalMethod);
        parsed = Tally.parse(tally);
    }

    /** A configured estimator: rate, interval, standard error and margin. */
    @Benchmark
    public RateEstimate estimator() {
        return estimator.estimate(parsed);
    }

    /** The one-shot validating call, computing the critical value each time. */
    @Benchmark
    public Object oneShot() {
        return intervalMethod.interval(parsed.recorded(), parsed.audited(), 0.95);
    }
}
