package org.recordingrate.forces;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference files of src/test/resources/forces, made by make-forces-reference.R (R 4.2.2, metafor
 * 3.8-1, VGAM 1.1-7; see the script for what each column reproduces). R writes 15 significant digits.
 */
final class Reference {

    private Reference() {
    }

    static List<CSVRecord> rows(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/forces/" + name)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scalars row of a data set. */
    static Map<String, String> scalars(String dataset) {
        return rows("forces-reference-scalars.csv").stream().filter(r -> r.get("dataset").equals(dataset)).findFirst()
                .orElseThrow().toMap();
    }

    static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static double number(CSVRecord row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** |actual - expected| <= tolerance * max(1, |expected|). */
    static void close(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + " (difference "
                    + (actual - expected) + ", tolerance " + tolerance + ")");
        }
    }
}
