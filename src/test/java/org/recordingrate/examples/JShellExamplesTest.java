package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs every {@code .jsh} file under {@code examples/} through the JDK's JShell API, after
 * {@code examples/startup.jsh} and JShell's DEFAULT and PRINTING startups (reproduced below), and
 * fails on any rejected snippet or exception, so the examples in the README cannot rot.
 */
class JShellExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");

    /** JShell's DEFAULT startup (its imports) and PRINTING startup (print, println, printf). */
    private static final String JSHELL_STARTUPS = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "void print(Object o) { System.out.print(o); }",
            "void println(Object o) { System.out.println(o); }",
            "void println() { System.out.println(); }",
            "void printf(String format, Object... args) { System.out.printf(format, args); }");

    @TestFactory
    Stream<DynamicTest> everyExampleRunsCleanly() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            // analyst.jsh runs end to end in the jshell tool itself, started with README's command, in
            // JShellSessionIT (which checks what it prints): not twice in one build
            scripts = files.filter(p -> p.toString().endsWith(".jsh"))
                    .filter(p -> !p.getFileName().toString().equals("analyst.jsh")).sorted().collect(Collectors.toList());
        }
        assertTrue(scripts.size() >= 3, "expected startup, quickstart and all-crime scripts, found " + scripts);
        String startup = Files.readString(EXAMPLES.resolve("startup.jsh"));
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.toString(), () -> {
            String output = run(JSHELL_STARTUPS + "\n" + startup + "\n" + Files.readString(script), script);
            assertFalse(output.isBlank() && !script.endsWith("startup.jsh"), script + " printed nothing");
        }));
    }

    /** Evaluates the source snippet by snippet; returns what it printed. */
    private static void check(JShell shell, List<SnippetEvent> events, Path script, ByteArrayOutputStream printed) {
        for (SnippetEvent event : events) {
            if (event.exception() != null) {
                fail(script + ": " + event.snippet().source().strip() + "\nthrew " + event.exception()
                        + "\noutput so far:\n" + printed.toString(StandardCharsets.UTF_8));
            }
            if (event.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("; "));
                fail(script + ": rejected: " + event.snippet().source().strip() + "\n" + diagnostics);
            }
        }
    }

    private static String run(String source, Path script) throws URISyntaxException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        // The local execution engine runs snippets in this JVM: their System.out is ours, so capture it.
        PrintStream originalOut = System.out;
        System.setOut(out);
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (Class<?> type : List.of(org.recordingrate.shell.RecordingRate.class,
                    org.apache.commons.math3.special.Erf.class, org.apache.commons.csv.CSVFormat.class)) {
                shell.addToClasspath(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            // Feed the script a line at a time, as the jshell tool does, so that a line ending
            // without a semicolon completes a statement there.
            String buffer = "";
            for (String line : source.split("\n", -1)) {
                buffer = buffer + line + "\n";
                while (!buffer.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(buffer);
                    if (!info.completeness().isComplete()) {
                        break;
                    }
                    check(shell, shell.eval(info.source()), script, printed);
                    buffer = info.remaining();
                }
            }
            if (!buffer.isBlank()) {
                fail(script + ": incomplete snippet at the end: " + buffer.strip());
            }
        } finally {
            System.setOut(originalOut);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
