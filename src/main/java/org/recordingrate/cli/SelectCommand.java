package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recordingrate.io.CsvInput;
import org.recordingrate.model.Names;
import org.recordingrate.plan.CategoryDraw;
import org.recordingrate.plan.PlannedCategory;
import org.recordingrate.plan.Selection;
import org.recordingrate.plan.SelectionMethod;
import org.recordingrate.plan.Selector;
import org.recordingrate.report.PlanColumns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate select}: draws the planned records of each category from a population
 * file, reproducibly, and writes the sample list and a manifest.
 */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the audit's records from a population of incident records.",
                "  select POPULATION.csv --plan PLAN.csv --seed 2022 [--method prn|srs|systematic] --out SAMPLE.csv",
                "POPULATION.csv: record_id,category and any other columns (carried to the sample list).",
                "PLAN.csv: category,audited (as 'plan --volumes' writes it; the 'all crime' row is ignored).",
                "The manifest (seed, method, the population file's rows and SHA-256, the plan) goes beside --out as "
                        + "SAMPLE.manifest.json, or to --manifest."})
final class SelectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "POPULATION.csv", description = "The population file.")
    Path population;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.csv", description = "Audited count per category.")
    Path plan;

    @Option(names = "--seed", required = true, paramLabel = "SEED", description = "The seed: write it down.")
    long seed;

    @Option(names = "--method", paramLabel = "prn|srs|systematic",
            description = "prn: permanent random numbers (default; independent of row order); srs: seeded reservoir; "
                    + "systematic: every N/k-th record in file order from a random start.")
    SelectionMethod method;

    @Option(names = "--other", paramLabel = "CATEGORY",
            description = "The plan's category that takes records of categories not in the plan (else they are errors).")
    String other;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Where to write the manifest (JSON).")
    Path manifest;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SelectionMethod chosen = method == null ? SelectionMethod.PRN : method;
        if (population.toString().equals("-")) {
            throw Cli.usage(spec, "the population must be a file (it is hashed, and read twice by systematic selection)");
        }
        output.check();
        Path manifestFile = manifest != null ? manifest : output.out == null ? null : beside(output.out);
        CsvInput input = CsvInput.read(plan).require("category", "audited");
        List<PlannedCategory> planned = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvInput.Row row : input.rows()) {
            String category = row.text("category");
            if (Names.isAllCrime(category)) {
                continue;
            }
            Long earlier = firstLine.putIfAbsent(Names.key(category), row.line());
            if (earlier != null) {
                throw row.fail("category", category, "appears twice (first on line " + earlier + ")");
            }
            long count = row.whole("audited");
            planned.add(row.construct(Map.of("category", "category", "audited", "audited"),
                    () -> new PlannedCategory(category, count)));
        }
        if (planned.isEmpty()) {
            throw new IllegalArgumentException(plan + ": has no category rows");
        }
        Cli.readNotice(spec, input, "plan row");
        Selector selector = Selector.withSeed(seed).with(chosen);
        if (other != null) {
            selector = selector.withOther(other);
        }
        Selection selection = selector.select(population, planned);
        Cli.note(spec, String.format(java.util.Locale.ROOT, "read %,d records from %s (SHA-256 %s)",
                selection.population().rows(), population, selection.population().sha256()));
        if (selection.population().toOther() > 0) {
            Cli.note(spec, String.format(java.util.Locale.ROOT, "%,d records of categories not in the plan went to '%s'",
                    selection.population().toOther(), selection.other().orElse("")));
        }
        for (CategoryDraw shortfall : selection.shortfalls()) {
            Cli.note(spec, "shortfall: " + shortfall);
        }
        output.write(PlanColumns.sampleList(selection), OutputOptions.Format.CSV, false, selection.summary() + "\n",
                spec.commandLine().getOut());
        if (manifestFile != null) {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("plan_file", plan.toString());
            extra.put("plan_sha256", sha256(plan));
            extra.put("sample_file", output.out == null ? "(standard output)" : output.out.toString());
            try {
                extra.put("tool", new Main.Version().getVersion()[0]);
                Files.writeString(manifestFile, PlanColumns.manifestJson(selection.manifest(), extra));
            } catch (IOException e) {
                throw new UncheckedIOException("--manifest " + manifestFile + ": could not be written (" + e.getMessage()
                        + ")", e);
            }
            Cli.note(spec, "manifest: " + manifestFile);
        } else {
            Cli.note(spec, "no manifest written (give --out or --manifest): " + selection.manifest());
        }
        return 0;
    }

    /** SAMPLE.csv -> SAMPLE.manifest.json, in the same folder. */
    private static Path beside(Path out) {
        String name = out.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + ".manifest.json");
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
