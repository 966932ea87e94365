package org.recordingrate.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house of packages (DESIGN.md, "Shape of the code"), read from the sources' imports and
 * fully qualified references: each package uses only packages on its own floor or below, the
 * domain never uses presentation, nothing lives in the root package, and no two packages use each
 * other (no cycle).
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/recordingrate");
    private static final Pattern USE = Pattern.compile("org\\.recordingrate\\.([a-z]+)\\.");

    /** Floor of each package: a package may use packages whose floor is not above its own. */
    private static final Map<String, Integer> FLOOR = Map.ofEntries(
            Map.entry("error", 0), Map.entry("internal", 0), Map.entry("format", 0),
            Map.entry("model", 1),
            Map.entry("estimate", 2), Map.entry("io", 2),
            Map.entry("compare", 3), Map.entry("reproduce", 3),
            Map.entry("resample", 4), Map.entry("plan", 4), Map.entry("select", 4),
            Map.entry("forces", 5), Map.entry("trend", 5), Map.entry("posterior", 5), Map.entry("coverage", 5),
            Map.entry("report", 6),
            Map.entry("shell", 7), Map.entry("cli", 7));

    /** Packages that are presentation: the domain never uses them. */
    private static final Set<String> PRESENTATION = Set.of("report", "cli", "shell");

    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                assertTrue(relative.getNameCount() == 2, "every class lives in a package below org.recordingrate: "
                        + relative);
                String own = relative.getName(0).toString();
                // comments may name other packages in prose; only code counts
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        uses.computeIfAbsent(own, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
                uses.computeIfAbsent(own, k -> new TreeSet<>());
            }
        }
        return uses;
    }

    @Test
    void everyPackageUsesOnlyItsFloorOrBelow() throws IOException {
        List<String> upward = new ArrayList<>();
        Map<String, Set<String>> uses = uses();
        for (var entry : uses.entrySet()) {
            Integer floor = FLOOR.get(entry.getKey());
            assertTrue(floor != null, "package " + entry.getKey() + " has a place in the house (DESIGN.md)");
            for (String used : entry.getValue()) {
                if (FLOOR.getOrDefault(used, 99) > floor) {
                    upward.add(entry.getKey() + " -> " + used);
                }
            }
        }
        assertEquals(List.of(), upward, "imports that run back up the house");
    }

    @Test
    void theDomainNeverUsesPresentation() throws IOException {
        List<String> offenders = new ArrayList<>();
        uses().forEach((pkg, used) -> {
            if (!PRESENTATION.contains(pkg)) {
                used.stream().filter(PRESENTATION::contains).forEach(u -> offenders.add(pkg + " -> " + u));
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void noTwoPackagesDependOnEachOther() throws IOException {
        Map<String, Set<String>> uses = uses();
        // a cycle means some package reaches itself
        Map<String, Set<String>> reach = new HashMap<>();
        for (String start : uses.keySet()) {
            Set<String> seen = new TreeSet<>();
            List<String> todo = new ArrayList<>(uses.get(start));
            while (!todo.isEmpty()) {
                String next = todo.remove(todo.size() - 1);
                if (seen.add(next)) {
                    todo.addAll(uses.getOrDefault(next, Set.of()));
                }
            }
            reach.put(start, seen);
        }
        List<String> cycles = reach.entrySet().stream().filter(e -> e.getValue().contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), cycles, "packages on a cycle: " + uses);
    }
}
