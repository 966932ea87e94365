package org.recordingrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.recordingrate.select.PlannedCategory;
import org.recordingrate.select.Selection;
import org.recordingrate.select.SelectionColumns;
import org.recordingrate.select.SelectionMethod;
import org.recordingrate.select.Selector;

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
        if (plan.toString().equals("-")) {
            throw Cli.usage(spec, "--plan must be a file (its SHA-256 goes into the manifest)");
        }
        // every output path is checked before any work, so that nothing is drawn for an output that cannot be written
        output.check();
        if (output.out != null && (sameFile(output.out, population) || sameFile(output.out, plan))) {
            throw Cli.usage(spec, "--out " + output.out + " is an input file: the sample list would replace it");
        }
        Path manifestFile = manifest != null ? manifest : output.out == null ? null : beside(output.out);
        if (manifestFile != null) {
            checkManifest(manifestFile);
        }
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
        // what the table's notes say (shortfalls, the other category, blank rows), said on standard error too
        selection.notes().forEach(note -> Cli.note(spec, note));
        output.write(selection.table(), OutputOptions.Format.CSV, false, selection.summary() + "\n",
                spec.commandLine().getOut());
        if (manifestFile != null) {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("plan_file", plan.toString());
            extra.put("plan_sha256", sha256(plan));
            extra.put("sample_file", output.out == null ? "(standard output)" : output.out.toString());
            try {
                extra.put("tool", new Main.Version().getVersion()[0]);
            } catch (IOException e) {
                throw new UncheckedIOException("the tool's version could not be read: " + e.getMessage(), e);
            }
            String json = SelectionColumns.manifestJson(selection.manifest(), extra);
            OutputOptions.writeWhole(manifestFile, stream -> stream.write(json.getBytes(StandardCharsets.UTF_8)));
            Cli.note(spec, "manifest: " + manifestFile);
        } else {
            Cli.note(spec, "no manifest written (give --out or --manifest): " + selection.manifest());
        }
        return 0;
    }

    /**
     * Refuses a manifest path that cannot be written (a folder, a missing or read-only folder), as a
     * bad path (1), or that is the sample list itself or an input, as conflicting options (2).
     */
    private void checkManifest(Path file) {
        String option = manifest != null ? "--manifest " : "the manifest ";
        if (output.out != null && sameFile(file, output.out)) {
            throw Cli.usage(spec, option + file + " is the same file as --out " + output.out
                    + ": the manifest would replace the sample list; give another --manifest");
        }
        if (sameFile(file, population) || sameFile(file, plan)) {
            throw Cli.usage(spec, option + file + " is an input file: give another --manifest");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + file + ": is a folder, not a file");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + file + ": the folder " + (folder == null ? file : folder)
                    + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(option + file + ": the folder " + folder + " cannot be written");
        }
    }

    /** Whether two paths name one file: equal once absolute and normalised, or the same existing file. */
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
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
