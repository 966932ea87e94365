package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.format.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate forces}: many forces at once, a row per force: the funnel's z-scores and limits
 * with over-dispersion (Spiegelhalter 2005), the shrunken rate (DerSimonian-Laird BLUP, or beta-binomial),
 * the rank with its marginal and simultaneous intervals (Mogstad, Romano, Shaikh and Wilhelm 2024), and
 * the national (and group) rate; from published figures, tallies, inspection files or audit files.
 */
@Command(name = "forces", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Many forces at once: funnel with over-dispersion, shrunken rates, rank intervals, national rate.",
                "  forces FORCES.csv   (published figures rate,margin in percent; tallies recorded,audited;"
                        + " an inspection file; or an audit file with --volumes)",
                "  forces FIGURES.csv --columns force=Force,rate=\"Rate (%%)\",margin=\"+/- (%%)\" --category \"all crime\""
                        + " --by region",
                "A row per force, the input columns kept: rate, se, effective_audited, target, z, z_adjusted, phi, tau2, "
                        + "overdispersion, lower95..upper998, outlier, shrunken..., rank, rank_lower, rank_upper, "
                        + "rank_lower_simultaneous, rank_upper_simultaneous, national_rate..."})
final class ForcesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FORCES.csv",
            description = "Every force's figure: published figures, tallies, an inspection file or an audit file.")
    Path file;

    @Mixin
    ForcesOptions choices;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        choices.parse(reading.columns);
        output.check();
        ForcesFile forces = choices.read(file);
        ForcesResult result = choices.procedure().analyse(forces);
        ResultTable table = result.table();
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, text(result), spec.commandLine().getOut());
        return 0;
    }

    /** The summary, then a line per force. */
    static String text(ForcesResult result) {
        StringBuilder out = new StringBuilder(result.summary()).append('\n');
        for (ForceResult f : result.forces()) {
            out.append(f).append('\n');
        }
        return out.toString();
    }
}
