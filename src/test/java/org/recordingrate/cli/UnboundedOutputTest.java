package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Valid input never gives NaN or a stray infinity; a value that is genuinely unbounded (unrecorded
 * crimes when nothing was recorded) is said so the one documented way per format: {@code Inf} in
 * CSV, {@code "Inf"} in JSON, "unbounded" in text.
 */
class UnboundedOutputTest {

    @TempDir
    Path dir;

    @Test
    void nothingRecordedIsUnboundedInEveryFormat() throws IOException {
        Path file = dir.resolve("none.csv");
        Files.writeString(file, "category,recorded,audited,volume\nviolence,0,20,100\nother,0,10,50\n");
        CliRun csv = CliRun.of("estimate", file.toString(), "--format", "csv");
        assertEquals(0, csv.status(), csv.toString());
        CSVRecord all = EstimateCommandTest.csv(csv.out()).get(2);
        assertEquals("all crime", all.get("category"));
        assertEquals("Inf", all.get("unrecorded"));
        assertEquals("Inf", all.get("more_than"));
        assertFalse(csv.out().contains("NaN"), csv.out());
        CliRun json = CliRun.of("estimate", file.toString(), "--format", "json");
        assertTrue(json.out().contains("\"unrecorded\": \"Inf\"") && json.out().contains("\"more_than\": \"Inf\""),
                json.out());
        assertFalse(json.out().contains("NaN") || json.out().contains("Infinity"), json.out());
        CliRun text = CliRun.of("estimate", file.toString(), "--format", "text");
        assertTrue(text.out().contains("unbounded"), text.out());
    }

    @Test
    void tinyMarginsAreRefusedRatherThanGivingAnInfiniteImpliedCount() {
        // margin 1e-300: p(1 - p)(z / margin)^2 overflows a double; the supported margins start at 1e-7 percent
        assertThrows(IllegalArgumentException.class, () -> PublishedFigure.fromPercent(93.2, 1e-300));
        double smallest = PublishedFigure.fromPercent(93.2, 1e-7).impliedAudited();
        assertTrue(Double.isFinite(smallest) && smallest > 0, "finite at the end of the range: " + smallest);
        BadInputTest.badData(CliRun.of("reproduce", "--rate", "93.2", "--margin", "1e-300"), "margin", "1e-7");
    }
}
