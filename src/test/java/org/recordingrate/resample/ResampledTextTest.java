package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.CsvText;
import org.recordingrate.compare.Alternative;
import org.recordingrate.format.Percent;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;

/**
 * What the resampling results say in words and tables: each line assembled from the result's own
 * numbers in the form its Javadoc documents, each table's columns and cells, each note carried. A
 * result that printed an empty line, lost its settings, swapped its separators or dropped a column
 * fails here.
 */
class ResampledTextTest {

    private static final Inspection CDI = Inspection.builder("CDI 2017")
            .category("violence", 160, 200, 24_000)
            .category("other crime", 180, 200, 33_000)
            .build();
    private static final Inspection PEEL = Inspection.builder("PEEL 2022")
            .category("violence", 176, 200, 25_000)
            .category("other crime", 186, 200, 35_000)
            .build();
    private static final Bootstrap BOOTSTRAP = Bootstrap.withDefaults().withReplicates(2_000).withSeed(11);

    @Test
    void aTallyBootstrapSaysTheRateTheIntervalAndTheTally() {
        Tally tally = Tally.of(180, 202);
        BootstrapEstimate e = BOOTSTRAP.with(BootstrapInterval.PERCENTILE).estimate(tally);
        String line = Percent.format(e.estimate()) + " (95% CI " + Percent.format(e.lower()) + " to "
                + Percent.format(e.upper()) + ", " + BootstrapInterval.PERCENTILE.displayName() + ", 2,000 replicates, seed 11)";
        assertEquals(line, e.toString());
        assertEquals(2_000, e.replicates());
        TallyBootstrap result = new TallyBootstrap(tally, e);
        assertEquals(line + ", " + tally, result.toString());
        assertTrue(result.summary().startsWith(result + "\nstandard error "), result.summary());
        assertTrue(result.summary().contains(", bias " + Percent.points(e.bias())), result.summary());
        assertTrue(e.summary().startsWith(line + "\nstandard error "), e.summary());
        assertTrue(e.summary().contains(String.format(java.util.Locale.ROOT, "bias %.3g (fractions)", e.bias())), e.summary());
        List<String> csv = CsvText.lines(result.table());
        assertEquals("recorded,audited,confidence,rate,lower,upper,margin,se,interval,replicates,seed,notes", csv.get(0));
        String[] row = csv.get(1).split(",", -1);
        assertEquals("180", row[0]);
        assertEquals("202", row[1]);
        assertEquals(e.lower(), Double.parseDouble(row[4]), 1e-12);
        assertEquals(e.upper(), Double.parseDouble(row[5]), 1e-12);
        assertEquals("2000", row[9]);
        assertEquals("11", row[10]);
        List<String> alone = CsvText.lines(e.table());
        assertEquals("estimate,lower,upper,margin,se,interval,replicates,seed,notes", alone.get(0));
        assertEquals(e.estimate(), Double.parseDouble(alone.get(1).split(",")[0]), 1e-12);
        assertEquals(e.notes(), result.notes());
    }

    @Test
    void aBootstrapAtTheEdgeCarriesItsNoteEverywhere() {
        // every audited crime recorded: the bootstrap distribution is a single point, and says so
        BootstrapEstimate e = BOOTSTRAP.estimate(Tally.of(50, 50));
        assertFalse(e.notes().isEmpty(), "a degenerate bootstrap distribution is noted");
        TallyBootstrap result = new TallyBootstrap(Tally.of(50, 50), e);
        assertEquals(e.notes(), result.notes());
        for (String note : e.notes()) {
            assertTrue(result.summary().contains(note), result.summary());
            assertTrue(e.summary().contains(note), e.summary());
        }
        assertTrue(Resampled.noteLines(e.notes()).endsWith("\n"));
        assertEquals("", Resampled.noteLines(List.of()));
        ChangeBootstrap change = new ChangeBootstrap(Tally.of(50, 50), Tally.of(40, 40), BOOTSTRAP.compare(Tally.of(50, 50),
                Tally.of(40, 40)));
        assertEquals(change.estimate().notes(), change.notes());
        assertFalse(change.notes().isEmpty());
    }

