package org.recordingrate.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The jars {@code mvn package} builds, checked after it (failsafe, integration-test phase): what
 * embedders get is the library without the command line, with a stable module name, sources and
 * Javadoc beside it, and every entry stamped with the fixed build time that makes two builds of
 * one commit byte-identical ({@code .ci/run} also builds twice and compares the bytes).
 */
class PackagingIT {

    private static final Path TARGET = Path.of("target");

    private static Path jar(String suffix) throws IOException {
        try (var files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("recording-rate-[0-9][0-9.]*(-SNAPSHOT)?" + suffix
                            + "\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no recording-rate-*" + suffix + ".jar in target"));
        }
    }

    @Test
    void theLibraryJarHoldsNoClassThatNeedsPicocli() throws IOException {
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        try (JarFile library = new JarFile(jar("").toFile())) {
            for (JarEntry entry : library.stream().toList()) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                // a class that uses picocli names it in its constant pool
                String bytes = new String(library.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (bytes.contains("picocli") || entry.getName().startsWith("org/recordingrate/cli/")) {
                    offenders.add(entry.getName());
                }
            }
        }
        assertTrue(classes > 50, "the library jar holds the library: " + classes + " classes");
        assertEquals(List.of(), offenders);
    }

    @Test
    void theLibraryHasAStableModuleNameAndTheCliJarRunsAlone() throws IOException {
        try (JarFile library = new JarFile(jar("").toFile())) {
            assertEquals("org.recordingrate", library.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
        try (JarFile cli = new JarFile(TARGET.resolve("recording-rate-cli.jar").toFile())) {
            assertEquals("org.recordingrate.cli.Main", cli.getManifest().getMainAttributes().getValue("Main-Class"));
            for (String inside : List.of("picocli/CommandLine.class", "org/apache/commons/math3/special/Erf.class",
                    "org/apache/commons/csv/CSVParser.class", "org/recordingrate/cli/Main.class")) {
                assertTrue(cli.getEntry(inside) != null, "the cli jar holds " + inside);
            }
        }
    }

    @Test
    void sourcesAndJavadocJarsAreBuilt() throws IOException {
        try (JarFile sources = new JarFile(jar("-sources").toFile())) {
            assertTrue(sources.getEntry("org/recordingrate/estimate/IntervalMethod.java") != null);
            assertFalse(sources.stream().anyMatch(e -> e.getName().startsWith("org/recordingrate/cli/")));
        }
        try (JarFile javadoc = new JarFile(jar("-javadoc").toFile())) {
            // the pages sit under the module name's folder (org.recordingrate/) when javadoc sees one
            assertTrue(javadoc.stream().anyMatch(e -> e.getName().endsWith("org/recordingrate/estimate/IntervalMethod.html")));
            assertFalse(javadoc.stream().anyMatch(e -> e.getName().contains("org/recordingrate/internal/")),
                    "internal is not documented as API");
            assertFalse(javadoc.stream().anyMatch(e -> e.getName().contains("org/recordingrate/cli/")),
                    "the command line is not library API");
        }
    }

    @Test
    void everyEntryCarriesTheFixedBuildTime() throws IOException {
        String timestamp = System.getProperty("outputTimestamp", "2026-12-01T00:00:00Z");
        long fixed = Instant.parse(timestamp).toEpochMilli();
        for (Path jar : List.of(jar(""), jar("-sources"), jar("-javadoc"), TARGET.resolve("recording-rate-cli.jar"))) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    // zip stores local time at 2-second resolution: compare the instant within a day's offset
                    long difference = Math.abs(entry.getLastModifiedTime().toMillis() - fixed);
                    assertTrue(difference <= 14 * 3600_000L, jar + " " + entry.getName() + " has time "
                            + entry.getLastModifiedTime());
                }
            }
        }
    }
}
