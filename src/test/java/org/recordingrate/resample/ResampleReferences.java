package org.recordingrate.resample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.recordingrate.ReferenceData;
import org.recordingrate.model.Inspection;

/**
 * The resample package's reference files under {@code src/test/resources/resample}, made by the
 * committed scripts there: {@code make-boot-reference.R} (R 4.2.2, boot 1.3-28.1) and
 * {@code make-scipy-reference.py} (scipy 1.10.1, numpy 1.24.2).
 */
final class ResampleReferences {

    private ResampleReferences() {
    }

    /** Every row of {@code resample/<file>} as column-to-cell maps. */
    static List<Map<String, String>> rows(String file) {
        try (InputStream in = ResampleReferences.class.getResourceAsStream("/resample/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /resample/" + file);
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The designs of the shared {@code reference/stratified-designs.csv}, as inspections, in file order. */
    static Map<String, Inspection> designs() {
        Map<String, Inspection.Builder> builders = new LinkedHashMap<>();
        for (ReferenceData.Row row : ReferenceData.rows("stratified-designs.csv")) {
            builders.computeIfAbsent(row.text("design"), Inspection::builder)
                    .category(row.text("category"), row.whole("recorded"), row.whole("audited"), row.whole("volume"));
        }
        Map<String, Inspection> designs = new LinkedHashMap<>();
        builders.forEach((name, builder) -> designs.put(name, builder.build()));
        return designs;
    }

    /**
     * A Monte Carlo distribution of given replicates, with the sums, ties (compared in doubles,
     * as R and scipy do) and acceleration that the interval methods read.
     */
    static MonteCarloDistribution distribution(double[] values, double estimate, double acceleration,
                                               double observedSe, double lowest, double highest) {
        double s1 = 0;
        double s2 = 0;
        long below = 0;
        long equal = 0;
        for (double t : values) {
            s1 += t - estimate;
            s2 += (t - estimate) * (t - estimate);
            below += t < estimate ? 1 : 0;
            equal += t == estimate ? 1 : 0;
        }
        return new MonteCarloDistribution(values, estimate, s1, s2, below, equal, acceleration, observedSe, lowest,
                highest);
    }
}
