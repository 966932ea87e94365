package org.recordingrate.cli;


import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.report.Report;

import picocli.CommandLine.Mixin;
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
    AllCrimeMethod method;

    @Option(names = "--change-method", defaultValue = "wald", paramLabel = "METHOD",
            description = "Interval of the changes: wald, agresti_caffo, newcombe, newcombe_cc, miettinen_nurminen "
                    + "(default: ${DEFAULT-VALUE}).")
    DifferenceMethod changeMethod;

    @Option(names = "--test", defaultValue = "z_unpooled", paramLabel = "TEST",
            description = "Test of the categories' changes (default: ${DEFAULT-VALUE}, the two-sample z-test); "
                    + "all crime always by the z-test on the volume-weighted rates.")
    ChangeTest test;

    @Mixin
    AlternativeOption alternative;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    SignificanceOption significance;

    @Mixin
    VarianceOption variance;


    @Option(names = "--adjust", defaultValue = "none", paramLabel = "none|holm|bonferroni|benjamini_hochberg",
            description = "Adjustment of the categories' p-values (default: ${DEFAULT-VALUE}: each paragraph stands alone).")
    PValueAdjustment adjust;

    @Mixin
    PrecisionOption precision;

    private long unit;
    private double level;
    private double alpha;

    /**
     * Reads the choices before any file is read: an unknown token is a usage error (exit 2), a
     * level out of range bad data (exit 1), as in the other commands.
     */
    void parse() {
        unit = precision.unit();
        level = confidence.twoSided();
        alpha = significance.value();
    }

    /** The report with these choices ({@link #parse()} first). */
    Report apply(Report report) {
        Report configured = report.with(method).with(changeMethod).with(test).with(alternative.value)
                .with(variance.value).with(adjust).withUnit(unit).withConfidence(level).withSignificance(alpha);
        return previousLabel == null ? configured : configured.since(previousLabel);
    }
}
