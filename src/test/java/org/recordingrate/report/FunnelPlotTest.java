package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.FunnelPlot.FunnelPoint;
import org.recordingrate.report.FunnelPlot.Mark;

/**
 * The funnel plot of examples/data/forces-2022.csv (43 synthetic forces): what it plots, computed
 * here again from the file's cells, and that its labels are where they should be.
 */
class FunnelPlotTest {

    static final Path FORCES = Path.of("examples/data/forces-2022.csv");

    static List<Inspection> forces() {
        return InspectionFile.read(FORCES);
    }

    /** The plot with few rank replicates: the picture does not depend on the ranks, the test's time does. */
    private static FunnelPlot plot(List<Inspection> forces) {
        return FunnelPlot.of(forces).with(org.recordingrate.forces.Forces.withDefaults().withReplicates(1000));
    }

    /** Per force: {volume, volume x rate, sum of W^2/n pieces need the total first} from the raw cells. */
    private static Map<String, double[]> fromCells() throws IOException {
        Map<String, double[]> byForce = new HashMap<>();
        try (Reader in = Files.newBufferedReader(FORCES, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
                    .getRecords();
            for (CSVRecord r : rows) {
                double[] f = byForce.computeIfAbsent(r.get("inspection"), k -> new double[3]);
                double v = Double.parseDouble(r.get("volume"));
                f[0] += v;
                f[1] += v * Double.parseDouble(r.get("recorded")) / Double.parseDouble(r.get("audited"));
            }
            for (CSVRecord r : rows) {
                double[] f = byForce.get(r.get("inspection"));
                double w = Double.parseDouble(r.get("volume")) / f[0];
                f[2] += w * w / Double.parseDouble(r.get("audited"));
            }
        }
        return byForce;
    }

    @Test
    void pointsAndTargetFromTheCells() throws IOException {
        Map<String, double[]> cells = fromCells();
        FunnelPlot plot = plot(forces());
        // the target is the pooled rate sum n_i p_i / sum n_i over the effective audited counts
        double size = 0;
        double recorded = 0;
        for (double[] f : cells.values()) {
            size += 1 / f[2];
            recorded += f[1] / f[0] / f[2];
        }
        assertEquals(recorded / size, plot.target(), 1e-12);
        assertEquals(43, plot.points().size());
        for (FunnelPoint p : plot.points()) {
            double[] f = cells.get(p.name());
            assertEquals(f[1] / f[0], p.rate(), 1e-12, p.name());
            assertEquals(1 / f[2], p.size(), 1e-9 * p.size(), p.name());
            // the additive allowance (over-dispersion is found in the bundled forces): target +/- z sqrt(s^2 + tau2)
            double spread = Math.sqrt(plot.target() * (1 - plot.target()) / p.size() + plot.result().dispersion().tau2());
            assertEquals(Math.max(0, plot.target() - 1.959963984540054 * spread), p.lower95(), 1e-12, p.name());
            assertEquals(Math.min(1, plot.target() + 3.090232306167813 * spread), p.upper998(), 1e-12, p.name());
            assertEquals(p.rate() < p.lower95() || p.rate() > p.upper95(), p.beyond95());
            assertTrue(!p.beyond998() || p.beyond95());
        }
        FunnelPlot plain = plot(forces()).with(Overdispersion.NONE);
        for (FunnelPoint p : plain.points()) {
            assertEquals(FunnelLimits.EXACT_BINOMIAL.lower(plain.target(), p.size(), 0.95), p.lower95(), 0, p.name());
            assertEquals(FunnelLimits.EXACT_BINOMIAL.upper(plain.target(), p.size(), 0.998), p.upper998(), 0, p.name());
        }
        // the observation on the bundled forces: 19 of 43 beyond the unadjusted 95% limits
        assertEquals(19, plain.beyond95().size());
    }

    @Test
    void everyForceBeyondTheLimitsIsLabelledAndNoOtherIs() {
        FunnelPlot plot = plot(forces());
        List<Mark> marks = plot.marks();
        assertEquals(43, marks.size());
        String svg = plot.svg();
        List<SvgBounds.Box> texts = SvgBounds.assertInside(svg);
        for (FunnelPoint p : plot.points()) {
            Mark mark = marks.stream().filter(m -> m.name().equals(p.name())).findFirst().orElseThrow();
            assertEquals(p.beyond95(), mark.label().isPresent(), p.toString());
            assertEquals(p.beyond998() ? Palette.VERMILLION : p.beyond95() ? Palette.ORANGE : Palette.GREY, mark.rgb(),
                    p.toString());
            assertEquals(p.beyond95(), svg.contains(">" + p.name() + "</text>"), p.toString());
        }
        assertFalse(plot.beyond95().isEmpty(), "the example should show labelled forces");
        // labels overlap neither each other nor any other text
        List<double[]> labels = marks.stream().filter(m -> m.label().isPresent()).map(m -> m.label().get()).toList();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertEquals(0, FunnelPlot.overlap(labels.get(i), labels.get(j)), 1e-9, "labels " + i + " and " + j);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertFalse(texts.get(i).overlaps(texts.get(j)), texts.get(i) + " overlaps " + texts.get(j));
            }
        }
    }

    @Test
    void categoryHighlightAndExtra() {
        List<Inspection> forces = forces();
        FunnelPlot violence = plot(forces).category("Violence").with(FunnelLimits.NORMAL);
        for (FunnelPoint p : violence.points()) {
            Inspection force = forces.stream().filter(f -> f.name().equals(p.name())).findFirst().orElseThrow();
            assertEquals(force.category("violence").get().tally().audited(), p.size(), 0);
            assertEquals(force.category("violence").get().tally().rate(), p.rate(), 0);
        }
        assertTrue(violence.with(Overdispersion.NONE).caption().contains("no allowance for over-dispersion"), violence.caption());

        FunnelPlot highlighted = plot(forces).highlight("FORCE 05");
        FunnelPoint five = highlighted.points().stream().filter(FunnelPoint::highlighted).findFirst().orElseThrow();
        assertEquals("force 05", five.name());
        assertTrue(highlighted.marks().stream().filter(m -> m.name().equals("force 05")).findFirst().get().label().isPresent());

        Inspection extra = Inspection.builder("peel").category("violence", 180, 202, 25_000).build();
        FunnelPlot withExtra = plot(forces).withExtra("Cambridgeshire", extra);
        assertEquals(plot(forces).target(), withExtra.target(), 0, "the extra force is not in the national rate");
        assertEquals(44, withExtra.points().size());
        assertTrue(withExtra.points().get(43).highlighted());
        SvgBounds.assertInside(withExtra.svg());

        FunnelPlot fixed = plot(forces).withTarget(0.9);
        assertEquals(0.9, fixed.target(), 0);
        assertThrows(IllegalArgumentException.class, () -> plot(forces).category("fraud").points());
        assertThrows(IllegalArgumentException.class, () -> FunnelPlot.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> FunnelPlot.of(List.of(
                Inspection.builder("a").category("v", 10, 10, 100).build())).points());
        // an unknown highlight is an error naming it and the nearest names (it drew nothing and said nothing)
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> plot(forces).highlight("forse 5").svg());
        assertTrue(unknown.getMessage().contains("'forse 5'") && unknown.getMessage().contains("force 05"),
                unknown.getMessage());
    }
}
