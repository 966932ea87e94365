package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.recordingrate.shell.RecordingRate;
import org.recordingrate.estimate.IntervalMethod;

/**
 * The results README.md prints are the library's: each snippet's output is computed here and must
 * appear in the README verbatim, and the README must open with the two commands CI relies on.
 */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void jshellOutputsAreTrue() throws IOException {
        String readme = readme();
        for (Object result : new Object[] {RecordingRate.estimate(188, 202),
            RecordingRate.estimate(132, 132, IntervalMethod.CLOPPER_PEARSON),
            RecordingRate.published(93.2, 2.3).compareWith(RecordingRate.published(87.8, 1.7))}) {
            assertTrue(readme.contains("==> " + result), "README should show: " + result);
        }
    }

    @Test
    void opensWithTheRunAndTestCommands() throws IOException {
        String opening = readme().lines().limit(8).reduce("", (a, b) -> a + b + "\n");
        assertTrue(opening.contains("java -jar target/recording-rate-cli.jar estimate examples/data/peel-2022.csv"), opening);
        assertTrue(opening.contains("mvn -B verify"), opening);
        assertTrue(Files.readString(Path.of(".ci/run")).contains("\nmvn -B verify\n"), ".ci/run runs the README's tests");
    }
}
