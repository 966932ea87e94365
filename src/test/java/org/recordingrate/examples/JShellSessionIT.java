package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.recordingrate.shell.RecordingRate;


/**
 * The JShell session as an analyst opens it: README's own one-line command is run as the
 * {@code jshell} tool (after {@code mvn package}, so in the integration-test phase), typed lines
 * are fed to it, and the printed lines are checked: no result is cut short, {@code help()}
 * lists the verbs, and {@code help("verb")} explains one.
 */
class JShellSessionIT {

    /** The line of README.md that starts with {@code jshell }: the command users copy. */
    static List<String> readmeCommand() throws IOException {
        String line = Files.readAllLines(Path.of("README.md")).stream().map(String::strip)
                .filter(l -> l.startsWith("jshell ")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no line starting with 'jshell '"));
        List<String> command = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        // the jshell of the JDK running the tests
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "jshell").toString());
        return command;
    }

    private static String session(String... lines) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(readmeCommand()).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().write((String.join("\n", lines) + "\n/exit\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "jshell did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** One session (a jshell start costs seconds): every check on what it printed. */
    @Test
    void aSessionFromReadmesCommand() throws IOException, InterruptedException {
        String output = analystSession();
        // no result is cut short: the seed comparison, verdict included (z and p recomputed in PublishedFigureTest)
        assertTrue(output.contains("c ==> 93.2% (+/- 2.3%) vs 87.8% (+/- 1.7%): +5.4 points, z = 3.70, p = 0.000215:"
                + " statistically significant improvement"), output);
        assertTrue(output.contains("e ==> 93.1% (99% CI ") && output.contains("Clopper-Pearson, 188 of 202)"), output);
        assertTrue(!output.contains(" ... "), "nothing truncated: " + output);
        // help() lists the verbs, methods() the tokens
        for (String verb : List.of("estimate(", "compare(", "published(", "reproduce(", "inspection(", "save(",
                "methods()", "plan(")) {
            assertTrue(output.contains(verb), "help() shows " + verb + ": " + output);
        }
        assertTrue(output.contains("clopper_pearson") && output.contains("miettinen_nurminen"), output);
        // help("verb") prints each verb's forms with an example, on any JDK (Shift-Tab's Javadoc needs README's
        // --add-opens: see JShellPreferences)
        assertTrue(output.contains("compare(tally(512, 640), tally(188, 202), \"wald_cc\", \"chisq_yates\")"), output);
        assertTrue(output.contains("verb ('bogus') must be one of"), output);
        // a fraction given where percent is expected is explained
        assertTrue(output.contains("look like fractions"), output);
    }

    /**
     * README's JShell section is the session it shows: each {@code jshell>} line of its session is typed
     * into README's command, and each answer README prints is printed.
     */
    @Test
    void readmesSessionIsTheSession() throws IOException, InterruptedException {
        List<String> typed = readmeSession();
        List<String> answers = readmeAnswers();
        assertTrue(typed.size() >= 10 && answers.size() == typed.size(), typed + "\n" + answers);
        String output = analystSession();
        for (String answer : answers) {
            assertTrue(output.contains(answer), "README shows\n" + answer + "\nthe session printed\n" + output);
        }
    }

    /** The lines README's JShell section types, in order; {@link #readmeAnswers()} what it shows for them. */
    static List<String> readmeSession() throws IOException {
        return readmeBlock(true);
    }

    static List<String> readmeAnswers() throws IOException {
        return readmeBlock(false);
    }

    private static List<String> readmeBlock(boolean typed) throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = readme.indexOf("A session (a test types these lines into that command and checks every answer):");
        assertTrue(start > 0, "README's JShell section shows a session");
        assertEquals("```", readme.get(start + 2).strip());
        List<String> lines = new ArrayList<>();
        for (int i = start + 3; !readme.get(i).strip().equals("```"); i++) {
            String line = readme.get(i);
            if (line.startsWith("jshell> ") == typed && !line.isBlank()) {
                lines.add(typed ? line.substring("jshell> ".length()) : line);
            }
        }
        return lines;
    }

    /** The verbs of the facade: its public static methods' names. */
    static List<String> verbs() {
        TreeSet<String> verbs = new TreeSet<>();
        for (Method method : RecordingRate.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                verbs.add(method.getName());
            }
        }
        return new ArrayList<>(verbs);
    }

    /**
     * After the analyst's script: the verbs it does not call, and a {@code save} of every result type
     * (and every plot) a verb returns, into {@code target/session-*}.
     */
    private static final List<String> MORE = List.of(
            "var t = tally(\"188/202\")",
            "var forceFiles = inspections(\"examples/data/forces-2022.csv\")",
            "var fig = published(93.2, 2.3)",
            "methods()",
            "show(fig)",
            "save(estimate(t), \"target/session-rate.csv\")",
            "save(compare(tally(512, 640), t, \"permutation\", \"replicates=2000\", \"seed=1\"), \"target/session-change.csv\")",
            "save(compare(published(87.8, 1.7), fig), \"target/session-published-change.csv\")",
            "save(unrecorded, \"target/session-figure.csv\")",
            "save(fromText(\"examples/data/report-paragraph.txt\"), \"target/session-text.csv\")",
            "save(bootstrap(t, \"replicates=2000\", \"seed=1\"), \"target/session-boot-tally.csv\")",
            "save(bootstrap(peel, \"replicates=2000\", \"seed=1\"), \"target/session-boot-peel.csv\")",
            "save(bootstrap(tally(512, 640), t, \"replicates=2000\", \"seed=1\"), \"target/session-boot-change.csv\")",
            "save(permute(tally(512, 640), t, \"replicates=2000\", \"seed=1\"), \"target/session-perm-tally.csv\")",
            "save(size, \"target/session-size.csv\")",
            "save(plan(tally(512, 640), 5, 0.8), \"target/session-power-size.csv\")",
            "save(pow, \"target/session-power.csv\")",
            "save(upperBound(5, 0), \"target/session-upper.csv\")",
            "save(allocate(List.of(planning(\"violence\", 25000, 89), planning(\"other crime\", 35000, 93)), 3), \"target/session-allocation.csv\")",
            "save(select(\"examples/data/population.csv\", Map.of(\"violence\", 20), \"seed=7\", \"srs\", \"other=violence\"), \"target/session-sample.csv\")",
            "var fp = forces(\"examples/data/published-forces.csv\", \"columns=force=Force,rate=Recording rate (%),margin=Confidence interval (+/- %),volume=Crimes recorded (12 months),category=Crime type\", \"category=all crime (excluding fraud)\", \"by=Region\", \"replicates=2000\")",
            "show(fp)",
            "save(funnel(forceFiles), \"target/session-funnel.svg\")",
            "save(series, \"target/session-trends.csv\")",
            "save(trendPlot(overTime), \"target/session-trend.png\")",
            "save(posterior(t), \"target/session-posterior.csv\")",
            "better.probabilityImproved()",
            "save(posterior(peel, \"replicates=2000\"), \"target/session-posterior-peel.csv\")",
            "save(posterior(forceFiles, \"category=violence\"), \"target/session-across.csv\")",
            "save(coverage(640, 202, \"rate_before=0.8\", \"rate_after=0.93\"), \"target/session-coverage-change.csv\")",
            "save(coverage(peel, \"replicates=2000\", \"seed=1\"), \"target/session-coverage-design.csv\")",
            "save(coveragePlot(coverage(202, \"wald\", \"rates=0.8:0.99:0.01\")), \"target/session-coverage.svg\")",
            "save(forest(cdi, peel), \"target/session-forest.svg\")",
            "save(List.of(estimate(t), estimate(tally(180, 202))), \"target/session-two.csv\")");

    private static String analystOutput;

    /** One session from README's command: the analyst's script, then {@link #MORE}, then help for every verb. */
    static synchronized String analystSession() throws IOException, InterruptedException {
        if (analystOutput == null) {
            List<String> lines = new ArrayList<>(readmeSession());
            lines.addAll(List.of("var c = published(93.2, 2.3).compareWith(published(87.8, 1.7))",
                    "var e = estimate(188, 202, \"clopper_pearson\", 0.99)", "help()", "methods()",
                    "help(\"compare\")", "help(\"bogus\")", "published(0.932, 0.023)"));
            // typed line by line, as an analyst would paste it (the tool's /open would print no results)
            lines.addAll(Files.readAllLines(Path.of("examples/analyst.jsh")));
            lines.addAll(MORE);
            for (String verb : verbs()) {
                lines.add("help(\"" + verb + "\")");
            }
            analystOutput = session(lines.toArray(String[]::new));
        }
        return analystOutput;
    }

    /**
     * README's command runs examples/analyst.jsh end to end, every verb is called, {@code help("verb")}
     * answers for each, every result type is saved, and the numbers are those the references give.
     */
    @Test
    void theAnalystsWholeSession() throws IOException, InterruptedException {
        String output = analystSession();
        for (String failure : List.of("Error:", "cannot find symbol", "rejected", "|  Error")) {
            assertTrue(!output.contains(failure), failure + " in:\n" + output);
        }
        // the only exceptions are the two the session provokes: an unknown verb, fractions for percent
        for (String line : output.split("\n")) {
            if (line.contains("Exception")) {
                assertTrue(line.contains("verb ('bogus') must be one of") || line.contains("look like fractions"), line);
            }
        }
        // every verb is called, by the script or MORE
        String script = Files.readString(Path.of("examples/analyst.jsh")) + String.join("\n", MORE);
        for (String verb : verbs()) {
            if (!verb.equals("help")) {
                assertTrue(Pattern.compile("\\b" + verb + "\\(").matcher(script).find(), verb + " is not called");
            }
        }
        // every save printed the file it wrote (the script's and MORE's)
        Matcher saves = Pattern.compile("save\\(").matcher(script);
        int count = 0;
        while (saves.find()) {
            count++;
        }
        Matcher written = Pattern.compile("==> /\\S+/target/(analyst|session)-[a-z-]+\\.(csv|svg|png)").matcher(output);
        int wrote = 0;
        while (written.find()) {
            wrote++;
        }
        assertEquals(count, wrote, output);
        // help("verb") for each: its forms show the verb in use
        for (String verb : verbs()) {
            assertTrue(output.contains(verb + "("), verb);
        }
        assertTrue(output.contains("Many forces, over time, Bayesian"), output);
        // the seed paragraph's comparison (z and p recomputed in PublishedFigureTest)
        assertTrue(output.contains("+5.4 points, z = 3.70, p = 0.000215: statistically significant improvement"), output);
        // R: prop.test(c(188, 512), c(202, 640)): 95% CI 0.08067082 0.18071532 (WaldContinuityCorrectionTest)
        assertTrue(output.contains("+13.1 points (95% CI +8.1 to +18.1, Wald with continuity correction)"), output);
        // R: prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022)) (TrendPosteriorCommandTest)
        assertTrue(output.contains("overTime ==> +2.2 points a year (95% CI +1.4 to +3.0)"), output);
        // QUADPACK (beta-change.csv): P(after > before) = 0.99999838130963448
        assertTrue(output.contains("==> 0.99999838130"), output);
        // README's forces section: 12 published forces, national rate and the North region
        assertTrue(output.contains("national rate 91.8% (95% CI 91.2% to 92.5%), 12 forces, volume 1,416,047"), output);
        // Wilson 188 of 202 (binom.confint, reference intervals)
        assertTrue(output.contains("93.1% (95% CI 88.7% to 95.8%, Wilson, 188 of 202)"), output);
        assertTrue(!output.contains(" ... "), "nothing truncated");
    }

    /** The CSVs the analyst saved, read back by R and recomputed with R's own functions (skipped without R). */
    @Test
    void theAnalystsCsvsReadBackInR() throws IOException, InterruptedException {
        Path rscript = Path.of("/usr/bin/Rscript");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "Rscript"))) {
                rscript = Path.of(dir, "Rscript");
            }
        }
        Assumptions.assumeTrue(Files.isExecutable(rscript), "R is not installed (CI has only Java and Maven)");
        analystSession();
        Process r = new ProcessBuilder(rscript.toString(), "src/test/resources/r/read-analyst.R")
                .redirectErrorStream(true).start();
        String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(r.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, r.exitValue(), output);
        assertTrue(output.contains("R agrees: 9 checks"), output);
    }
}
