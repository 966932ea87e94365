package org.recordingrate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The session's feedback mode cuts nothing (the retained mode has no truncation field: JShell then
 * shows a value whole, {@code Feedback.truncateValue}), and the library's sources are found for
 * Shift-Tab. The tool itself is driven in {@code JShellSessionIT}.
 */
class JShellPreferencesTest {

    @Test
    void theModeIsRetainedSelectedAndCutsNothing() throws Exception {
        JShellPreferences factory = new JShellPreferences();
        String mode = factory.userRoot().node("tool/JShell").get("MODE2", "");
        assertTrue(mode.startsWith("rr\u241etrue\u241e"), mode);
        assertTrue(mode.endsWith("***"), "one mode, ended as JShell ends it");
        assertFalse(mode.contains("<truncation>"), "no truncation field: every value whole");
        assertTrue(mode.contains("{name} ==> {value}"), "the normal mode's value display");
        assertEquals("rr", factory.userRoot().node("tool/JShell").get("FEEDBACK", ""));
        assertTrue(factory.systemRoot().keys().length == 0);
    }

    @Test
    void theLibrarysSourcesAreFoundForShiftTab() {
        String before = System.getProperty(Documentation.SOURCES_PROPERTY);
        try {
            System.setProperty(Documentation.SOURCES_PROPERTY, "src/main/java");
            assertEquals(Optional.of(Path.of("src/main/java").toAbsolutePath()), Documentation.ours());
            System.setProperty(Documentation.SOURCES_PROPERTY, "no/such/folder");
            assertEquals(Optional.empty(), Documentation.ours());
            System.clearProperty(Documentation.SOURCES_PROPERTY);
            // from target/classes: no sources jar beside it unless packaged, else src/main/java beside target
            Optional<Path> found = Documentation.ours();
            assertTrue(found.isPresent(), "src/main/java or a sources jar");
            assertTrue(found.get().toString().endsWith("-sources.jar") || found.get().endsWith(Path.of("src", "main", "java")),
                    found.toString());
        } finally {
            if (before == null) {
                System.clearProperty(Documentation.SOURCES_PROPERTY);
            } else {
                System.setProperty(Documentation.SOURCES_PROPERTY, before);
            }
        }
        // the JDK's own sources as JShell finds them: each module of a modular src.zip, or none
        for (Path module : Documentation.jdkSources()) {
            assertTrue(module.toString().contains("java.") || module.toString().contains("jdk.")
                    || module.toString().endsWith("src.zip"), module.toString());
        }
    }
}
