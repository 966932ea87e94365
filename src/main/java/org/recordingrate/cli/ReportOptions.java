package org.recordingrate.cli;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Args;
import org.recordingrate.report.Report;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The choices of {@code report} and {@code plot forest}: the published convention by default (Wald
 * margins, two-sample z-test at 5%, no adjustment), every one of them an option. The sentences name
 * whatever departs from the convention.
 */
final class ReportOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--previous-label", paramLabel = "LABEL",
            description = "The previous inspection in the sentences: \"our previous LABEL inspection\" "
                    + "(default: the earlier inspection's name).")
    String previousLabel;

    @Option(names = "--method", defaultValue = "wald", paramLabel = "wald|logit|korn_graubard|wilson",
            description = "Interval of the rates (default: ${DEFAULT-VALUE}, whose margin is the published \"+/-\").")
    String method;

    @Option(names = "--change-method", defaultValue = "wald", paramLabel = "METHOD",
            description = "Interval of the changes: wald, agresti_caffo, newcombe, newcombe_cc, miettinen_nurminen "
                    + "(default: ${DEFAULT-VALUE}).")
    String changeMethod;

    @Option(names = "--test", defaultValue = "z_unpooled", paramLabel = "TEST",
            description = "Test of the categories' changes (default: ${DEFAULT-VALUE}, the two-sample z-test); "
                    + "all crime always by the z-test on the volume-weighted rates.")
    String test;

    @Option(names = "--alternative", defaultValue = "two_sided", paramLabel = "two_sided|improved|deteriorated",
            description = "Alternative hypothesis (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "LEVEL",
            description = "Level of \"statistically significant\" (default: ${DEFAULT-VALUE}).")
    double significance;

    @Option(names = "--variance", defaultValue = "binomial", paramLabel = "binomial|survey",
            description = "Variance convention (default: ${DEFAULT-VALUE}).")
    String variance;

    @Option(names = "--adjust", defaultValue = "none", paramLabel = "none|holm|bonferroni|benjamini_hochberg",
            description = "Adjustment of the categories' p-values (default: ${DEFAULT-VALUE}: each paragraph stands alone).")
    String adjust;

    @Option(names = "--precision", defaultValue = "auto", paramLabel = "N|auto",
            description = "Round \"more than N unrecorded crimes\" down to a multiple of N; auto: 100 from 1,000, "
                    + "10 from 100, else 1 (default: ${DEFAULT-VALUE}).")
    String precision;

    private AllCrimeMethod rateMethod;
    private DifferenceMethod changeInterval;
    private ChangeTest changeTest;
    private Alternative chosenAlternative;
    private VarianceConvention chosenVariance;
    private PValueAdjustment adjustment;
    private long unit;

    /**
     * Reads the choices before any file is read: an unknown token is a usage error (exit 2), a
     * level out of range bad data (exit 1), as in the other commands.
     */
    void parse() {
        rateMethod = Cli.token(spec, "--method", method, AllCrimeMethod::fromToken);
        changeInterval = Cli.token(spec, "--change-method", changeMethod, DifferenceMethod::fromToken);
        changeTest = Cli.token(spec, "--test", test, ChangeTest::fromToken);
        chosenAlternative = Cli.token(spec, "--alternative", alternative, Alternative::fromToken);
        chosenVariance = Cli.token(spec, "--variance", variance, VarianceConvention::fromToken);
        adjustment = Cli.token(spec, "--adjust", adjust, PValueAdjustment::fromToken);
        unit = Precision.parse(spec, precision);
        Args.confidence(confidence);
        Args.significance(significance);
    }

    /** The report with these choices ({@link #parse()} first). */
    Report apply(Report report) {
        Report configured = report.with(rateMethod).with(changeInterval).with(changeTest).with(chosenAlternative)
                .with(chosenVariance).with(adjustment).withUnit(unit).withConfidence(confidence)
                .withSignificance(significance);
        return previousLabel == null ? configured : configured.since(previousLabel);
    }
}
