package org.recordingrate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.format.ResultTable;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.posterior.AllCrimePosterior;
import org.recordingrate.posterior.BayesEstimator;
import org.recordingrate.posterior.BetaPosterior;
import org.recordingrate.posterior.HierarchicalPosterior;
import org.recordingrate.posterior.PosteriorChange;
import org.recordingrate.posterior.Prior;
import org.recordingrate.reproduce.PublishedFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate posterior}: the Bayesian view, as jfa evaluates audits: a tally's Beta posterior
 * with its equal-tailed and highest-density intervals, the probability that a later rate is higher than an
 * earlier one, an inspection's all-crime posterior (seeded simulation), and many forces under a
 * hierarchical beta-binomial model.
 */
@Command(name = "posterior", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bayesian posteriors of recording rates (Beta prior: jeffreys, uniform or A,B).",
                "  posterior --recorded 188 --audited 202 [--prior jeffreys] [--confidence 0.95]",
                "  posterior --before 512/640 --after 188/202      (P(later rate higher), the change's posterior)",
                "  posterior INSPECTION.csv [--replicates 100000 --seed 1]   (each category and all crime)",
                "  posterior FORCES.csv --across-forces [--category violence]   (hierarchical beta-binomial; figures"
                        + " rate,margin, tallies recorded,audited or inspection files, a row or inspection per force)",
                "--confidence is the credible level of every interval."})
final class PosteriorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "An inspection file (or a record-level audit file with --volumes); with --across-forces also"
                    + " a file of tallies or published figures, a row per force.")
    List<Path> files = new ArrayList<>();

    @Mixin
    CountOptions counts;

    @Mixin
    BeforeAfter tallies;

    @Option(names = "--prior", defaultValue = "jeffreys", paramLabel = "jeffreys|uniform|A,B",
            description = "The Beta prior of each rate (default: ${DEFAULT-VALUE}).")
    String prior;

    @Option(names = "--across-forces",
            description = "Many forces at once under a hierarchical beta-binomial model (Gelman et al. 2013, 5.3).")
    boolean across;

    @Option(names = "--category", paramLabel = "NAME",
            description = "With --across-forces and inspection files: this category's tallies (default: all crime,"
                    + " by its effective audited count).")
    String category;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    Resampling resampling;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Cli.atMost(spec, files, 1, "posterior takes one file");
        counts.checkBoth(spec);
        tallies.checkBoth(spec);
        int modes = (counts.given() ? 1 : 0) + (tallies.given() ? 1 : 0) + (files.isEmpty() ? 0 : 1);
        if (modes != 1) {
            throw Cli.usage(spec, "give --recorded and --audited, or --before and --after, or one FILE");
        }
        if ((across || category != null) && files.isEmpty()) {
            throw Cli.usage(spec, "--across-forces and --category go with a FILE");
        }
        if (category != null && !across) {
            throw Cli.usage(spec, "--category goes with --across-forces");
        }
        resampling.check(spec);
        if (resampling.replicates < 1000) {
            throw Cli.usage(spec, "invalid value for --replicates: " + resampling.replicates
                    + " (a posterior interval needs at least 1,000)");
        }
        Prior chosen;
        try {
            chosen = Prior.parse(prior);
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, "invalid value for --prior: " + e.getMessage());
        }
        BayesEstimator bayes = BayesEstimator.withDefaults().with(chosen).withCredibility(confidence.twoSided())
                .withReplicates((int) resampling.replicates).withSeed(resampling.seed).withThreads(resampling.threads());
        output.check();
        if (counts.given()) {
            BetaPosterior posterior = bayes.estimate(counts.tally());
            output.write(posterior.table(), OutputOptions.Format.TEXT, true, posterior + "\n" + posterior.summary(),
                    spec.commandLine().getOut());
        } else if (tallies.given()) {
            PosteriorChange change = bayes.compare(tallies.before(spec), tallies.after(spec));
            output.write(change.table(), OutputOptions.Format.TEXT, true, change + "\n" + change.summary(),
                    spec.commandLine().getOut());
        } else if (across) {
            HierarchicalPosterior posterior = bayes.acrossForces(forces(files.get(0)));
            output.write(posterior.table(), OutputOptions.Format.CSV, false, posterior.summary(),
                    spec.commandLine().getOut());
        } else {
            List<Inspection> inspections = resampling.inspections(spec, files.get(0), reading);
            List<ResultTable> tables = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Inspection inspection : inspections) {
                AllCrimePosterior posterior = bayes.estimate(inspection);
                tables.add(posterior.table());
                text.append(posterior.summary()).append('\n');
            }
            output.write(ResultTable.concat(tables), OutputOptions.Format.CSV, false, text.toString(),
                    spec.commandLine().getOut());
        }
        return 0;
    }

    /** Each force's counts from a file of figures, of tallies, or of inspections (one per force). */
    private List<HierarchicalPosterior.Counts> forces(Path file) {
        List<HierarchicalPosterior.Counts> forces = new ArrayList<>();
        boolean audit = Cli.isAuditFile(file, reading.columns);
        CsvInput input = audit ? null : reading.read(file);
        if (input != null && (input.has("rate") && input.has("margin") || input.has("audited") && !input.has("volume"))) {
            if (category != null) {
                throw Cli.usage(spec, "--category picks a category of inspection files; " + file + " has a row per force");
            }
            String name = input.has("force") ? "force" : "inspection";
            input.require(name);
            boolean figures = input.has("rate") && input.has("margin");
            for (CsvInput.Row row : input.rows()) {
                String force = row.text(name).strip();
                if (figures) {
                    BigDecimal rate = row.decimal("rate");
                    BigDecimal margin = row.decimal("margin");
                    double level = row.number("confidence", PublishedFigure.DEFAULT_CONFIDENCE);
                    forces.add(row.construct(Map.of("rate", "rate", "margin", "margin", "confidence", "confidence",
                            "force", name), () -> HierarchicalPosterior.Counts.of(force, PublishedFigure.fromPercent(rate,
                            margin, level))));
                } else {
                    long x = row.whole("recorded");
                    long n = row.whole("audited");
                    forces.add(row.construct(Map.of("recorded", "recorded", "audited", "audited", "force", name),
                            () -> HierarchicalPosterior.Counts.of(force, new Tally(x, n))));
                }
            }
            Cli.readNotice(spec, input, "force");
            return forces;
        }
        InspectionSource source = Cli.inspections(spec, file, audit ? Optional.ofNullable(resampling.volumes)
                : Optional.empty(), reading.columns);
        Cli.note(spec, source.toString());
        for (Inspection inspection : source.inspections()) {
            if (category == null) {
                forces.add(HierarchicalPosterior.Counts.allCrime(inspection));
            } else {
                inspection.category(category).ifPresentOrElse(
                        c -> forces.add(HierarchicalPosterior.Counts.of(inspection.name(), c.tally())),
                        () -> Cli.note(spec, "'" + inspection.name() + "' did not audit " + category + ": left out"));
            }
        }
        return forces;
    }
}
