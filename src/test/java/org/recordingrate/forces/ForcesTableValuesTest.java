package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every column of the forces' table carries the value its name promises (issue 20, mutation testing: the
 * columns' value functions could return nothing and no test saw it). The CSV writes doubles at full
 * precision (the shortest decimal that reads back the same), so each cell, read back, must equal the
 * accessor the column documents ({@link ForcesColumns}' class comment) exactly; the accessors themselves are
 * checked against R in {@link ForcesReferenceTest}. Empty cells appear only where the comment says so.
 */
class ForcesTableValuesTest {

    /** Four tallies with volumes and two groups: every optional column is present. */
    private static List<ForceFigure> tallies() {
        return List.of(ForceFigure.of("A", 90, 100).withVolume(1000).withGroup("North"),
                ForceFigure.of("B", 160, 200).withVolume(3000).withGroup("South"),
                ForceFigure.of("C", 280, 300).withVolume(2000).withGroup("North"),
                ForceFigure.of("D", 70, 100).withVolume(500).withGroup("South"));
    }

    private static List<CSVRecord> csv(ForcesResult result) {
        StringWriter out = new StringWriter();
        result.table().writeCsv(out);
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(out.toString())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented meaning of each result column, written out here from ForcesColumns' comment. */
    private static Map<String, Function<ForceResult, Object>> meanings(ForcesResult r) {
        Map<String, Function<ForceResult, Object>> m = new LinkedHashMap<>();
        m.put("force", ForceResult::name);
        m.put("group", f -> f.figure().group().orElseThrow());
        m.put("recorded", f -> f.figure().tally().orElseThrow().recorded());
        m.put("audited", f -> f.figure().tally().orElseThrow().audited());
        m.put("volume", f -> f.figure().volume().orElseThrow());
        m.put("rate", ForceResult::rate);
        m.put("se", f -> f.figure().standardError());
        m.put("effective_audited", f -> f.figure().effectiveAudited());
        m.put("target", f -> r.target());
        m.put("z", ForceResult::z);
        m.put("z_adjusted", ForceResult::zAdjusted);
        m.put("phi", f -> r.dispersion().phi());
        m.put("tau2", f -> r.dispersion().tau2());
        m.put("overdispersion", f -> r.applied().token());
        m.put("lower95", f -> f.limits().lower95());
        m.put("upper95", f -> f.limits().upper95());
        m.put("lower998", f -> f.limits().lower998());
        m.put("upper998", f -> f.limits().upper998());
        m.put("outlier", f -> f.outlier().token());
        m.put("outlier_unadjusted", f -> f.outlierUnadjusted().token());
        m.put("shrinkage", f -> r.shrinkage().token());
        m.put("shrunken", f -> f.shrunken().estimate());
        m.put("shrunken_se", f -> f.shrunken().se());
        m.put("shrunken_lower", f -> f.shrunken().lower());
        m.put("shrunken_upper", f -> f.shrunken().upper());
        m.put("rank", f -> f.rank().rank());
        m.put("rank_lower", f -> f.rank().lower());
        m.put("rank_upper", f -> f.rank().upper());
        m.put("rank_lower_simultaneous", f -> f.rank().lowerSimultaneous());
        m.put("rank_upper_simultaneous", f -> f.rank().upperSimultaneous());
        m.put("national_rate", f -> r.national().orElseThrow().rate());
        m.put("national_lower", f -> r.national().orElseThrow().lower());
        m.put("national_upper", f -> r.national().orElseThrow().upper());
        m.put("group_rate", f -> f.group().orElseThrow().rate());
        m.put("group_lower", f -> f.group().orElseThrow().lower());
        m.put("group_upper", f -> f.group().orElseThrow().upper());
        return m;
    }

    private static void sameAsAccessors(ForcesResult result, List<String> expectedColumns) {
        List<CSVRecord> rows = csv(result);
        assertEquals(result.forces().size(), rows.size());
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertEquals(expectedColumns, header.subList(0, header.size() - 1), "columns");
        Map<String, Function<ForceResult, Object>> meanings = meanings(result);
        for (int i = 0; i < rows.size(); i++) {
            ForceResult f = result.forces().get(i);
            for (String column : expectedColumns) {
                String cell = rows.get(i).get(column);
                Object expected = meanings.get(column).apply(f);
                String what = f.name() + " " + column + " = '" + cell + "'";
                assertFalse(cell.isEmpty(), what);
                if (expected instanceof Double d) {
                    assertEquals(d, Double.parseDouble(cell), 0, what);
                } else if (expected instanceof Number n) {
                    assertEquals(n.longValue(), Long.parseLong(cell), what);
                } else {
                    assertEquals(expected, cell, what);
                }
            }
        }
    }

    private static final List<String> RESULTS = List.of("rate", "se", "effective_audited", "target", "z", "z_adjusted",
            "phi", "tau2", "overdispersion", "lower95", "upper95", "lower998", "upper998", "outlier",
            "outlier_unadjusted", "shrinkage", "shrunken", "shrunken_se", "shrunken_lower", "shrunken_upper", "rank",
            "rank_lower", "rank_upper", "rank_lower_simultaneous", "rank_upper_simultaneous", "national_rate",
            "national_lower", "national_upper");

    @Test
    void everyCellIsItsAccessor_withGroupsAndVolumes() {
        ForcesResult result = Forces.withDefaults().withReplicates(2_000).analyse(tallies());
        List<String> columns = new java.util.ArrayList<>(List.of("force", "group", "recorded", "audited", "volume"));
        columns.addAll(RESULTS);
        columns.addAll(List.of("group_rate", "group_lower", "group_upper"));
        sameAsAccessors(result, columns);
    }

    @Test
    void everyCellIsItsAccessor_betaBinomialOnTheBundledViolence() {
        ForcesResult result = ForcesReferenceTest.procedure().with(Shrinkage.BETA_BINOMIAL)
                .analyse(ForcesFile.read(ForcesReferenceTest.FORCES, ForcesFile.Options.defaults()
                        .withCategory("violence")));
        List<String> columns = new java.util.ArrayList<>(List.of("force", "recorded", "audited", "volume"));
        columns.addAll(RESULTS);
        sameAsAccessors(result, columns);
    }
}
