package org.recordingrate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.shell.RecordingRate.allocate;
import static org.recordingrate.shell.RecordingRate.bootstrap;
import static org.recordingrate.shell.RecordingRate.compare;
import static org.recordingrate.shell.RecordingRate.estimate;
import static org.recordingrate.shell.RecordingRate.forest;
import static org.recordingrate.shell.RecordingRate.from;
import static org.recordingrate.shell.RecordingRate.fromText;
import static org.recordingrate.shell.RecordingRate.funnel;
import static org.recordingrate.shell.RecordingRate.inspection;
import static org.recordingrate.shell.RecordingRate.inspections;
import static org.recordingrate.shell.RecordingRate.permute;
import static org.recordingrate.shell.RecordingRate.plan;
import static org.recordingrate.shell.RecordingRate.planning;
import static org.recordingrate.shell.RecordingRate.power;
import static org.recordingrate.shell.RecordingRate.published;
import static org.recordingrate.shell.RecordingRate.report;
import static org.recordingrate.shell.RecordingRate.reproduce;
import static org.recordingrate.shell.RecordingRate.save;
import static org.recordingrate.shell.RecordingRate.show;
import static org.recordingrate.shell.RecordingRate.tally;
import static org.recordingrate.shell.RecordingRate.upperBound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.cli.Main;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Result;
import org.recordingrate.model.Results;
import org.recordingrate.model.Tally;
import org.recordingrate.plan.Allocation;
import org.recordingrate.plan.AllocationPlan;
import org.recordingrate.plan.AllocationPlanner;
import org.recordingrate.plan.PlanningCategory;
import org.recordingrate.plan.PowerMethod;
import org.recordingrate.plan.PowerPlanner;
import org.recordingrate.plan.SampleSizePlanner;
import org.recordingrate.plan.UpperBoundPlanner;
import org.recordingrate.report.Report;
import org.recordingrate.reproduce.FigureCheck;
import org.recordingrate.reproduce.PublishedReport;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.Enumeration;
import org.recordingrate.resample.PermutationTest;

/**
 * The JShell facade: every verb is the configured procedure it names, with the command line's
 * defaults, its options read as the command line's tokens; results print whole; save writes the
 * command line's columns; units and bad options are explained.
 */
class RecordingRateTest {

    @TempDir
    Path dir;

    private static final Inspection PEEL = inspection("examples/data/peel-2022.csv");
    private static final Inspection CDI = inspection("examples/data/cdi-2017.csv");

