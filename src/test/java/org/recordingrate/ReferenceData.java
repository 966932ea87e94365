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
     * Every row of {@code <folder>/<file>} among the test resources, e.g.
     * {@code rows("reference-extended", "single-proportion-extended.csv")} (the 80-digit values
     * made by {@code reference-extended/make_extended_reference.py}).
     */
    public static List<Row> rows(String folder, String file) {
        return resource("/" + folder + "/" + file);
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
     * The reference tolerance for interval bounds (shared/reference/README.md), exactly as
     * {@code shared/check-cli} applies it: for |expected| &lt; 1e-3 the error must be at most
     * 1e-7 |expected| (relative); otherwise at most 1e-9 (absolute). The two rules never combine:
     * a bound of 1e-12 must be right to 1e-19, not to 1e-9. NaN is never within.
     */
    public static boolean boundWithin(double expected, double actual) {
        double error = Math.abs(expected - actual);
        if (Math.abs(expected) < 1e-3) {
            return error <= 1e-7 * Math.abs(expected);
        }
        return error <= 1e-9;
    }

    /**
     * The error of {@code actual} in the unit of the tolerance of {@link #boundWithin}: the
     * relative error divided by 1e-7 below 1e-3, else the absolute error divided by 1e-9; within
     * the tolerance exactly when at most 1 (NaN when either is NaN).
     */
    public static double boundError(double expected, double actual) {
        double error = Math.abs(expected - actual);
        if (Math.abs(expected) < 1e-3) {
            return expected == 0 ? (error == 0 ? 0 : Double.POSITIVE_INFINITY) : error / (1e-7 * Math.abs(expected));
        }
        return error / 1e-9;
    }
}
