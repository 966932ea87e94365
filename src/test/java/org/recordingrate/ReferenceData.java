package org.recordingrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference values of {@code shared/reference} (made with R 4.2.2, statsmodels 0.13.5 /
 * scipy 1.10.1 and 50-digit mpmath; see its README.md), read from the copy committed under
 * {@code src/test/resources/reference}. {@code ReferenceCopyTest} checks that the copy matches
 * {@code ../shared/reference} whenever that folder is present.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** One row: its 1-based line number in the file (header = line 1) and its cells by column. */
    public record Row(String file, long line, Map<String, String> cells) {

        public String text(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalStateException(file + " has no column " + column);
            }
            return value;
        }

        public long whole(String column) {
            return Long.parseLong(text(column));
        }

        public double number(String column) {
            return Double.parseDouble(text(column));
        }

        public boolean isEmpty(String column) {
            return text(column).isEmpty();
        }

        /** "single-proportion.csv line 12" for assertion messages. */
        public String where() {
            return file + " line " + line + " " + cells;
        }
    }

    /**
     * Every row of {@code reference/<file>}.
     *
     * @param file e.g. {@code "single-proportion.csv"}
     */
    public static List<Row> rows(String file) {
        return resource("/reference/" + file);
    }

    /**
     * Every row of a CSV test resource elsewhere, e.g. {@code "/incidents/incident-results.csv"}
     * (each such folder holds the script that made its files).
     */
    public static List<Row> resource(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(file, record.getRecordNumber() + 1, record.toMap()));
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException(resource + " has no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference tolerance for interval bounds: 1e-9 absolute, or 1e-7 relative for expected
     * values below 1e-3 (shared/reference/README.md).
     */
    public static boolean boundWithin(double expected, double actual) {
        double error = Math.abs(expected - actual);
        return error <= 1e-9 || (Math.abs(expected) < 1e-3 && error <= 1e-7 * Math.abs(expected));
    }
}
