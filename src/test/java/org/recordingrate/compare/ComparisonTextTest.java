package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.recordingrate.CsvText;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.format.ResultTable;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Token;

/**
 * What the comparison results say in words and tables, and the small rules behind them: each line,
 * note and column checked for its content (not only that it is there), so that a result that printed
 * the wrong verdict, dropped a note or left a column empty fails. The expected words are the
 * documented forms in each class's Javadoc; the numbers are computed here from the counts.
 */
class ComparisonTextTest {

    private static final Inspection EARLIER = Inspection.builder("CDI 2017")
            .category("violence", 512, 640, 24_000)
            .category("sexual offences", 164, 180, 2_200)
            .category("burglary", 90, 100, 4_000)
            .build();
    private static final Inspection LATER = Inspection.builder("PEEL 2022")
            .category("violence", 580, 640, 25_000)
            .category("sexual offences", 150, 180, 2_500)
            .category("fraud", 10, 20, 5_000)
            .build();

    // ---- TestResult -------------------------------------------------------------------------------

    @Test
    void aTestResultReadsAsItsJavadocSays() {
        TestResult z = new TestResult(ChangeTest.Z_POOLED, Alternative.IMPROVED, 2.6512, 0.0040213);
        assertEquals("z-test (pooled variance), improved: z = 2.65, p = 0.00402", z.toString());
        assertEquals(z + "\n", z.summary());
        TestResult fisher = new TestResult(ChangeTest.FISHER_EXACT, Alternative.TWO_SIDED, Double.NaN, 0.0125);
        assertEquals("Fisher's exact test, two-sided: p = 0.0125", fisher.toString(), "no statistic, no 'statistic ='");
    }

    @Test
    void aTestResultWritesZeroAndInfinityInWords() {
        assertEquals("z-test (pooled variance), deteriorated: z = -infinity, p = 0",
                new TestResult(ChangeTest.Z_POOLED, Alternative.DETERIORATED, Double.NEGATIVE_INFINITY, 0).toString());
        assertEquals("z-test (pooled variance), improved: z = infinity, p = 0",
                new TestResult(ChangeTest.Z_POOLED, Alternative.IMPROVED, Double.POSITIVE_INFINITY, 0).toString());
        assertEquals("z-test (pooled variance), two-sided: z = 0, p = 1.00",
                new TestResult(ChangeTest.Z_POOLED, Alternative.TWO_SIDED, 0.0, 1).toString());
        // a test whose statistic has no symbol calls it "statistic"
        ChangeTestMethod nameless = new Unnamed(false);
        assertEquals("unnamed test, two-sided: statistic = 3.50, p = 0.0500",
                new TestResult(nameless, Alternative.TWO_SIDED, 3.5, 0.05).toString());
    }

    @Test
    void aResampledTestResultSaysHowItWasResampled() {
        TestResult mc = new TestResult(ChangeTest.Z_POOLED, Alternative.TWO_SIDED, OptionalDouble.of(1.5), 0.1336,
                Optional.of(new MonteCarlo(10_000, 7, 0.0034)));
        assertEquals("z-test (pooled variance), two-sided: z = 1.50, p = 0.134 (10,000 replicates, seed 7, MC error 0.0034)",
                mc.toString());
        List<String> csv = CsvText.lines(mc.table());
        assertEquals("test,alternative,statistic,p_value,replicates,seed,notes", csv.get(0));
        String[] row = csv.get(1).split(",", -1);
        assertEquals("z_pooled", row[0]);
        assertEquals("two_sided", row[1]);
        assertEquals(1.5, Double.parseDouble(row[2]));
        assertEquals(0.1336, Double.parseDouble(row[3]));
        assertEquals("10000", row[4]);
        assertEquals("7", row[5]);
        List<String> exact = CsvText.lines(new TestResult(ChangeTest.FISHER_EXACT, Alternative.TWO_SIDED, Double.NaN, 0.0125).table());
        String[] empty = exact.get(1).split(",", -1);
        assertEquals(List.of("fisher_exact", "two_sided", "", "0.0125", "", "", ""), List.of(empty),
                "no statistic, no replicates, no seed: empty cells");
    }

    // ---- Verdict, Alternative, tokens -------------------------------------------------------------

