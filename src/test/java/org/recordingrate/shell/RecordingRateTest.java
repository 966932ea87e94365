package org.recordingrate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.shell.RecordingRate.compare;
import static org.recordingrate.shell.RecordingRate.estimate;
import static org.recordingrate.shell.RecordingRate.inspection;
import static org.recordingrate.shell.RecordingRate.plan;
import static org.recordingrate.shell.RecordingRate.published;
import static org.recordingrate.shell.RecordingRate.reproduce;
import static org.recordingrate.shell.RecordingRate.save;
import static org.recordingrate.shell.RecordingRate.show;
import static org.recordingrate.shell.RecordingRate.tally;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.cli.Main;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Tally;

/** The JShell facade: the shortcuts an analyst guesses, save with the command line's columns, units. */
class RecordingRateTest {

    @TempDir
    Path dir;

    @Test
    void shortcutsAreTheConfiguredProceduresWithTheirDefaults() {
        assertEquals(IntervalMethod.JEFFREYS.interval(180, 202, 0.95), estimate(180, 202, "Jeffreys").interval());
        assertEquals(IntervalMethod.CLOPPER_PEARSON.interval(180, 202, 0.99),
                estimate(180, 202, "clopper_pearson", 0.99).interval());
        assertEquals(Comparison.withDefaults().compare(Tally.of(512, 640), Tally.of(188, 202)),
                compare(tally(512, 640), tally(188, 202)));
        assertEquals(Comparison.withDefaults().with(DifferenceMethod.NEWCOMBE).with(ChangeTest.FISHER_EXACT)
                .compare(Tally.of(512, 640), Tally.of(188, 202)).test(),
                compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact").test());
        var peel = inspection("examples/data/peel-2022.csv");
        assertEquals(InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD).estimate(peel),
                estimate(peel, AllCrimeMethod.KORN_GRAUBARD));
        var since = compare(inspection("examples/data/cdi-2017.csv"), peel);
        assertEquals(3, since.categories().size());
        assertEquals(published(93.2, 2.3).compareWith(published(87.8, 1.7)), reproduce(93.2, 2.3, 87.8, 1.7));
        assertEquals(554, plan(2.5, 90, "wald").audited(), "the closed form, as check-cli expects");
        var report = RecordingRate.report(inspection("examples/data/cdi-2017.csv"), peel, "Cambridgeshire");
        assertEquals(org.recordingrate.report.Report.of(inspection("examples/data/cdi-2017.csv"), peel)
                .force("Cambridgeshire").text(), report.summary());
        assertTrue(report.summary().contains("We estimate that Cambridgeshire is recording"), report.summary());
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class, () -> estimate(1, 2, "jefreys"));
        assertTrue(token.getMessage().contains("jeffreys"), "the message lists the tokens: " + token.getMessage());
    }

    @Test
    void unitsAreExplainedWhenTheyLookWrong() {
        IllegalArgumentException fractions = assertThrows(IllegalArgumentException.class, () -> published(0.932, 0.023));
        assertTrue(fractions.getMessage().contains("93.2") && fractions.getMessage().contains("fromFractions"),
                fractions.getMessage());
        // issue 16: plan(0.03, 0.9) answered "393,242 audited for +/- 0.03%"; planning targets are percent
        // too, and fractions get the same hint, in the same words, as published figures
        IllegalArgumentException planned = assertThrows(IllegalArgumentException.class, () -> plan(0.03, 0.9));
        assertTrue(planned.getMessage().startsWith("margin (0.03) and expected (0.9) look like fractions, but planning "
                + "targets are taken in percent: write 3 and 90; if they are fractions, or truly below 1 percent, give "
                + "them as fractions"), planned.getMessage());
        assertTrue(fractions.getMessage().startsWith("rate (0.932) and margin (0.023) look like fractions, but "
                + "published figures are taken in percent: write 93.2 and 2.3; if they are fractions, or truly below 1 "
                + "percent, give them as fractions"), fractions.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan(0.025, 0.5, "wald"));
        assertEquals(0.03, plan(3, 90).targetMargin());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> estimate(188, 202, "wilson", 95));
        assertTrue(level.getMessage().contains("did you mean 0.95"), level.getMessage());
    }

    @Test
    void saveWritesTheCommandLinesColumnsAndShowPrintsTheSummary() throws IOException {
        Path csv = save(estimate(inspection("examples/data/peel-2022.csv")), dir.resolve("e.csv").toString());
        StringWriter out = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "estimate",
                "examples/data/peel-2022.csv", "--format", "csv");
        assertEquals(0, status);
        // the command line names the inspection after the file, as inspection(file) does: the same bytes
        assertEquals(out.toString(), Files.readString(csv));
        Path json = save(compare(tally(512, 640), tally(188, 202)), dir.resolve("c.json").toString());
        assertTrue(Files.readString(json).contains("\"verdict\": \"statistically significant improvement\""));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            show(reproduce(93.2, 2.3, 87.8, 1.7));
            RecordingRate.help();
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(reproduce(93.2, 2.3, 87.8, 1.7).summary()), text);
        assertTrue(text.contains("save(result, \"out.csv\")") && text.contains("plan(2.5, 90)"), text);
        // anything but a result is refused by the compiler now (save takes a Result); null is refused by name
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> save((org.recordingrate.model.Result) null, dir.resolve("x.csv").toString()));
        assertTrue(none.getMessage().contains("result"), none.getMessage());
    }
}
