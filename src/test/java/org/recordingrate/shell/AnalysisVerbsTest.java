package org.recordingrate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.shell.RecordingRate.allocate;
import static org.recordingrate.shell.RecordingRate.coverage;
import static org.recordingrate.shell.RecordingRate.coveragePlot;
import static org.recordingrate.shell.RecordingRate.forces;
import static org.recordingrate.shell.RecordingRate.funnel;
import static org.recordingrate.shell.RecordingRate.inspection;
import static org.recordingrate.shell.RecordingRate.inspections;
import static org.recordingrate.shell.RecordingRate.posterior;
import static org.recordingrate.shell.RecordingRate.published;
import static org.recordingrate.shell.RecordingRate.ranks;
import static org.recordingrate.shell.RecordingRate.report;
import static org.recordingrate.shell.RecordingRate.save;
import static org.recordingrate.shell.RecordingRate.select;
import static org.recordingrate.shell.RecordingRate.tally;
import static org.recordingrate.shell.RecordingRate.trend;
import static org.recordingrate.shell.RecordingRate.trendPlot;
import static org.recordingrate.shell.RecordingRateTest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.coverage.CoverageCurve;
import org.recordingrate.coverage.CoveragePoint;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Results;
import org.recordingrate.plan.AllocationPlan;
import org.recordingrate.posterior.BetaPosterior;
import org.recordingrate.posterior.PosteriorChange;
import org.recordingrate.select.Selection;
import org.recordingrate.trend.Trend;
import org.recordingrate.trend.Trends;

/**
 * The verbs for selection, many forces, trends, posteriors and coverage: each takes the command line's
 * tokens and gives the command line's table (what {@code save} writes is what the command writes with
 * {@code --format csv}, whose numbers the command's own tests check against R, mpmath and QUADPACK),
 * and a few numbers cited here from those references.
 */
class AnalysisVerbsTest {

    private static final String PUBLISHED_COLUMNS = "force=Force,rate=Recording rate (%),margin=Confidence interval (+/- %),"
            + "volume=Crimes recorded (12 months),category=Crime type";

    @TempDir
    Path dir;

    private String saved(org.recordingrate.model.Result result, String name) throws IOException {
        return Files.readString(save(result, dir.resolve(name).toString()));
    }