    @Test
    void aVerdictIsSignificantAtPEqualToAlphaAndNeverForNoChange() {
        assertEquals(Verdict.IMPROVEMENT, Verdict.of(0.1, 0.05, 0.05), "p = alpha rejects (p <= alpha)");
        assertEquals(Verdict.DETERIORATION, Verdict.of(-0.1, 0.05, 0.05));
        assertEquals(Verdict.NO_CHANGE, Verdict.of(0.1, Math.nextUp(0.05), 0.05));
        assertEquals(Verdict.NO_CHANGE, Verdict.of(0.0, 0.0, 0.05), "a change of 0 is never a verdict of change");
        assertEquals(Verdict.NO_CHANGE, Verdict.of(-0.0, 0.0, 0.05));
    }

    @Test
    void alternativesAreReadByTheirRAndScipyNames() {
        assertEquals(Alternative.IMPROVED, Token.parse(Alternative.class, "alternative", "greater"));
        assertEquals(Alternative.DETERIORATED, Token.parse(Alternative.class, "alternative", "less"));
        assertEquals(Alternative.TWO_SIDED, Token.parse(Alternative.class, "alternative", "two-sided"));
        assertEquals(Alternative.TWO_SIDED, Token.parse(Alternative.class, "alternative", "twosided"));
        assertEquals(List.of("greater"), Alternative.IMPROVED.aliases());
    }

    @Test
    void noTestOfThisPackageUsesIncidentsAndMethodsHaveTheirNames() {
        for (ChangeTest test : ChangeTest.values()) {
            assertFalse(test.usesIncidents(), test.token());
        }
        assertEquals("Miettinen-Nurminen", DifferenceMethod.MIETTINEN_NURMINEN.displayName());
        assertEquals("exact unconditional", DifferenceMethod.EXACT_UNCONDITIONAL.displayName());
    }

    // ---- DifferenceMethod.handles / leftOut ----------------------------------------------------------

