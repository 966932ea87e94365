package org.recordingrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests read the reference values from the copy under src/test/resources/reference so that
 * CI needs nothing outside the checkout. When the team's shared folder is beside the checkout,
 * this test fails if the copy has fallen behind it.
 */
class ReferenceCopyTest {

    private static final Path SHARED = Path.of("..", "shared", "reference");

    @Test
    void committedCopyMatchesSharedReference() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "no ../shared/reference beside this checkout");
        int compared = 0;
        try (Stream<Path> files = Files.list(SHARED)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".csv"))::iterator) {
                try (InputStream copy = getClass().getResourceAsStream("/reference/" + file.getFileName())) {
                    assertTrue(copy != null, "no copy of " + file + " under src/test/resources/reference");
                    assertArrayEquals(Files.readAllBytes(file), copy.readAllBytes(), file + " differs from the copy");
                }
                compared++;
            }
        }
        assertTrue(compared >= 6, "expected the six reference files, found " + compared);
    }
}
