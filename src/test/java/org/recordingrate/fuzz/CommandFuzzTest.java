package org.recordingrate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.cli.Main;

/**
 * A seeded fuzzer of every reader and command: the bundled example files of each kind, mutated (cells
 * replaced by awkward values, lines dropped, doubled or swapped, bytes flipped or cut, delimiters,
 * BOMs, carriage returns, invalid UTF-8, NUL, a missing final newline), fed to the command that reads
 * that kind, in process. A run fails on an exit status other than 0, 1 or 2, a stack trace or "internal
 * error" in its output, a run that takes longer than {@value #TIMEOUT_SECONDS} s (a hang), an output
 * file that a failed run left changed (half written), a successful {@code --out} that is not complete,
 * or a file of cases whose output rows do not match the rows read.
 *
 * <p>Budget: {@code -Dfuzz.runs} inputs (default {@value #DEFAULT_RUNS}) or {@code -Dfuzz.seconds} of
 * wall time (default {@value #DEFAULT_SECONDS}), whichever ends first; {@code mvn -Pfuzz verify} runs
 * 20,000 inputs or 15 minutes. {@code -Dfuzz.seed} changes the seed (default 2026). Every input under
 * {@code src/test/resources/fuzz/} (found by earlier runs, named after the command that failed on it)
 * is replayed first. A failing input is written to {@code target/fuzz-failures/} with its command.
 */
class CommandFuzzTest {

    static final int DEFAULT_RUNS = 600;
    static final int DEFAULT_SECONDS = 45;
    static final int TIMEOUT_SECONDS = 30;
    private static final Path DATA = Path.of("examples/data");
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz");
    private static final Pattern READ = Pattern.compile("read (\\d+) (?:case|row|pair|figure)");

    /** Awkward cell values, each a reader's or a command's edge. */
    private static final String[] CELLS = {"", " ", "-1", "0", "1", "2", "1e309", "1e-400", "NaN", "Infinity", "-0",
        "9223372036854775807", "9223372036854775808", "9007199254740993", "١٢", "12d", "0x10", "1_000", "\"",
        "\"\"", "a,b", " 188 ", "1.5", "188.0", "2.9999999999999999", "99.9999", "100", "101", "0.5", "\u0000",
        "=cmd()", "all crime", "\uFFFE", "\uFFFF", "yes", "no", "maybe", "wilson", "nosuch", "200/202", "x/y",
        "\r", "\n", "caf\u00e9", "\uD83D\uDE00", "1,000", "25.000", "-5", "0.95", "95"};

    private static ExecutorService executor;

    @TempDir
    static Path work;

    /** A command that reads a kind of file: its seed file and how to call it. */
    private record Target(String name, String seed, boolean countsRows, Args args) {
    }

    @FunctionalInterface
    private interface Args {
        List<String> of(Path input, Path out);
    }

    private static List<Target> targets() {
        Path peel = DATA.resolve("peel-2022.csv");
        Path volumes = DATA.resolve("volumes.csv");
        return List.of(
                new Target("estimate-cases", "cases.csv", true,
                        (in, out) -> List.of("estimate", "--cases", in.toString(), "--out", out.toString())),
                new Target("estimate-inspection", "peel-2022.csv", false,
                        (in, out) -> List.of("estimate", in.toString(), "--method", "korn_graubard", "--out",
                                out.toString())),
                new Target("estimate-audit", "audit-2022.csv", false,
                        (in, out) -> List.of("estimate", in.toString(), "--volumes", volumes.toString(), "--variance",
                                "survey", "--out", out.toString())),
                new Target("estimate-volumes", "volumes.csv", false,
                        (in, out) -> List.of("estimate", DATA.resolve("audit-2022.csv").toString(), "--volumes",
                                in.toString(), "--out", out.toString())),
                new Target("compare-inspections", "cdi-2017.csv", false,
                        (in, out) -> List.of("compare", in.toString(), peel.toString(), "--out", out.toString())),
                new Target("compare-pairs", "cases.csv", false,
                        (in, out) -> List.of("compare", "--cases", in.toString(), "--pair-by", "force", "--out",
                                out.toString())),
                new Target("reproduce-cases", "figures.csv", true,
                        (in, out) -> List.of("reproduce", "--cases", in.toString(), "--out", out.toString())),
                new Target("reproduce-published", "published-figures.csv", false,
                        (in, out) -> List.of("reproduce", "--cases", in.toString(), "--pair-by", "force,crime_type",
                                "--out", out.toString())),
                new Target("plan-volumes", "plan-volumes.csv", false,
                        (in, out) -> List.of("plan", "--volumes", in.toString(), "--margin", "3", "--out",
                                out.toString())),
                new Target("select-population", "population.csv", false,
                        (in, out) -> List.of("select", in.toString(), "--plan", work.resolve("plan.csv").toString(),
                                "--seed", "7", "--out", out.toString())),
                new Target("select-plan", "plan.csv", false,
                        (in, out) -> List.of("select", DATA.resolve("population.csv").toString(), "--plan",
                                in.toString(), "--seed", "7", "--out", out.toString())),
                new Target("bootstrap", "peel-2022.csv", false,
                        (in, out) -> List.of("bootstrap", in.toString(), "--replicates", "200", "--out",
                                out.toString())),
                new Target("permute", "cdi-2017.csv", false,
                        (in, out) -> List.of("permute", in.toString(), peel.toString(), "--replicates", "200", "--out",
                                out.toString())),
                new Target("plot-funnel", "forces-2022.csv", false,
                        (in, out) -> List.of("plot", "funnel", in.toString(), "--out",
                                out.resolveSibling(out.getFileName() + ".svg").toString())),
                new Target("coverage-design", "peel-2022.csv", false,
                        (in, out) -> List.of("coverage", "--design", in.toString(), "--replicates", "100", "--out",
                                out.toString())));
    }

