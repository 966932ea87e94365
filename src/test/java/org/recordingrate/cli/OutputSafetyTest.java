package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's findings on output: {@code --out} never replaces a read-only file, a device or a
 * pipe (as root, {@code --out /dev/null} would have replaced the system's), a symbolic link keeps
 * pointing where it did, and a failed write to standard output is an error, not exit 0 with every
 * row lost.
 */
class OutputSafetyTest {

    @Test
    void aReadOnlyFileIsLeftAsItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kept.csv");
        Files.writeString(file, "precious\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        CliRun run = CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--out", file.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("read-only"), run.toString());
        assertEquals("precious\n", Files.readString(file));
        // the same for the report and the plots, which write documents and pictures
        CliRun report = CliRun.of("report", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--force", "x",
                "--out", file.toString());
        assertEquals(1, report.status(), report.toString());
        assertEquals("precious\n", Files.readString(file));
    }

    @Test
    void aDeviceIsWrittenThroughNeverReplaced() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "a /dev/null device");
        CliRun run = CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--out", devNull.toString());
        assertEquals(0, run.status(), run.toString());
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals("", run.out());
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsTarget(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("target.csv");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        CliRun run = CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--format", "csv", "--out",
                link.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.readString(target).startsWith("recorded,audited,"), Files.readString(target));
    }

    /** In a separate process, as a user runs it: standard output onto a full device is exit 1. */
    @Test
    void aFullStandardOutputIsAnError() throws IOException, InterruptedException {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "a /dev/full device");
        for (List<String> args : List.of(List.of("estimate", "--recorded", "188", "--audited", "202"),
                List.of("estimate", "examples/data/peel-2022.csv", "--format", "csv"))) {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectOutput(full).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.waitFor(), args + ": " + err);
            assertTrue(err.contains("standard output"), err);
        }
    }
}
