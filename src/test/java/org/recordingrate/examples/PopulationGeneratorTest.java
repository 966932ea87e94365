package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled synthetic population is what its committed generator makes: runs
 * {@code java examples/MakePopulation.java 12000 2022} with this JVM's own launcher and compares
 * the bytes.
 */
class PopulationGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void generatorReproducesTheBundledPopulation() throws IOException, InterruptedException {
        Path made = dir.resolve("population.csv");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "examples/MakePopulation.java", "12000", "2022",
                made.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        assertArrayEquals(Files.readAllBytes(Path.of("examples", "data", "population.csv")), Files.readAllBytes(made));
    }
}