    @BeforeAll
    static void start() throws IOException {
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fuzz");
            thread.setDaemon(true);
            return thread;
        });
        // the plan that select reads, made by the command line itself
        Run plan = run(List.of("plan", "--volumes", DATA.resolve("plan-volumes.csv").toString(), "--margin", "3",
                "--out", work.resolve("plan.csv").toString()));
        assertTrue(plan.status == 0, plan.toString());
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private record Run(int status, String out, String err, boolean hung) {
        @Override
        public String toString() {
            return "exit " + status + (hung ? " (hung)" : "") + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> future = executor.submit(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new)));
        try {
            int status = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Run(status, out.toString(), err.toString(), false);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Run(-1, out.toString(), err.toString(), true);
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Run(-2, out.toString(), err + "\nthrown: " + trace, false);
        }
    }

    /** What is wrong with a run of {@code target} on {@code input}, or null. */
    private static String check(Target target, Path input, Path out) throws IOException {
        Files.writeString(out, "OLD\n");
        List<String> args = target.args().of(input, out);
        Run run = run(args);
        String problem = null;
        String all = run.out + run.err;
        if (run.hung) {
            problem = "no answer within " + TIMEOUT_SECONDS + " s";
        } else if (run.status < 0 || run.status > 2) {
            problem = "exit status " + run.status;
        } else if (all.contains("internal error") || all.contains("\tat ") || all.contains("Exception in")) {
            problem = "a stack trace or internal error";
        } else if (run.status != 0 && !Files.readString(out).equals("OLD\n")) {
            problem = "a failed run changed its --out file";
        } else if (run.status == 0 && args.contains(out.toString())) {
            byte[] written = Files.readAllBytes(out);
            if (written.length == 0 || written[written.length - 1] != '\n' || Arrays.equals(written, "OLD\n".getBytes())) {
                problem = "a successful run left an incomplete --out file";
            } else if (target.countsRows()) {
                Matcher read = READ.matcher(run.err);
                if (read.find()) {
                    long expected = Long.parseLong(read.group(1));
                    long rows;
                    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().build()
                            .parse(new StringReader(new String(written, StandardCharsets.UTF_8)))) {
                        rows = parser.stream().count();
                    }
                    if (rows != expected) {
                        problem = "read " + expected + " rows but wrote " + rows;
                    }
                }
            }
        }
        if (problem != null) {
            Path failures = Path.of("target/fuzz-failures");
            Files.createDirectories(failures);
            Path kept = failures.resolve(target.name() + "-" + Long.toHexString(System.nanoTime()) + ".csv");
            Files.copy(input, kept);
            return target.name() + ": " + problem + " (input kept as " + kept + ")\n" + String.join(" ", args) + "\n"
                    + run;
        }
        return null;
    }

    /** Replays the inputs earlier runs found: each file is named TARGET-anything.csv. */
    @Test
    void regressionInputsStayFixed() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(REGRESSIONS)) {
            files = listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Target target = targets().stream().filter(t -> name.startsWith(t.name() + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no command for " + name));
            String problem = check(target, file, work.resolve("out-regression.csv"));
            if (problem != null) {
                failures.add(problem);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        assertTrue(files.size() >= 1, "regression inputs: " + files.size());
    }

    @Test
    void mutatedInputsNeverCrashHangOrHalfWrite() throws IOException {
        long seed = Long.getLong("fuzz.seed", 2026);
        int runs = Integer.getInteger("fuzz.runs", DEFAULT_RUNS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("fuzz.seconds", DEFAULT_SECONDS));
        SplittableRandom random = new SplittableRandom(seed);
        List<Target> targets = targets();
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (; done < runs && System.nanoTime() < deadline && failures.size() < 5; done++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Path seedFile = target.seed().equals("plan.csv") ? work.resolve("plan.csv") : DATA.resolve(target.seed());
            byte[] mutated = Mutator.mutate(Files.readAllBytes(seedFile), random, CELLS);
            Path input = work.resolve("input-" + (done % 4) + ".csv");
            Files.write(input, mutated);
            String problem = check(target, input, work.resolve("out.csv"));
            if (problem != null) {
                failures.add("run " + done + ", seed " + seed + ": " + problem);
            }
        }
        System.out.println("fuzz: " + done + " inputs, seed " + seed + ", " + failures.size() + " failures");
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        // a loaded machine runs fewer inputs in the budget, but never a hollow run
        assertTrue(done >= Math.min(runs, 10), "only " + done + " inputs ran within the time budget");
    }

    static String describe(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r").toLowerCase(Locale.ROOT);
    }
}
