package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recording-rate reproduce} on the seed report's figures (shared/reference/published-figures.csv). */
class ReproduceCommandTest {

    @TempDir
    Path dir;

    @Test
    void seedFiguresGiveThePublishedVerdicts() throws IOException {
        CliRun run = CliRun.of("reproduce", "--cases", "examples/data/figures.csv");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = EstimateCommandTest.csv(run.out());
        assertEquals(3, rows.size());
        for (CSVRecord row : rows) {
            assertEquals("statistically significant improvement", row.get("verdict"), row.toString());
        }
        assertEquals(List.of("category", "rate", "margin", "previous_rate", "previous_margin", "volume", "se", "lower",
                "upper", "implied_audited", "implied_audited_lower", "implied_audited_upper", "change", "z", "p_value",
                "verdict", "unrecorded", "more_than", "volume_lower", "volume_upper", "consistent", "notes"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals("4500", rows.get(0).get("more_than"));
        assertEquals(0.054, Double.parseDouble(rows.get(0).get("change")), 1e-12);
        assertEquals("", rows.get(1).get("unrecorded"), "no volume, no unrecorded crimes");
        assertEquals(1.0, Double.parseDouble(rows.get(2).get("upper")), "99.0 +/- 1.7 is clipped at 1 in CSV");
    }

    @Test
    void oneFigureAsText() {
        CliRun run = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--previous-rate", "87.8",
                "--previous-margin", "1.7", "--volume", "62000");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("statistically significant improvement"), run.out());
        assertTrue(run.out().contains("more than 4,500"), run.out());
        CliRun alone = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--format", "csv");
        assertEquals(0, alone.status(), alone.toString());
        assertTrue(alone.out().lines().count() == 2, alone.out());
    }

    @Test
    void badInput() throws IOException {
        CliRun run = CliRun.of("reproduce", "--rate", "93.2");
        assertEquals(2, run.status(), run.toString());
        run = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--previous-rate", "80");
        assertEquals(2, run.status(), run.toString());
        run = CliRun.of("reproduce", "--rate", "93.2", "--margin", "-2.3");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("margin") && run.err().contains("-2.3"), run.err());
        Path bad = dir.resolve("figures.csv");
        Files.writeString(bad, "rate,margin\n93.2,2.3\n930,2.3\n");
        run = CliRun.of("reproduce", "--cases", bad.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("line 3") && run.err().contains("930"), run.err());
    }
}
