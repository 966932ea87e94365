package org.recordingrate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.Shrinkage;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command about many forces ({@code forces}, {@code plot funnel}, {@code plot
 * ranks}), declared once: how the forces file is read ({@link ForcesFile.Options}) and how they are
 * analysed ({@link Forces}); the shared ones ({@code --confidence}, and {@code --replicates},
 * {@code --seed}, {@code --threads}, {@code --volumes} of {@link Resampling}) from their mixins.
 */
final class ForcesOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--category", paramLabel = "NAME",
            description = "One category's rates (default: all crime for inspection and audit files; every row of a "
                    + "figures or tallies file, whose category column, if any, this chooses from).")
    String category;

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "The column holding each force's group (a region): adds each group's volume-weighted rate.")
    String by;

    @Mixin
    UnitsOption units;

    @Option(names = "--target", paramLabel = "PERCENT",
            description = "The funnel's target in percent (default: the pooled rate, sum of n x rate over sum of n).")
    BigDecimal target;

    @Option(names = "--overdispersion", defaultValue = "additive", paramLabel = "none|multiplicative|additive",
            description = "Allowance for over-dispersion (Spiegelhalter 2005; default: ${DEFAULT-VALUE}, as FunnelPlotR).")
    Overdispersion overdispersion;

    @Option(names = "--winsorise", defaultValue = "0.1", paramLabel = "FRACTION",
            description = "Share of z-scores winsorised at each end for phi and tau2 (default: ${DEFAULT-VALUE}).")
    double winsorise;

    @Option(names = "--limits", defaultValue = "exact_binomial", paramLabel = "exact_binomial|normal",
            description = "Limits without allowance (default: ${DEFAULT-VALUE}, with Spiegelhalter's interpolation).")
    FunnelLimits limits;

    @Option(names = "--shrinkage", defaultValue = "dersimonian_laird",
            paramLabel = "dersimonian_laird|beta_binomial|beta_binomial_moments",
            description = "Empirical Bayes shrinkage (default: ${DEFAULT-VALUE}, as metafor's blup(rma(method = \"DL\"))); "
                    + "beta_binomial (as ebbr) needs tallies.")
    Shrinkage shrinkage;

    /** The level of the shrunken, rank and national intervals (published margins: 95% unless a column says). */
    @Mixin
    ConfidenceOption confidence;

    /** The rank bootstrap's replicates, seed and threads, and the volumes of a record-level audit file. */
    @Mixin
    Resampling resampling;

    private Forces procedure;
    private ForcesFile.Options reading;

    /**
     * Reads the choices before any file is read: a count or thread below 1 is a usage error (exit 2),
     * a value out of range bad data (exit 1), as in the other commands.
     */
    void parse(Map<String, String> columns) {
        resampling.check(spec);
        Forces p = Forces.withDefaults().with(overdispersion).with(limits).with(shrinkage).withWinsorising(winsorise)
                .withConfidence(confidence.twoSided()).withReplicates((int) resampling.replicates)
                .withSeed(resampling.seed);
        if (resampling.threads != null) {
            p = p.withThreads(resampling.threads);
        }
        if (target != null) {
            if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new IllegalArgumentException("--target (" + target.toPlainString()
                        + ") must lie strictly between 0 and 100 percent");
            }
            p = p.withTarget(target.movePointLeft(2).doubleValue());
        }
        procedure = p;
        ForcesFile.Options options = ForcesFile.Options.defaults().withColumns(columns)
                .withFractions(units.fractions());
        if (resampling.volumes != null) {
            options = options.withVolumes(resampling.volumes);
        }
        if (category != null) {
            options = options.withCategory(category);
        }
        if (by != null) {
            options = options.by(by);
        }
        reading = options;
    }

    /** The procedure ({@link #parse} first). */
    Forces procedure() {
        return procedure;
    }

    /** Reads the forces file ({@link #parse} first), telling on standard error what was read. */
    ForcesFile read(Path file) {
        Cli.stdinOnce(spec, resampling.volumes == null ? List.of(file) : List.of(file, resampling.volumes));
        ForcesFile read = ForcesFile.read(file, reading);
        Cli.note(spec, "read " + read);
        return read;
    }
}
