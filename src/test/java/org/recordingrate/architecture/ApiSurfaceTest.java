package org.recordingrate.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The API an embedder sees (issue 16, item 8): every package documented by a {@code package-info},
 * no public Javadoc pointing into {@code internal}, the command line's only public type its
 * {@code Main}, and every package listed in README's layout.
 */
class ApiSurfaceTest {

    private static final Path SOURCES = Path.of("src/main/java/org/recordingrate");

    private static List<Path> packages() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void everyPackageHasItsPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path dir : packages()) {
            if (!Files.exists(dir.resolve("package-info.java"))) {
                missing.add(dir.getFileName().toString());
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void noJavadocLinksIntoInternalOutsideIt() throws IOException {
        Set<String> internal = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("internal"))) {
            files.map(f -> f.getFileName().toString().replace(".java", "")).forEach(internal::add);
        }
        Pattern link = Pattern.compile("\\{@link(?:plain)?\\s+(?:org\\.recordingrate\\.internal\\.)?([A-Z]\\w*)");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (SOURCES.relativize(file).getName(0).toString().equals("internal")) {
                    continue;
                }
                Matcher m = link.matcher(Files.readString(file));
                while (m.find()) {
                    // a class of the same simple name in the file's own package is not the internal one
                    boolean own = Files.exists(file.resolveSibling(m.group(1) + ".java"));
                    if (internal.contains(m.group(1)) && !own) {
                        offenders.add(SOURCES.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCommandLineShowsOnlyItsMain() throws IOException {
        List<String> exposed = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("cli"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (Pattern.compile("^public (final |abstract )*(class|interface|enum|record) " + name + "\\b",
                        Pattern.MULTILINE).matcher(Files.readString(file)).find()) {
                    exposed.add(name);
                }
            }
        }
        assertEquals(List.of("Main"), exposed);
    }

    @Test
    void readmeListsEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Path dir : packages()) {
            String name = dir.getFileName().toString();
            assertTrue(readme.contains("`.../" + name + "`"), "README's layout names the package " + name);
        }
    }
}
