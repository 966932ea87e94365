package org.recordingrate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.forces.Outlier;

/** The token rule, written once: the default token, reading, and every token enum held to it. */
class TokenTest {

    private enum Colour implements Token {
        DARK_RED
    }

    @Test
    void theDefaultTokenIsTheConstantsNameInLowerCase_andIsRead() {
        assertEquals("dark_red", Colour.DARK_RED.token());
        assertEquals("dark_red", Colour.DARK_RED.displayName(), "the display name defaults to the token");
        assertSame(Colour.DARK_RED, Token.parse(Colour.class, "colour", " Dark-Red "));
        ArgumentException unknown = assertThrows(ArgumentException.class, () -> Token.parse(Colour.class, "colour", "red"));
        assertTrue(unknown.getMessage().contains("'red'") && unknown.getMessage().contains("dark_red"),
                unknown.getMessage());
        Token notAnEnum = new Token() {
        };
        assertThrows(UnsupportedOperationException.class, notAnEnum::token);
    }

    @Test
    void aConstantMayOverrideItsToken() {
        assertEquals("95", Outlier.BEYOND_95.token());
        assertSame(Outlier.BEYOND_99_8, Token.parse(Outlier.class, "outlier", "99.8"));
        assertSame(Alternative.IMPROVED, Token.parse(Alternative.class, "alternative", "greater"));
    }

    /** Every token enum in the sources: tokens unique, in the reading rule's normal form, and read back. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyTokenEnumReadsBackEachOfItsTokens() throws IOException, ClassNotFoundException {
        Path root = Path.of("src/main/java");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        int enums = 0;
        for (Path file : sources) {
            String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!type.isEnum() || !Token.class.isAssignableFrom(type)) {
                continue;
            }
            enums++;
            Set<String> seen = new HashSet<>();
            for (Object constant : type.getEnumConstants()) {
                String token = ((Token) constant).token();
                assertEquals(token.toLowerCase(Locale.ROOT), token, name);
                assertTrue(seen.add(token), name + ": " + token + " twice");
                assertSame(constant, Token.parse((Class) type, "choice", token.toUpperCase(Locale.ROOT)), name);
            }
        }
        assertTrue(enums >= 15, "found " + enums + " token enums");
    }
}
