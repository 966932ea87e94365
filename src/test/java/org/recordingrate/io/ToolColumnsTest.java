package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The names {@code --columns} may map are exactly what the readers read (issue 16: unknown names refused). */
class ToolColumnsTest {

    /**
     * A row's column read by a literal name: {@code row.text("rate")}, {@code input.require("recorded",
     * "audited")}; names built at run time ({@code "recorded_" + side}) are covered by the literal pairs.
     */
    private static final Pattern READ = Pattern.compile(
            "\\b(?:row|input|raw|read|rows|columns|figures|cases)\\.(?:has|require|text|number|whole|isBlank|located|optional|fraction|count)\\(((?:\"[a-z_]+\"(?:, *)?)+)[,)]");
    private static final Pattern NAME = Pattern.compile("\"([a-z_]+)\"");

    @Test
    void everyNameAReaderReadsIsKnown() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/recordingrate"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(file));
                while (m.find()) {
                    Matcher name = NAME.matcher(m.group(1));
                    while (name.find()) {
                        read.add(name.group(1));
                    }
                }
            }
        }
        assertTrue(read.size() >= 15, "the scan finds the readers' names: " + read);
        for (String name : read) {
            assertTrue(ToolColumns.known(name), name + " is read by a reader but not in ToolColumns");
        }
        // the record-level fields, by their canonical names, and the volumes file's
        for (String field : List.of("record_id", "category", "recorded", "should_record", "inspection", "incident_id",
                "volume", "population")) {
            assertTrue(ToolColumns.known(field), field);
        }
    }

    @Test
    void matchingIgnoresCaseAndSpaces_andTheNearestNamesAreOffered() {
        assertTrue(ToolColumns.known(" Rate "));
        assertFalse(ToolColumns.known("rte"));
        assertFalse(ToolColumns.known("rate_pct"), "a file's own name is the right-hand side, not a tool name");
        assertEquals("rate", ToolColumns.nearest("rte").get(0));
        assertEquals("margin", ToolColumns.nearest("margni").get(0));
        assertEquals(List.of(), ToolColumns.nearest("zzzzzzzzzzzz"));
        // the mapping's right-hand sides of README's examples are a file's names, never the tool's
        for (String fileName : List.of("rate_pct", "ci_halfwidth_pct", "crime_type", "Recording rate (%)")) {
            assertFalse(ToolColumns.known(fileName), fileName);
        }
    }
}