    @Test
    void selectDrawsThePlansRecordsAsTheCommandLine() throws IOException {
        Inspection peel = inspection("examples/data/peel-2022.csv");
        AllocationPlan plan = allocate(peel, 3, "minimum=50");
        Path planFile = dir.resolve("plan.csv");
        Files.writeString(planFile, saved(plan, "plan.csv"));
        Selection sample = select("examples/data/population.csv", plan, "seed=2022");
        assertEquals(cli("select", "examples/data/population.csv", "--plan", planFile.toString(), "--seed", "2022",
                "--format", "csv"), saved(sample, "sample.csv"));
        long planned = plan.plannedCategories().stream().mapToLong(c -> c.audited()).sum();
        assertTrue(sample.drawn() <= planned && sample.drawn() > 0, sample.toString());
        // by counts, another method
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("violence", 20);
        counts.put("other crime", 30);
        Selection srs = select("examples/data/population.csv", counts, "srs", "seed=7", "other=other crime");
        assertEquals(50, srs.drawn());
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> select("examples/data/population.csv", plan));
        assertTrue(seed.getMessage().contains("seed="), seed.getMessage());
    }

    @Test
    void forcesFromAFileOrInspectionsAsTheCommandLine() throws IOException {
        ForcesResult published = forces("examples/data/published-forces.csv", "columns=" + PUBLISHED_COLUMNS,
                "category=all crime (excluding fraud)", "by=Region");
        assertEquals(cli("forces", "examples/data/published-forces.csv", "--columns", PUBLISHED_COLUMNS, "--category",
                "all crime (excluding fraud)", "--by", "Region", "--format", "csv"), saved(published, "forces.csv"));
        assertEquals(12, published.forces().size());
        // README's forces section (its CLI test): national rate 91.8% (95% CI 91.2% to 92.5%)
        assertTrue(published.summary().contains("national rate 91.8% (95% CI 91.2% to 92.5%)"), published.summary());
        ForcesResult synthetic = forces(inspections("examples/data/forces-2022.csv"), "seed=3", "replicates=2000");
        // the forces of an inspection file, all crime; README: national rate 90.4% (95% CI 90.0% to 90.9%)
        assertEquals(43, synthetic.forces().size());
        assertTrue(synthetic.summary().contains("national rate 90.4% (95% CI 90.0% to 90.9%)"), synthetic.summary());
        // the plots of an analysis
        Path funnelSvg = save(funnel(published, "highlight=Northmoor Police"), dir.resolve("funnel.svg").toString());
        assertTrue(Files.readString(funnelSvg).contains("Northmoor Police"));
        Path ranksSvg = save(ranks(published), dir.resolve("ranks.svg").toString());
        assertTrue(Files.readString(ranksSvg).startsWith("<?xml") || Files.readString(ranksSvg).startsWith("<svg"));
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class,
                () -> forces(inspections("examples/data/forces-2022.csv"), "target=0.9"));
        assertTrue(units.getMessage().contains("write 90"), units.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> forces(inspections("examples/data/forces-2022.csv"), "by=Region"));
        // an unknown tool column is refused, as --columns is
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> forces("examples/data/published-forces.csv", "columns=rte=Recording rate (%)"));
        assertTrue(column.getMessage().contains("did you mean rate?"), column.getMessage());
    }

    @Test
    void trendOfTalliesIsPropTrendTestAndOfAFileAsTheCommandLine() throws IOException {
        Trend tallies = trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202));
        // R: prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022)): X-squared = 24.017
        assertTrue(tallies.summary().contains("chi-square = 24.017"), tallies.summary());
        assertEquals(cli("trend", "--times", "2014,2017,2022", "--tallies", "150/200,171/205,188/202", "--format", "csv"),
                saved(tallies, "trend.csv"));
        Trend figures = trend(2014, published(74.5, 3.6), 2017, published(80.0, 3.1), 2022, published(89.1, 4.3),
                "confidence=0.9");
        assertEquals(cli("trend", "--times", "2014,2017,2022", "--rates", "74.5,80.0,89.1", "--margins", "3.6,3.1,4.3",
                "--confidence", "0.9", "--format", "csv"), saved(figures, "figures.csv"));
        Trends file = trend("examples/data/trend-figures.csv", "time=inspection_year",
                "columns=category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct");
        assertEquals(cli("trend", "examples/data/trend-figures.csv", "--time", "inspection_year", "--columns",
                "category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct", "--format", "csv"),
                saved(file, "trends.csv"));
        Trends inspectionsFile = trend("examples/data/trend-inspections.csv", "time=year", "by=force");
        assertEquals(cli("trend", "examples/data/trend-inspections.csv", "--time", "year", "--by", "force", "--format",
                "csv"), saved(inspectionsFile, "by-force.csv"));
        Path svg = save(trendPlot(inspectionsFile, "force=Northshire"), dir.resolve("trend.svg").toString());
        assertTrue(Files.size(svg) > 1000);
        save(trendPlot(tallies), dir.resolve("one.png").toString());
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class,
                () -> trend(2014, tally(150, 200), 2017));
        assertTrue(pair.getMessage().contains("2017"), pair.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202), "time=year"));
    }

    @Test
    void posteriorOfATallyTwoTalliesAnInspectionAndManyForces() throws IOException {
        BetaPosterior one = posterior(tally(188, 202));
        // mpmath (beta-posterior.csv): Beta(188.5, 14.5) quantile 0.025 = 0.8894492258744091
        assertEquals(0.8894492258744091, one.lower(), 1e-13);
        assertEquals(cli("posterior", "--recorded", "188", "--audited", "202", "--format", "csv"), saved(one, "one.csv"));
        PosteriorChange change = posterior(tally(512, 640), tally(188, 202));
        // QUADPACK (beta-change.csv): P(after > before) = 0.99999838130963448
        assertEquals(0.99999838130963448, change.probabilityImproved(), 1e-11);
        assertEquals(cli("posterior", "--before", "512/640", "--after", "188/202", "--format", "csv"),
                saved(change, "change.csv"));
        assertEquals(cli("posterior", "examples/data/peel-2022.csv", "--replicates", "20000", "--format", "csv"),
                saved(posterior(inspection("examples/data/peel-2022.csv"), "replicates=20000"), "peel.csv"));
        assertEquals(cli("posterior", "examples/data/forces-2022.csv", "--across-forces", "--category", "violence",
                "--format", "csv"), saved(posterior(inspections("examples/data/forces-2022.csv"), "category=violence"),
                "across.csv"));
        assertEquals(cli("posterior", "--recorded", "188", "--audited", "202", "--prior", "uniform", "--format", "csv"),
                saved(posterior(tally(188, 202), "prior=uniform"), "uniform.csv"));
        assertThrows(IllegalArgumentException.class, () -> posterior(tally(188, 202), "category=violence"));
    }

    @Test
    void coverageOfARateAChangeAndADesign() throws IOException {
        Results<CoverageCurve<CoveragePoint>> curves = coverage(202, "wald", "rates=0.8:0.99:0.01");
        assertEquals(cli("coverage", "--method", "wald", "--audited", "202", "--rates", "0.8:0.99:0.01", "--format",
                "csv"), saved(curves, "rate.csv"));
        assertEquals(cli("coverage", "--method", "all", "--audited", "202", "--rate", "0.93", "--format", "csv"),
                saved(coverage(202, "all", "rate=0.93"), "all.csv"));
        assertEquals(cli("coverage", "--method", "newcombe", "--audited-before", "640", "--audited-after", "202",
                "--rate-before", "0.8", "--rate-after", "0.93", "--format", "csv"),
                saved(coverage(640, 202, "rate_before=0.8", "rate_after=0.93"), "pair.csv"));
        assertEquals(cli("coverage", "--method", "wald", "--audited-before", "640", "--audited-after", "202",
                "--rates", "0.8:0.9:0.05", "--change", "0.01", "--format", "csv"),
                saved(coverage(640, 202, "wald", "rates=0.8:0.9:0.05", "change=0.01"), "change.csv"));
        assertEquals(cli("coverage", "--design", "examples/data/peel-2022.csv", "--replicates", "2000", "--seed", "5",
                "--format", "csv"), saved(coverage(inspection("examples/data/peel-2022.csv"), "replicates=2000", "seed=5"),
                "design.csv"));
        assertTrue(Files.size(save(coveragePlot(curves), dir.resolve("coverage.svg").toString())) > 1000);
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class,
                () -> coverage(202, "rate=93"));
        assertTrue(percent.getMessage().contains("did you mean 0.93?"), percent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> coverage(640, 202, "rate_before=0.8"));
    }

    @Test
    void theReportNamesItsTestBesideEveryPValue() {
        // issue 18 item 5: report's default test (the inspectors' two-sample z) differs from compare's (pooled z):
        // the report says which beside every p-value, in its table and its methods paragraph
        String text = report(inspection("examples/data/cdi-2017.csv"), inspection("examples/data/peel-2022.csv"),
                "Our Force").summary();
        String table = text.substring(text.indexOf("category "), text.indexOf("Rates: "));
        long rows = table.lines().filter(l -> l.contains("statistically")).count();
        assertEquals(4, rows, table);
        assertEquals(rows, table.lines().filter(l -> l.contains(" z_unpooled ") || l.contains(" z_weighted ")).count(),
                table);
        assertTrue(text.contains("two-sample z-test (unpooled variance)"), text);
    }
}