    @Test
    void shortcutsAreTheConfiguredProceduresWithTheirDefaults() {
        assertEquals(IntervalMethod.JEFFREYS.interval(180, 202, 0.95), estimate(180, 202, "Jeffreys").get(0).interval());
        assertEquals(IntervalMethod.CLOPPER_PEARSON.interval(180, 202, 0.99),
                estimate(180, 202, "clopper_pearson", 0.99).get(0).interval());
        assertEquals(RateEstimator.withDefaults().with(IntervalMethod.CLOPPER_PEARSON).withConfidence(0.99)
                .estimate(180, 202), estimate(180, 202, "confidence=0.99", "clopper_pearson").get(0));
        assertEquals(RateEstimator.withDefaults().estimate(188, 202), estimate(tally(188, 202)));
        assertEquals(Comparison.withDefaults().compare(Tally.of(512, 640), Tally.of(188, 202)),
                compare(tally(512, 640), tally(188, 202)));
        assertEquals(Comparison.withDefaults().with(DifferenceMethod.NEWCOMBE).with(ChangeTest.FISHER_EXACT)
                .compare(Tally.of(512, 640), Tally.of(188, 202)), compare(tally(512, 640), tally(188, 202),
                "newcombe", "fisher_exact"));
        assertEquals(InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD).estimate(PEEL),
                estimate(PEEL, AllCrimeMethod.KORN_GRAUBARD));
        assertEquals(InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD).with(VarianceConvention.SURVEY)
                .estimate(PEEL), estimate(PEEL, "korn_graubard", "survey").get(0));
        assertEquals(3, compare(CDI, PEEL).categories().size());
        assertEquals(published(93.2, 2.3).compareWith(published(87.8, 1.7)), reproduce(93.2, 2.3, 87.8, 1.7));
        assertEquals(554, plan(2.5, 90, "wald").audited(), "the closed form, as check-cli expects");
        assertEquals(SampleSizePlanner.withDefaults().with(IntervalMethod.CLOPPER_PEARSON).plan(2.5, 90, 2000),
                plan(2.5, 90, "clopper_pearson", "population=2000"));
        Report report = report(CDI, PEEL, "Cambridgeshire");
        assertEquals(Report.of(CDI, PEEL).force("Cambridgeshire").text(), report.summary());
        assertTrue(report.summary().contains("We estimate that Cambridgeshire is recording"), report.summary());
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class, () -> estimate(1, 2, "jefreys"));
        assertTrue(token.getMessage().contains("jeffreys"), "the message lists the tokens: " + token.getMessage());
    }

    @Test
    void allGivesEveryMethodAsTheCommandLinesMethodAll() throws IOException {
        Results<?> every = estimate(188, 202, "all");
        assertEquals(IntervalMethod.values().length, every.size());
        for (int i = 0; i < every.size(); i++) {
            assertEquals(RateEstimator.withDefaults().with(IntervalMethod.values()[i]).estimate(188, 202), every.get(i));
        }
        // the same rows and columns as estimate --recorded 188 --audited 202 --method all --format csv
        Path csv = save(every, dir.resolve("all.csv").toString());
        assertEquals(cli("estimate", "--recorded", "188", "--audited", "202", "--method", "all", "--format", "csv"),
                Files.readString(csv));
        // every line printed, one per method
        for (IntervalMethod method : IntervalMethod.values()) {
            assertTrue(every.toString().contains(method.displayName() + ", 188 of 202"), every.toString());
        }
        Results<InspectionEstimate> allCrime = estimate(PEEL, "all");
        assertEquals(AllCrimeMethod.values().length, allCrime.size());
        assertEquals(cli("estimate", "examples/data/peel-2022.csv", "--method", "all", "--format", "csv"),
                Files.readString(save(allCrime, dir.resolve("peel-all.csv").toString())));
        // "all" and a method exclude each other
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> estimate(188, 202, "all", "wilson"));
        assertTrue(both.getMessage().contains("'all' and 'wilson' both given"), both.getMessage());
        // every force of a file, as estimate FILE
        assertEquals(cli("estimate", "examples/data/forces-2022.csv", "--format", "csv"),
                Files.readString(save(estimate(inspections("examples/data/forces-2022.csv")),
                        dir.resolve("forces.csv").toString())));
    }

    @Test
    void anInspectionInOneLineIsTheBuildersAndTheFilesInspection() {
        Inspection built = inspection("peel-2022", "violence", 180, 202, 25000, "sexual offences", 131, 132, 2500,
                "other crime", 211, 220, 35_000L);
        assertEquals(PEEL, built);
        assertEquals(Inspection.builder("x").category("violence", 180, 202, 25000, 22500).build(),
                inspection("x", "violence", 180, 202, 25000, 22500));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> inspection("x", "violence", 180, 202));
        assertTrue(few.getMessage().contains("category 'violence' needs recorded, audited, volume"), few.getMessage());
        IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class,
                () -> inspection("x", "violence", 180, 202.5, 25000));
        assertTrue(decimal.getMessage().contains("takes whole numbers, found 202.5"), decimal.getMessage());
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
                () -> inspection("x", "violence", 205, 202, 25000));
        assertTrue(counts.getMessage().contains("205"), counts.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> inspection("x", new Object[0]));
        assertTrue(none.getMessage().contains("needs its categories"), none.getMessage());
    }

    @Test
    void compareTakesTheCommandLinesTokensAndTheSafeForm() {
        Tally before = tally(512, 640);
        Tally after = tally(188, 202);
        // R: prop.test(c(188, 512), c(202, 640)): 95% CI 0.08067082 0.18071532, p-value = 2.474e-05
        var r = compare(before, after, "wald_cc", "chisq_yates");
        assertEquals(0.080670822444118884, r.interval().lower(), 1e-12);
        assertEquals(0.18071531616974251, r.interval().upper(), 1e-12);
        assertEquals(2.4737153430387797e-05, r.test().pValue(), 1e-15);
        // permutation, as compare --test permutation --replicates --seed
        // (PermutationTest is a class without equals: the two changes agree in every column and line)
        Change expected = Comparison.withDefaults().with(PermutationTest.withDefaults().withReplicates(5000).withSeed(42))
                .compare(before, after);
        Change permuted = compare(before, after, "permutation", "replicates=5000", "seed=42");
        assertEquals(expected.table().renderText(), permuted.table().renderText());
        assertEquals(expected.toString(), permuted.toString());
        assertEquals(expected.test().pValue(), permuted.test().pValue());
        IllegalArgumentException seedAlone = assertThrows(IllegalArgumentException.class,
                () -> compare(before, after, "seed=42"));
        assertTrue(seedAlone.getMessage().contains("permutation"), seedAlone.getMessage());
        // any order of options, R's names for the alternative
        assertEquals(Comparison.withDefaults().with(Alternative.IMPROVED).with(ChangeTest.BOSCHLOO).withSignificance(0.01)
                .compare(before, after), compare(before, after, "significance=0.01", "greater", "boschloo"));
        // from(..).to(..) is compare
        assertEquals(compare(before, after), from(before).to(after));
        assertEquals(compare(CDI, PEEL, "fisher_exact", "adjust=none"), from(CDI).to(PEEL, "fisher_exact", "none"));
        assertEquals(published(93.2, 2.3).compareWith(published(87.8, 1.7)),
                from(published(87.8, 1.7)).to(published(93.2, 2.3)));
        assertEquals(published(93.2, 2.3).compareWith(published(87.8, 1.7)),
                compare(published(87.8, 1.7), published(93.2, 2.3)));
        // inspections: variance and adjustment by token
        assertEquals(Comparison.withDefaults().with(VarianceConvention.SURVEY).with(PValueAdjustment.BONFERRONI)
                .compare(CDI, PEEL), compare(CDI, PEEL, "survey", "bonferroni"));
    }

    @Test
    void aComparisonInAnOrderItsNamesContradictSaysSo() {
        InspectionChange reversed = compare(PEEL, CDI);
        assertEquals(Verdict.DETERIORATION, reversed.allCrime().verdict(), "compared as given");
        String note = reversed.notes().get(reversed.notes().size() - 1);
        assertTrue(note.startsWith("order: peel-2022 (2022) was given as the earlier inspection and cdi-2017 (2017)"
                + " as the later"), note);
        assertTrue(reversed.toString().contains(note), "the one line says it: " + reversed);
        assertTrue(reversed.table().notes().contains(note) || reversed.table().notes(0).contains(note),
                "and the table, so every format carries it");
        assertTrue(compare(CDI, PEEL).notes().isEmpty(), compare(CDI, PEEL).notes().toString());
        assertTrue(report(PEEL, CDI, "Cambridgeshire").notes().contains(note));
    }

    @Test
    void reproduceAndFromTextAreTheCommandLinesChecks() {
        var figure = reproduce(93.2, 2.3, "volume=62000", "more_than=4500", "category=all crime");
        assertEquals(published(93.2, 2.3).unrecorded(62_000), figure.unrecorded().orElseThrow());
        assertEquals(published(93.2, 2.3).volumesConsistentWith(4500, 0), figure.volumes().orElseThrow());
        assertTrue(figure.toString().contains("61,194 to 63,548"), figure.toString());
        var contradicted = reproduce(86.5, 4.6, 88.9, 3.9, "verdict=statistically significant deterioration");
        assertEquals(FigureCheck.of(published(86.5, 4.6), Optional.of(published(88.9, 3.9)),
                Optional.of(Verdict.DETERIORATION), OptionalLong.empty(), OptionalLong.empty(), false, 0, 0.05),
                contradicted.check());
        assertEquals(Optional.of(false), contradicted.check().consistent());
        PublishedReport text = fromText("examples/data/report-paragraph.txt");
        assertEquals(PublishedReport.read(Path.of("examples/data/report-paragraph.txt")).figures(), text.figures());
        assertEquals(1, text.inconsistent().size());
        assertTrue(text.toString().contains("line 13: violence 86.5% (+/- 4.6%)"), "every figure printed: " + text);
    }

    @Test
    void resamplingIsTheProceduresWithTheCommandLinesDefaults() {
        Tally violence = tally(180, 202);
        assertEquals(Bootstrap.withDefaults().withReplicates(2000).withSeed(7).with(BootstrapInterval.PERCENTILE)
                .estimate(violence), bootstrap(violence, "percentile", "replicates=2000", "seed=7").estimate());
        assertEquals(Bootstrap.withDefaults().withReplicates(2000).estimate(PEEL), bootstrap(PEEL, "replicates=2000"));
        assertEquals(Bootstrap.withDefaults().withReplicates(2000).compare(tally(512, 640), violence),
                bootstrap(tally(512, 640), violence, "replicates=2000").estimate());
        var change = bootstrap(CDI, PEEL, "replicates=2000");
        assertEquals(Bootstrap.withDefaults().withReplicates(2000).compare(CDI, PEEL), change);
        assertEquals(4, change.rows().size());
        // permute: two-sided by default, each category and all crime
        var permuted = permute(CDI, PEEL);
        assertEquals(PermutationTest.withDefaults().permuteAll(CDI, PEEL, Alternative.TWO_SIDED), permuted);
        assertEquals(4, permuted.rows().size());
        assertEquals(Alternative.TWO_SIDED, permuted.allCrime().result().alternative());
        assertEquals(PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(1000).withSeed(3)
                .permute(tally(512, 640), violence, Alternative.IMPROVED),
                permute(tally(512, 640), violence, "improved", "never", "replicates=1000", "seed=3").result());
        // one line shows every row
        String line = permuted.toString();
        for (String category : List.of("violence", "sexual offences", "other crime", "all crime")) {
            assertTrue(line.contains(category), line);
            assertTrue(change.toString().contains(category), change.toString());
            assertTrue(bootstrap(PEEL, "replicates=2000").toString().contains(category));
        }
    }

    @Test
    void planningTakesPercentAndWarnsWhereTheOptimumIsTooThin() {
        assertEquals(SampleSizePlanner.withDefaults().plan(3, 90), plan(3, 90));
        assertEquals(PowerPlanner.withDefaults().plan(Tally.of(512, 640), 5, 0.8), plan(tally(512, 640), 5, 0.8));
        assertEquals(PowerPlanner.withDefaults().with(ChangeTest.FISHER_EXACT).with(PowerMethod.EXACT)
                .power(Tally.of(512, 640), 5, 200), power(tally(512, 640), 5, 200, "fisher_exact", "exact"));
        assertEquals(59, upperBound(5, 0).audited());
        assertEquals(UpperBoundPlanner.withDefaults().plan(5, 1, 1000), upperBound(5, 1, "population=1000"));
        // the optimum for +/- 3 points gives sexual offences 4 records: the plan says so, and a minimum fixes it
        AllocationPlan thin = allocate(PEEL, 3);
        List<PlanningCategory> categories = List.of(
                PlanningCategory.of(Category.of("violence", 25000), 100.0 * 180 / 202),
                PlanningCategory.of(Category.of("sexual offences", 2500), 100.0 * 131 / 132),
                PlanningCategory.of(Category.of("other crime", 35000), 100.0 * 211 / 220));
        assertEquals(AllocationPlanner.withDefaults().plan(categories, 3), thin);
        assertTrue(thin.notes().stream().anyMatch(n -> n.startsWith("sexual offences: 4 audited gives +/- 8.5 points,"
                + " more than twice the target +/- 3.0 points")), thin.notes().toString());
        assertTrue(thin.toString().contains("more than twice the target"), "the one line says it: " + thin);
        AllocationPlan floored = allocate(PEEL, 3, "minimum=50");
        assertEquals(AllocationPlanner.withDefaults().withMinimum(50).plan(categories, 3), floored);
        assertTrue(floored.notes().isEmpty(), floored.notes().toString());
        assertEquals(AllocationPlanner.withDefaults().with(Allocation.NEYMAN).plan(List.of(planning("violence", 25000, 89),
                planning("other crime", 35000, 93)), 3), allocate(List.of(planning("violence", 25000, 89),
                planning("other crime", 35000, 93)), 3, "neyman"));
    }

    @Test
    void unitsAreExplainedWhenTheyLookWrong() {
        IllegalArgumentException fractions = assertThrows(IllegalArgumentException.class, () -> published(0.932, 0.023));
        // planning targets are percent too, and fractions get the same hint, in the same words
        IllegalArgumentException planned = assertThrows(IllegalArgumentException.class, () -> plan(0.03, 0.9));
        assertTrue(planned.getMessage().startsWith("margin (0.03) and expected (0.9) look like fractions, but planning "
                + "targets are taken in percent: write 3 and 90; if they are fractions, or truly below 1 percent, give "
                + "them as fractions"), planned.getMessage());
        assertTrue(fractions.getMessage().startsWith("rate (0.932) and margin (0.023) look like fractions, but "
                + "published figures are taken in percent: write 93.2 and 2.3; if they are fractions, or truly below 1 "
                + "percent, give them as fractions"), fractions.getMessage());
        IllegalArgumentException detect = assertThrows(IllegalArgumentException.class,
                () -> plan(tally(512, 640), 0.05, 0.8));
        assertTrue(detect.getMessage().contains("look"), detect.getMessage());
        IllegalArgumentException margin = assertThrows(IllegalArgumentException.class, () -> allocate(PEEL, 0.03));
        assertTrue(margin.getMessage().contains("write 3"), margin.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> estimate(188, 202, "wilson", 95));
        assertTrue(level.getMessage().contains("did you mean 0.95"), level.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithWhatTheVerbTakes() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> compare(tally(1, 2), tally(1, 2), "fisher"));
        assertTrue(unknown.getMessage().startsWith("compare: 'fisher' is not an option of compare; it takes interval"
                + " method (method=): wald, wald_cc,"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("fisher_exact") && unknown.getMessage().contains("confidence=..."),
                unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> compare(tally(1, 2), tally(1, 2), "newcombe", "wald"));
        assertTrue(twice.getMessage().contains("'newcombe' and 'wald' both given"), twice.getMessage());
        IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> report(CDI, PEEL, "C", "wald"));
        assertTrue(shared.getMessage().contains("write \"method=wald\" for the rate interval or \"change_method=wald\""),
                shared.getMessage());
        assertEquals(Report.of(CDI, PEEL).force("C").with(DifferenceMethod.NEWCOMBE).with(AllCrimeMethod.WILSON).text(),
                report(CDI, PEEL, "C", "change_method=newcombe", "method=wilson").text());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> estimate(188, 202, "level=0.9"));
        assertTrue(name.getMessage().contains("'level=0.9' names no number that estimate takes"), name.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> bootstrap(tally(1, 2), "replicates=1e3x"));
        assertTrue(value.getMessage().contains("replicates ('1e3x')"), value.getMessage());
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> compare(tally(1, 2), tally(1, 2), "test=fisher"));
        assertTrue(named.getMessage().contains("test ('fisher') must be one of z_pooled"), named.getMessage());
        assertThrows(IllegalArgumentException.class, () -> estimate(188, 202, (String) null));
    }

    @Test
    void everyResultPrintsWholeAndReadably() {
        List<Result> results = List.of(estimate(188, 202), estimate(188, 202, "all"), estimate(PEEL), estimate(PEEL, "all"),
                compare(tally(512, 640), tally(188, 202)), compare(CDI, PEEL), compare(PEEL, CDI),
                reproduce(93.2, 2.3, 87.8, 1.7), reproduce(93.2, 2.3, "volume=62000", "more_than=4500"),
                fromText("examples/data/report-paragraph.txt"), bootstrap(tally(180, 202), "replicates=2000"),
                bootstrap(PEEL, "replicates=2000"), bootstrap(tally(512, 640), tally(188, 202), "replicates=2000"),
                bootstrap(CDI, PEEL, "replicates=2000"), permute(tally(512, 640), tally(188, 202)), permute(CDI, PEEL),
                plan(3, 90), plan(tally(512, 640), 5, 0.8), power(tally(512, 640), 5, 200), upperBound(5, 0),
                allocate(PEEL, 3), report(CDI, PEEL, "Cambridgeshire"), published(93.2, 2.3));
        for (Result result : results) {
            String line = result.toString();
            // no record syntax, no Optional, no identity hash: as a person writes it
            for (String raw : List.of("Optional", "=[", "lower=", "upper=", "@", "Tally[", "Interval[")) {
                assertFalse(line.contains(raw), "'" + raw + "' in " + line);
            }
            // margins name their unit (points); published figures are shown as printed, "93.2% (+/- 2.3%)"
            if (!result.getClass().getPackageName().endsWith("reproduce") && !(result instanceof Report)) {
                assertFalse(line.matches("(?s).*\\+/- [0-9.]+%.*"), line);
            }
        }
        // every row of an inspection estimate, in its one line
        String peel = estimate(PEEL).toString();
        assertEquals("peel-2022: violence 89.1% (84.1% to 92.7%), sexual offences 99.2% (95.8% to 99.9%), other crime"
                + " 95.9% (92.4% to 97.8%); all crime 93.3% (95% CI 90.7% to 95.2%, Wilson, binomial variance)", peel);
        String change = compare(CDI, PEEL).toString();
        assertTrue(change.startsWith("peel-2022 vs cdi-2017: violence +9.1 points (+3.3 to +14.1, holm p = 0.0064:"
                + " improvement), sexual offences +8.1 points"), change);
        assertTrue(plan(3, 90).toString().startsWith("482 audited for a Wilson margin of +/- 3.00 points at 90.0%"),
                plan(3, 90).toString());
        assertTrue(estimate(180, 202).summary().contains("+/- 4.30 points (Wald: z x standard error, as published)"),
                estimate(180, 202).summary());
        assertTrue(estimate(PEEL).summary().contains("Wald +/-"), estimate(PEEL).summary());
        assertEquals("forest plot 'Recording rates: Cambridgeshire', 1010 x 384 pixels",
                forest(report(CDI, PEEL, "Cambridgeshire")).toString());
    }

    @Test
    void saveWritesTheCommandLinesColumnsForEveryResultAndShowPrintsTheSummary() throws IOException {
        Path csv = save(estimate(PEEL), dir.resolve("e.csv").toString());
        // the command line names the inspection after the file, as inspection(file) does: the same bytes
        assertEquals(cli("estimate", "examples/data/peel-2022.csv", "--format", "csv"), Files.readString(csv));
        Path json = save(compare(tally(512, 640), tally(188, 202)), dir.resolve("c.json").toString());
        assertTrue(Files.readString(json).contains("\"verdict\": \"statistically significant improvement\""));
        assertEquals(cli("compare", "--before", "512/640", "--after", "188/202", "--format", "csv"),
                Files.readString(save(compare(tally(512, 640), tally(188, 202)), dir.resolve("c.csv").toString())));
        assertEquals(cli("report", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--force", "Cambridgeshire",
                "--format", "csv"), Files.readString(save(report(CDI, PEEL, "Cambridgeshire"),
                dir.resolve("r.csv").toString())));
        assertEquals(cli("permute", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--format", "csv"),
                Files.readString(save(permute(CDI, PEEL), dir.resolve("p.csv").toString())));
        assertEquals(cli("bootstrap", "--recorded", "180", "--audited", "202", "--replicates", "2000", "--format", "csv"),
                Files.readString(save(bootstrap(tally(180, 202), "replicates=2000"), dir.resolve("b.csv").toString())));
        // a plot: by its name
        Path png = save(forest(CDI, PEEL), dir.resolve("forest.png").toString());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(head, StandardCharsets.ISO_8859_1));
        Path svg = save(funnel(inspections("examples/data/forces-2022.csv"), "category=violence", "highlight=Force 07"),
                dir.resolve("funnel.svg").toString());
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).startsWith("<svg"));
        String printed = printed(() -> {
            show(reproduce(93.2, 2.3, 87.8, 1.7));
            RecordingRate.help();
        });
        assertTrue(printed.contains(reproduce(93.2, 2.3, 87.8, 1.7).summary()), printed);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> save((Result) null, dir.resolve("x.csv").toString()));
        assertTrue(none.getMessage().contains("result"), none.getMessage());
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
        assertEquals(0, status, String.join(" ", args));
        return out.toString();
    }

    static String printed(Runnable action) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