    @Test
    void theExactUnconditionalIntervalHandlesUpTo5000AuditedInAll() {
        DifferenceMethod exact = DifferenceMethod.EXACT_UNCONDITIONAL;
        assertTrue(exact.handles(Tally.of(2_000, 2_500), Tally.of(2_400, 2_500)), "5,000 in all: handled");
        assertFalse(exact.handles(Tally.of(2_000, 2_500), Tally.of(2_400, 2_501)), "5,001 in all: left out");
        assertFalse(exact.handles(Tally.of(10, 4_990), Tally.of(1, 11)));
        assertTrue(exact.handles(Tally.of(10, 4_989), Tally.of(1, 11)));
        for (DifferenceMethod method : DifferenceMethod.values()) {
            if (method != exact) {
                assertTrue(method.handles(Tally.of(1, 1_000_000), Tally.of(2, 1_000_000)), method.token());
            }
        }
        assertEquals("exact_unconditional left out: 5,001 audited in all, more than its 5,000"
                + " (miettinen_nurminen is its asymptotic counterpart)",
                exact.leftOut(Tally.of(2_000, 2_500), Tally.of(2_400, 2_501)));
        assertThrows(IllegalArgumentException.class, () -> exact.handles(null, Tally.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> exact.leftOut(Tally.of(1, 2), null));
    }

    // ---- Comparison ----------------------------------------------------------------------------------

    @Test
    void aComparisonPrintsItsSettings() {
        assertEquals("Comparison[newcombe, fisher_exact, improved, confidence 0.9, significance 0.1, binomial, holm]",
                Comparison.withDefaults().with(DifferenceMethod.NEWCOMBE).with(ChangeTest.FISHER_EXACT)
                        .with(Alternative.IMPROVED).withConfidence(0.9).withSignificance(0.1)
                        .with(VarianceConvention.BINOMIAL).with(PValueAdjustment.HOLM).toString());
    }

    @Test
    void theAllCrimeChangeIsAWaldIntervalAroundTheChange() {
        AllCrimeChange all = Comparison.withDefaults().withConfidence(0.9).allCrime(EARLIER, LATER);
        assertEquals(all.rateAfter() - all.rateBefore(), all.change(), 1e-15);
        double half = 1.6448536269514722 * all.standardError(); // z(0.95), R qnorm(0.95)
        assertEquals(all.change() - half, all.interval().lower(), 1e-12);
        assertEquals(all.change() + half, all.interval().upper(), 1e-12);
        assertEquals(all.change() / all.standardError(), all.z(), 1e-12);
        String summary = all.summary();
        assertTrue(summary.startsWith("before      "), summary);
        assertTrue(summary.contains("\nverdict     " + all.verdict() + "\n"), summary);
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "z = %.2f", all.z())), summary);
    }

    @Test
    void anAllCrimeChangeWithNoVarianceIsZeroOrInfinite() {
        // every audited crime recorded in both: no change, no variance; z is 0, not 0/0
        Inspection allBefore = Inspection.builder("2017").category("violence", 50, 50, 1_000).build();
        Inspection allAfter = Inspection.builder("2022").category("violence", 80, 80, 1_000).build();
        AllCrimeChange none = Comparison.withDefaults().with(VarianceConvention.BINOMIAL).allCrime(allBefore, allAfter);
        assertEquals(0.0, none.standardError());
        assertEquals(0.0, none.z());
        assertEquals(1.0, none.pValue());
        assertEquals(Verdict.NO_CHANGE, none.verdict());
        // everything recorded before, nothing after: a certain fall, z = -infinity
        Inspection nothingAfter = Inspection.builder("2022").category("violence", 0, 80, 1_000).build();
        AllCrimeChange fall = Comparison.withDefaults().with(VarianceConvention.BINOMIAL).allCrime(allBefore, nothingAfter);
        assertEquals(Double.NEGATIVE_INFINITY, fall.z());
        assertEquals(0.0, fall.pValue());
        assertEquals(-1.0, fall.interval().lower());
        assertEquals(-1.0, fall.interval().upper());
        assertEquals(Verdict.DETERIORATION, fall.verdict());
    }

    // ---- InspectionChange ----------------------------------------------------------------------------

    @Test
    void anInspectionChangeNamesTheCategoriesAuditedOnce() {
        InspectionChange change = Comparison.withDefaults().compare(EARLIER, LATER);
        assertFalse(change.allCategoriesMatched());
        assertEquals(List.of("audited only in CDI 2017: burglary (not compared)",
                "audited only in PEEL 2022: fraud (not compared)"), change.notes());
        InspectionChange matched = Comparison.withDefaults().compare(EARLIER, EARLIER);
        assertTrue(matched.allCategoriesMatched());
        assertEquals(List.of(), matched.notes());
        InspectionChange onlyEarlier = Comparison.withDefaults().compare(EARLIER,
                Inspection.builder("PEEL 2022").category("violence", 580, 640, 25_000)
                        .category("sexual offences", 150, 180, 2_500).category("burglary", 95, 100, 4_000).build());
        assertTrue(onlyEarlier.allCategoriesMatched());
        InspectionChange extraLater = Comparison.withDefaults().compare(
                Inspection.builder("CDI 2017").category("violence", 512, 640, 24_000).build(),
                Inspection.builder("PEEL 2022").category("violence", 580, 640, 25_000).category("fraud", 1, 2, 5).build());
        assertFalse(extraLater.allCategoriesMatched(), "a category audited only later is unmatched");
        assertEquals(List.of("audited only in PEEL 2022: fraud (not compared)"), extraLater.notes());
    }

    @Test
    void anInspectionChangeGivenInTheWrongOrderSaysSo() {
        InspectionChange reversed = Comparison.withDefaults().compare(
                Inspection.builder("PEEL 2022").category("violence", 580, 640, 25_000).build(),
                Inspection.builder("CDI 2017").category("violence", 512, 640, 24_000).build());
        assertEquals(1, reversed.notes().size());
        assertTrue(reversed.notes().get(0).startsWith("order: PEEL 2022 (2022) was given as the earlier inspection"),
                reversed.notes().get(0));
    }

    @Test
    void anInspectionChangeOnOneLineHidesNothing() {
        InspectionChange holm = Comparison.withDefaults().with(PValueAdjustment.HOLM).compare(EARLIER, LATER);
        String line = holm.toString();
        assertTrue(line.startsWith("PEEL 2022 vs CDI 2017: violence +"), line);
        for (CategoryChange row : holm.categories()) {
            String verdict = switch (row.verdict()) {
                case IMPROVEMENT -> "improvement";
                case DETERIORATION -> "deterioration";
                case NO_CHANGE -> "no change";
            };
            assertTrue(line.contains(row.category() + " "), line);
            assertTrue(line.contains("holm p = " + org.recordingrate.format.Percent.pValue(row.adjustedPValue()) + ": "
                    + verdict + ")"), row.category() + ": " + line);
        }
        // the last category is closed by "; " before the all-crime change, not by ", "
        assertTrue(line.contains("); all crime "), line);
        assertFalse(line.contains("), ; "), line);
        assertTrue(line.endsWith("; audited only in PEEL 2022: fraud (not compared)"), line);
        String plain = Comparison.withDefaults().with(PValueAdjustment.NONE).compare(EARLIER, LATER).toString();
        assertFalse(plain.contains("none p"), plain);
        assertTrue(plain.contains(", p = "), plain);
        // two inspections with no category in common: the all-crime change alone
        InspectionChange disjoint = Comparison.withDefaults().compare(
                Inspection.builder("CDI 2017").category("burglary", 90, 100, 4_000).build(),
                Inspection.builder("PEEL 2022").category("fraud", 10, 20, 5_000).build());
        assertTrue(disjoint.toString().startsWith("PEEL 2022 vs CDI 2017: all crime "), disjoint.toString());
    }

    @Test
    void anInspectionChangeSummaryLeavesOutTheAdjustedColumnOnlyWithoutAdjustment() {
        String adjusted = Comparison.withDefaults().with(PValueAdjustment.HOLM).compare(EARLIER, LATER).summary();
        String header = adjusted.lines().skip(1).findFirst().orElseThrow();
        assertTrue(header.contains("p (holm)"), header);
        InspectionChange unadjusted = Comparison.withDefaults().with(PValueAdjustment.NONE).compare(EARLIER, LATER);
        String plain = unadjusted.summary();
        List<String> lines = plain.lines().toList();
        assertEquals("PEEL 2022 compared with CDI 2017", lines.get(0));
        assertEquals(List.of("category", "before", "after", "change", "CI", "p-value", "verdict"),
                List.of(lines.get(1).trim().split("\\s{2,}")));
        // the all-crime row keeps its verdict in the last column after the empty adjusted cell is dropped
        String allCrime = lines.stream().filter(l -> l.startsWith("all crime")).findFirst().orElseThrow();
        assertTrue(allCrime.trim().endsWith(unadjusted.allCrime().verdict().words()), allCrime);
        assertEquals(7, allCrime.trim().split("\\s{2,}").length, allCrime);
    }

    @Test
    void anInspectionChangeTableHasARowPerCategoryAndOneForAllCrime() {
        InspectionChange change = Comparison.withDefaults().compare(EARLIER, LATER);
        ResultTable table = change.table();
        assertEquals(3, table.size(), "violence, sexual offences, all crime");
        for (int row = 0; row < table.size(); row++) {
            assertEquals(change.notes(), table.notes(row), "the comparison's notes on row " + row);
        }
    }

    @Test
    void incidentNotesSayWhichRowsCountCrimesAsIndependent() {
        Inspection plainBefore = Inspection.builder("CDI 2017").category("violence", 7, 10, 1_000).build();
        Inspection withIncidents = Inspection.builder("PEEL 2022")
                .category(AuditedCategory.of(Category.of("violence", 1_000, 500),
                        Incidents.of(new long[] {2, 2, 1, 3, 1, 1}, new long[] {2, 1, 0, 3, 1, 1})))
                .build();
        List<String> binomial = Comparison.withDefaults().with(VarianceConvention.BINOMIAL)
                .compare(plainBefore, withIncidents).notes();
        assertEquals(1, binomial.size(), binomial.toString());
        assertTrue(binomial.get(0).startsWith("incidents: the category rows and the Cochran-Mantel-Haenszel test count"),
                binomial.get(0));
        List<String> survey = Comparison.withDefaults().with(VarianceConvention.SURVEY)
                .compare(withIncidents, withIncidents).notes();
        assertEquals(1, survey.size(), survey.toString());
        assertTrue(survey.get(0).startsWith("incidents: every row uses the survey variance over incidents"), survey.get(0));
        InspectionChange surveyChange = Comparison.withDefaults().with(VarianceConvention.SURVEY)
                .compare(plainBefore, withIncidents);
        ChangeTestMethod used = surveyChange.categories().get(0).change().test().test();
        assertEquals("z-test on survey standard errors (over incidents)", used.displayName());
        assertEquals("z", used.statisticName());
        List<String> permuted = Comparison.withDefaults().with(new Unnamed(true)).with(VarianceConvention.BINOMIAL)
                .compare(plainBefore, withIncidents).notes();
        assertEquals(1, permuted.size(), permuted.toString());
        assertTrue(permuted.get(0).startsWith("incidents: the category tests permute whole incidents"), permuted.get(0));
        List<String> earlierOnly = Comparison.withDefaults().with(VarianceConvention.SURVEY)
                .compare(withIncidents, plainBefore).notes();
        assertTrue(earlierOnly.get(0).startsWith("incidents: every row uses the survey variance"),
                "incidents in the earlier inspection only count too: " + earlierOnly);
        List<String> noIncidents = Comparison.withDefaults().with(new Unnamed(true)).compare(plainBefore, plainBefore).notes();
        assertEquals(List.of(), noIncidents, "a test over incidents says nothing when no record names one");
    }

    // ---- InspectionComparisons -----------------------------------------------------------------------

    @Test
    void manyComparisonsNameTheInspectionsLeftUnpaired() {
        Inspection a2017 = Inspection.builder("A").category("violence", 80, 100, 1_000).build();
        Inspection b2017 = Inspection.builder("B").category("violence", 70, 100, 1_000).build();
        Inspection a2022 = Inspection.builder("A").category("violence", 90, 100, 1_000)
                .category("fraud", 5, 10, 300).build();
        Inspection c2022 = Inspection.builder("C").category("violence", 60, 100, 1_000).build();
        InspectionComparisons all = Comparison.withDefaults().compareAll(List.of(a2017, b2017), List.of(a2022, c2022));
        assertEquals(1, all.changes().size());
        assertFalse(all.allMatched());
        assertEquals(List.of("no later inspection for: B (not compared)",
                "no earlier inspection for: C (not compared)", "audited only in A: fraud (not compared)"), all.notes(),
                "the unpaired inspections, then each comparison's own notes");
        assertEquals(all.changes().get(0) + "\n" + "no later inspection for: B (not compared)\n"
                + "no earlier inspection for: C (not compared)\n", all.toString());
        InspectionComparisons paired = Comparison.withDefaults().compareAll(List.of(a2017, b2017), List.of(a2022,
                Inspection.builder("B").category("violence", 75, 100, 1_000).build()));
        assertTrue(paired.allMatched());
        assertEquals(List.of("audited only in A: fraud (not compared)"), paired.notes(), "every inspection paired");
        InspectionComparisons laterOnly = new InspectionComparisons(paired.changes(), List.of(), List.of("C"));
        assertFalse(laterOnly.allMatched());
    }

    @Test
    void inspectionsThatShareNoNameAreRefusedNamingAtMostFive() {
        List<Inspection> six = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(Inspection.builder("F" + i + " 2017").category("violence", 8, 10, 100).build());
        }
        List<Inspection> other = List.of(Inspection.builder("G 2022").category("violence", 8, 10, 100).build(),
                Inspection.builder("H 2022").category("violence", 8, 10, 100).build());
        IllegalArgumentException five = assertThrows(IllegalArgumentException.class,
                () -> Comparison.withDefaults().compareAll(six.subList(0, 5), other));
        assertTrue(five.getMessage().startsWith("no inspection of the earlier ones ('F1 2017', 'F2 2017', 'F3 2017',"
                + " 'F4 2017', 'F5 2017') has"), "five are all named, without '...': " + five.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.withDefaults().compareAll(six, other));
        assertEquals("no inspection of the earlier ones ('F1 2017', 'F2 2017', 'F3 2017', 'F4 2017', 'F5 2017', ...)"
                + " has the name of a later one ('G 2022', 'H 2022'): inspections are matched by name", e.getMessage());
    }

    /** A test without a statistic symbol, Fisher's p-value underneath; {@code usesIncidents} as given. */
    private static final class Unnamed implements ChangeTestMethod {
        private final boolean incidents;

        Unnamed(boolean incidents) {
            this.incidents = incidents;
        }

        @Override
        public String token() {
            return "unnamed";
        }

        @Override
        public String displayName() {
            return "unnamed test";
        }

        @Override
        public boolean usesIncidents() {
            return incidents;
        }

        @Override
        public TestResult test(Tally before, Tally after, Alternative alternative) {
            TestResult fisher = ChangeTest.FISHER_EXACT.test(before, after, alternative);
            return new TestResult(this, alternative, OptionalDouble.empty(), fisher.pValue(), Optional.empty());
        }
    }
}
