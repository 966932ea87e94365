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

import org.junit.jupiter.api.Test;


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
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "jshell did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** One session (a jshell start costs seconds): every check on what it printed. */
    @Test
    void aSessionFromReadmesCommand() throws IOException, InterruptedException {
        String output = session("var c = published(93.2, 2.3).compareWith(published(87.8, 1.7))",
                "var e = estimate(188, 202, \"clopper_pearson\", 0.99)", "help()", "methods()",
                "help(\"compare\")", "help(\"bogus\")", "published(0.932, 0.023)");
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
        // JDK 17's JShell shows Javadoc on Shift-Tab only for the JDK's own classes (it reads src.zip),
        // so help("verb") prints each verb's forms with an example
        assertTrue(output.contains("compare(inspectionBefore, inspectionAfter)"), output);
        assertTrue(output.contains("verb ('bogus') must be one of"), output);
        // a fraction given where percent is expected is explained
        assertTrue(output.contains("look like fractions"), output);
    }
}
