package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shell script under {@code examples/} runs to the end with status 0 against the built
 * command-line jar (integration-test phase, after {@code mvn package}), so the examples README
 * points to cannot rot. What each prints is checked by the tests of the commands it calls.
 */
class ExampleScriptsIT {

    @TestFactory
    Stream<DynamicTest> everyScriptRuns() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            // report-flow.sh runs in ExamplesIT, which also checks what it writes: not twice
            scripts = files.filter(p -> p.toString().endsWith(".sh"))
                    .filter(p -> !p.getFileName().toString().equals("report-flow.sh")).sorted().toList();
        }
        assertTrue(!scripts.isEmpty(), "examples/ holds shell scripts");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.toString(), () -> {
            Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), script + " did not finish");
            assertEquals(0, process.exitValue(), script + ":\n" + output);
        }));
    }
}