    @Test
    void aChangeBootstrapSaysTheChangeInPoints() {
        Tally before = Tally.of(160, 200);
        Tally after = Tally.of(176, 200);
        BootstrapEstimate e = BOOTSTRAP.with(BootstrapInterval.PERCENTILE).compare(before, after);
        String line = Percent.points(e.estimate()) + " (95% CI " + Percent.range(e.lower(), e.upper()) + ", "
                + BootstrapInterval.PERCENTILE.displayName() + ", 2,000 replicates, seed 11)";
        assertEquals(line, e.changeSummary());
        ChangeBootstrap result = new ChangeBootstrap(before, after, e);
        assertEquals("change " + before + " -> " + after + ": " + line, result.toString());
        assertTrue(result.summary().startsWith(result + String.format(java.util.Locale.ROOT,
                "%nstandard error %.2f points, bias ", 100 * e.standardError())), result.summary());
        List<String> csv = CsvText.lines(result.table());
        assertTrue(csv.get(0).startsWith("recorded_before,audited_before,recorded_after,audited_after,confidence,"), csv.get(0));
        assertEquals(List.of("160", "200", "176", "200", "0.95"), List.of(csv.get(1).split(",")).subList(0, 5));
        assertEquals(List.of(), result.notes());
    }

    @Test
    void anExactBootstrapSaysItHasNoMonteCarloError() {
        BootstrapEstimate e = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).estimate(Tally.of(18, 20));
        assertEquals(0, e.replicates());
        // 21 values of 18 of 20 are held exactly: no lattice, so no error of any kind
        assertEquals(0.0, e.latticeError().orElseThrow());
        assertTrue(e.toString().endsWith(", " + BootstrapInterval.EXACT.displayName() + ", no Monte Carlo error)"),
                e.toString());
        BootstrapInspectionEstimate all = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).estimate(CDI);
        String settings = Lines.settings(all.allCrime().rate());
        assertTrue(settings.startsWith(BootstrapInterval.EXACT.displayName() + ", 95% CI, "), settings);
        assertFalse(settings.contains("replicates"), settings);
    }

    @Test
    void anInspectionBootstrapShowsEveryRowOnOneLine() {
        BootstrapInspectionEstimate e = BOOTSTRAP.estimate(PEEL);
        StringBuilder expected = new StringBuilder("PEEL 2022 (" + e.allCrime().rate().method().displayName()
                + ", 95% CI, 2,000 replicates, seed 11): ");
        List<BootstrapRow> rows = e.rows();
        for (int i = 0; i < rows.size(); i++) {
            BootstrapEstimate r = rows.get(i).rate();
            expected.append(rows.get(i).category()).append(' ').append(Percent.format(r.estimate())).append(" (")
                    .append(Percent.format(r.lower())).append(" to ").append(Percent.format(r.upper())).append(')')
                    .append(i < rows.size() - 2 ? ", " : i == rows.size() - 2 ? "; " : "");
        }
        assertEquals(expected.toString(), e.toString());
        assertEquals(3, rows.size(), "two categories and all crime");
        assertFalse(rows.get(0).isAllCrime());
        assertTrue(rows.get(2).isAllCrime());
        assertTrue(rows.get(0).toString().contains(Percent.format(rows.get(0).rate().estimate())), rows.get(0).toString());
    }

    @Test
    void anInspectionChangeBootstrapShowsEveryRowOnOneLine() {
        BootstrapInspectionChange c = BOOTSTRAP.compare(CDI, PEEL);
        List<BootstrapChangeRow> rows = c.rows();
        StringBuilder expected = new StringBuilder("CDI 2017 -> PEEL 2022 (" + c.allCrime().change().method().displayName()
                + ", 95% CI, 2,000 replicates, seed 11): ");
        for (int i = 0; i < rows.size(); i++) {
            BootstrapChangeRow row = rows.get(i);
            expected.append(row.category()).append(row.isAllCrime() ? " " + Percent.format(row.before()) + " -> "
                    + Percent.format(row.after()) + "," : "").append(' ').append(Percent.points(row.change().estimate()))
                    .append(" (").append(Percent.range(row.change().lower(), row.change().upper())).append(')')
                    .append(i < rows.size() - 2 ? ", " : i == rows.size() - 2 ? "; " : "");
        }
        assertEquals(expected.toString(), c.toString());
        assertFalse(rows.get(0).isAllCrime());
        assertTrue(rows.get(rows.size() - 1).isAllCrime());
        assertTrue(rows.get(0).toString().contains(rows.get(0).category()), rows.get(0).toString());
        List<String> csv = CsvText.lines(ResampleColumns.inspectionChanges(List.of(c)));
        assertTrue(csv.get(0).startsWith("inspection_before,inspection_after,category,rate_before,rate_after,change,"),
                csv.get(0));
        String[] first = csv.get(1).split(",", -1);
        assertEquals(List.of("CDI 2017", "PEEL 2022", "violence"), List.of(first).subList(0, 3));
        assertEquals(0.8, Double.parseDouble(first[3]), 1e-12);
        assertEquals(0.88, Double.parseDouble(first[4]), 1e-12);
        assertEquals(0.08, Double.parseDouble(first[5]), 1e-12);
    }

    @Test
    void notesFollowTheItemsAfterSemicolons() {
        Result noted = new TallyBootstrap(Tally.of(50, 50), BOOTSTRAP.estimate(Tally.of(50, 50)));
        String note = noted.notes().get(0);
        assertEquals("head: a, b; c; " + note, Lines.join("head", List.of("a", "b", "c"), noted));
        assertEquals("head: a; b; " + note, Lines.join("head", List.of("a", "b"), noted));
        assertEquals("head: only; " + note, Lines.join("head", List.of("only"), noted));
        Result quiet = new TallyBootstrap(Tally.of(40, 50), BOOTSTRAP.estimate(Tally.of(40, 50)));
        assertEquals("head: only", Lines.join("head", List.of("only"), quiet));
    }

    @Test
    void permutationResultsSayTheirMethodAndReplicates() {
        Tally before = Tally.of(16, 20);
        Tally after = Tally.of(19, 20);
        PermutationResult exact = PermutationTest.withDefaults().permute(before, after, Alternative.IMPROVED);
        assertEquals(PermutationMethod.EXACT_ENUMERATION, exact.method(), "20 and 20 are enumerated");
        assertEquals(0, exact.replicates());
        assertEquals(Percent.points(0.15) + ", improved: p = " + Percent.pValue(exact.pValue()) + " (exact enumeration)",
                exact.toString());
        assertEquals("exact enumeration", PermutationMethod.EXACT_ENUMERATION.toString());
        assertEquals(exact + "\n", exact.summary());
        List<String> csv = CsvText.lines(exact.table());
        assertTrue(csv.get(0).startsWith("alternative,"), csv.get(0));
        assertEquals("improved", csv.get(1).split(",")[0]);
        assertTrue(csv.get(1).contains(",exact"), csv.get(1));
        TallyPermutation tallies = new TallyPermutation(before, after, exact);
        assertEquals(before + " -> " + after + ": " + exact, tallies.toString());
        assertEquals(tallies + "\n", tallies.summary());
        assertEquals(exact.notes(), tallies.notes());
        List<String> both = CsvText.lines(tallies.table());
        assertEquals(List.of("16", "20", "19", "20"), List.of(both.get(1).split(",")).subList(0, 4));
        PermutationResult drawn = PermutationTest.withDefaults().withReplicates(5_000).withSeed(3)
                .with(Enumeration.NEVER).permute(before, after, Alternative.TWO_SIDED);
        assertEquals(PermutationMethod.MONTE_CARLO, drawn.method());
        assertEquals(5_000, drawn.replicates());
        assertTrue(drawn.toString().endsWith(" (monte carlo, 5,000 replicates, seed 3, MC error "
                + String.format(java.util.Locale.ROOT, "%.2g", drawn.monteCarlo().orElseThrow().standardError()) + ")"),
                drawn.toString());
        assertEquals("monte carlo, 5,000 replicates, seed 3", Lines.method(drawn));
        assertEquals("exact enumeration", Lines.method(exact));
    }

    @Test
    void inspectionPermutationsShowEveryRowOnOneLine() {
        PermutationInspectionResult r = PermutationTest.withDefaults().permuteAll(CDI, PEEL, Alternative.TWO_SIDED);
        List<PermutationRow> rows = r.rows();
        StringBuilder expected = new StringBuilder("CDI 2017 -> PEEL 2022 (permutation tests, two-sided, "
                + Lines.methods(rows) + "): ");
        for (int i = 0; i < rows.size(); i++) {
            PermutationRow row = rows.get(i);
            expected.append(row.category()).append(row.isAllCrime() ? " " + Percent.format(row.before()) + " -> "
                    + Percent.format(row.after()) + "," : "").append(' ').append(Percent.points(row.result().change()))
                    .append(" p = ").append(Percent.pValue(row.result().pValue()))
                    .append(i < rows.size() - 2 ? ", " : i == rows.size() - 2 ? "; " : "");
        }
        assertEquals(expected.toString(), r.toString());
        assertFalse(rows.get(0).isAllCrime());
        assertTrue(rows.get(rows.size() - 1).isAllCrime());
        assertTrue(rows.get(0).toString().contains(rows.get(0).category()), rows.get(0).toString());
        assertTrue(r.summary().contains(rows.get(0).category()), r.summary());
        assertEquals(rows.size(), r.table().size());
        assertEquals(Lines.method(rows.get(0).result()), Lines.methods(rows.subList(0, 1)));
    }

    @Test
    void aCancellationSaysWhetherItWasCancelled() {
        Cancellation c = new Cancellation();
        assertEquals("Cancellation[active]", c.toString());
        c.cancel();
        assertEquals("Cancellation[cancelled]", c.toString());
    }

}
