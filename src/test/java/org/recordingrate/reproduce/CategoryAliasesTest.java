package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.error.ArgumentException;

/** The inspectorate's changing labels read as one category. */
class CategoryAliasesTest {

    @Test
    void theBuiltInReadingOfReportLabels() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("all reported crime (excluding fraud)", "all crime"),
                Map.entry("all crime (excl. fraud)", "all crime"),
                Map.entry("All  Crime", "all crime"),
                Map.entry("reported crime", "all crime"),
                Map.entry("reported violent crime", "violence"),
                Map.entry("violence against the person", "violence"),
                Map.entry("reported violent offences", "violence"),
                Map.entry("reported violence", "violence"),
                Map.entry("reported sexual offences", "sexual offences"),
                Map.entry("sexual offences", "sexual offences"),
                Map.entry("other crime", "other crime"),
                Map.entry("reported other crime", "other crime"),
                Map.entry("reported rape offences", "rape"),
                Map.entry("reported burglary", "burglary"),
                Map.entry("reported public order offences", "public order"));
        expected.forEach((label, category) -> assertEquals(category, CategoryAliases.none().category(label), label));
    }

    @Test
    void yourAliasesComeFirst() {
        CategoryAliases aliases = CategoryAliases.none().parse("all crime (excl. fraud)=all recorded crime")
                .parse("violence against the person=VAP");
        assertEquals("all recorded crime", aliases.category("All crime (excl. fraud)"));
        assertEquals("VAP", aliases.category("reported violence against the person"));
        assertEquals("sexual offences", aliases.category("sexual offences"));
        // for pairing a file's rows: aliases alone, no built-in reading
        assertEquals("VAP", aliases.alias("Violence  against the person"));
        assertEquals("reported violent crime", aliases.alias("reported violent crime"));
        // a label given again takes the later category; the last '=' splits
        assertEquals("b", CategoryAliases.none().parse("x=a").parse("x=b").category("x"));
        assertEquals("c", CategoryAliases.none().parse("a=b=c").category("a=b"));
    }

    @Test
    void badAliasesAreRefusedByName() {
        for (String bad : new String[] {"no equals sign", "=all crime", "all crime=", " = "}) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> CategoryAliases.none().parse(bad));
            assertEquals("alias", e.argument(), bad);
        }
    }

    @Test
    void anAliasFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("aliases.csv");
        Files.writeString(file, "label,category\nall crime (excl. fraud),all crime\r\nVAP,violence\n");
        CategoryAliases aliases = CategoryAliases.none().read(file);
        assertEquals("all crime", aliases.alias("ALL CRIME (EXCL. FRAUD)"));
        assertEquals("violence", aliases.alias("vap"));
        Files.writeString(file, "label,category\nVAP,\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CategoryAliases.none().read(file));
        assertEquals(file + " line 2, column label: 'VAP' is invalid: alias ('VAP=') needs a label and a category,"
                + " as in \"all crime (excl. fraud)=all crime\"", e.getMessage());
    }
}
