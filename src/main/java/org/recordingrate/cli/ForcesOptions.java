package org.recordingrate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.Shrinkage;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Token;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command about many forces ({@code forces}, {@code plot funnel}, {@code plot
 * ranks}), declared once: how the forces file is read ({@link ForcesFile.Options}) and how they are
 * analysed ({@link Forces}).
 */
final class ForcesOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--volumes", paramLabel = "VOLUMES.csv",
            description = "The volumes of a record-level audit file of every force.")
    Path volumes;

    @Option(names = "--category", paramLabel = "NAME",
            description = "One category's rates (default: all crime for inspection and audit files; every row of a "
                    + "figures or tallies file, whose category column, if any, this chooses from).")
    String category;

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "The column holding each force's group (a region): adds each group's volume-weighted rate.")
    String by;

    @Option(names = "--units", defaultValue = "percent", paramLabel = "percent|fraction",
            description = "How published rates and margins are given (default: ${DEFAULT-VALUE}, as published).")
    String units;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Level of the shrunken, rank and national intervals, a fraction (default: ${DEFAULT-VALUE}); "
                    + "published margins are taken at 95%% unless a confidence column says.")
    double confidence;

    @Option(names = "--target", paramLabel = "PERCENT",
            description = "The funnel's target in percent (default: the pooled rate, sum of n x rate over sum of n).")
    BigDecimal target;

    @Option(names = "--overdispersion", defaultValue = "additive", paramLabel = "none|multiplicative|additive",
            description = "Allowance for over-dispersion (Spiegelhalter 2005; default: ${DEFAULT-VALUE}, as FunnelPlotR).")
    String overdispersion;

    @Option(names = "--winsorise", defaultValue = "0.1", paramLabel = "FRACTION",
            description = "Share of z-scores winsorised at each end for phi and tau2 (default: ${DEFAULT-VALUE}).")
    double winsorise;

    @Option(names = "--limits", defaultValue = "exact_binomial", paramLabel = "exact_binomial|normal",
            description = "Limits without allowance (default: ${DEFAULT-VALUE}, with Spiegelhalter's interpolation).")
    String limits;

    @Option(names = "--shrinkage", defaultValue = "dersimonian_laird",
            paramLabel = "dersimonian_laird|beta_binomial|beta_binomial_moments",
            description = "Empirical Bayes shrinkage (default: ${DEFAULT-VALUE}, as metafor's blup(rma(method = \"DL\"))); "
                    + "beta_binomial (as ebbr) needs tallies.")
    String shrinkage;

    @Option(names = "--replicates", defaultValue = "100000", paramLabel = "N",
            description = "Bootstrap replicates of the rank intervals (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the rank bootstrap (default: ${DEFAULT-VALUE}); the same for any --threads.")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads of the rank bootstrap (default: every processor; the results do not depend on it).")
    Integer threads;

    private Forces procedure;
    private ForcesFile.Options reading;

    /**
     * Reads the choices before any file is read: an unknown token is a usage error (exit 2), a value
     * out of range bad data (exit 1), as in the other commands.
     */
    void parse(Map<String, String> columns) {
        boolean fractions = Cli.token(spec, "--units", units, t -> switch (Args.token(t)) {
            case "percent" -> false;
            case "fraction", "fractions" -> true;
            default -> throw new IllegalArgumentException("units ('" + t + "') must be one of percent, fraction");
        });
        Overdispersion allowance = Cli.token(spec, "--overdispersion", overdispersion,
                t -> Token.parse(Overdispersion.class, "overdispersion", t));
        FunnelLimits binomial = Cli.token(spec, "--limits", limits, t -> Token.parse(FunnelLimits.class, "limits", t));
        Shrinkage shrunk = Cli.token(spec, "--shrinkage", shrinkage, t -> Token.parse(Shrinkage.class, "shrinkage", t));
        if (threads != null && threads < 1) {
            throw Cli.usage(spec, "invalid value for --threads: " + threads + " (at least 1)");
        }
        Forces p = Forces.withDefaults().with(allowance).with(binomial).with(shrunk).withWinsorising(winsorise)
                .withConfidence(confidence).withReplicates(replicates).withSeed(seed);
        if (threads != null) {
            p = p.withThreads(threads);
        }
        if (target != null) {
            if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new IllegalArgumentException("--target (" + target.toPlainString()
                        + ") must lie strictly between 0 and 100 percent");
            }
            p = p.withTarget(target.movePointLeft(2).doubleValue());
        }
        procedure = p;
        ForcesFile.Options options = ForcesFile.Options.defaults().withColumns(columns).withFractions(fractions);
        if (volumes != null) {
            options = options.withVolumes(volumes);
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
        Cli.stdinOnce(spec, volumes == null ? java.util.List.of(file) : java.util.List.of(file, volumes));
        ForcesFile read = ForcesFile.read(file, reading);
        Cli.note(spec, "read " + read);
        return read;
    }

    /** The category chosen, if any. */
    Optional<String> category() {
        return Optional.ofNullable(category);
    }
}
