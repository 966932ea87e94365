package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.Verdict;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.ForestPlot.Mark;

/** The forest plot: where its marks are, that its texts fit, and that SVG and PNG agree. */
class ForestPlotTest {

    static Inspection file(String name) {
        return InspectionFile.read(Path.of("examples/data", name)).get(0);
    }

    static Report bundled() {
        return Report.of(file("cdi-2017.csv"), file("peel-2022.csv")).force("Cambridgeshire").since("2017");
    }

    @Test
    void marksSitAtTheRatesOnOneLinearAxis() {
        Report report = bundled();
        ForestPlot plot = report.forestPlot();
        List<Mark> marks = plot.marks();
        Map<String, Mark> before = marks.stream().filter(m -> m.what().equals("before"))
                .collect(Collectors.toMap(Mark::row, m -> m));
        Map<String, Mark> after = marks.stream().filter(m -> m.what().equals("after"))
                .collect(Collectors.toMap(Mark::row, m -> m));
        assertEquals(4, before.size());
        assertEquals(4, after.size());
        // pixels per unit of rate, from the first row; every other mark must sit on the same line
        ReportRow first = report.rows().get(0);
        double scale = (after.get(first.category()).x() - before.get(first.category()).x())
                / (first.after().rate() - first.before().get().rate());
        double origin = after.get(first.category()).x() - scale * first.after().rate();
        assertTrue(scale > 0);
        double previousY = 0;
        for (ReportRow row : report.rows()) {
            assertEquals(origin + scale * row.after().rate(), after.get(row.category()).x(), 1e-9, row.category());
            assertEquals(origin + scale * row.before().get().rate(), before.get(row.category()).x(), 1e-9, row.category());
            // rows go down the page in the report's order, the earlier inspection above the later
            assertTrue(before.get(row.category()).y() < after.get(row.category()).y());
            assertTrue(before.get(row.category()).y() > previousY);
            previousY = after.get(row.category()).y();
        }
    }

    @Test
    void verdictMarksFollowTheVerdicts() {
        // violence falls sharply, sexual offences stay: a deterioration and no change (Fisher, Holm)
        Inspection then = Inspection.builder("2019").category("violence", 190, 202, 25_000)
                .category("sexual offences", 120, 132, 2_500).build();
        Inspection now = Inspection.builder("2023").category("violence", 150, 202, 25_000)
                .category("sexual offences", 121, 132, 2_500).category("fraud", 40, 50, 9_000).build();
        var change = Comparison.withDefaults().compare(then, now);
        assertEquals(Verdict.DETERIORATION, change.categories().get(0).verdict());
        assertEquals(Verdict.NO_CHANGE, change.categories().get(1).verdict());
        ForestPlot plot = ForestPlot.of(change);
        Map<String, Integer> verdicts = plot.marks().stream().filter(m -> m.what().equals("verdict"))
                .collect(Collectors.toMap(Mark::row, Mark::rgb));
        assertEquals(Palette.VERMILLION, verdicts.get("violence"));
        assertEquals(Palette.WHITE, verdicts.get("sexual offences"));
        assertFalse(verdicts.containsKey("fraud"), "a category not audited before has no verdict");
        assertTrue(plot.svg().contains(">not audited before</text>"));
        assertTrue(plot.marks().stream().noneMatch(m -> m.what().equals("before") && m.row().equals("fraud")));
        SvgBounds.assertInside(plot.svg());
    }

    @Test
    void everyTextInsideAndApart() {
        String svg = bundled().forestPlot().svg();
        List<SvgBounds.Box> boxes = SvgBounds.assertInside(svg);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("<title>Recording rates: Cambridgeshire</title>"));
    }

    @Test
    void pngHasTheSvgSize() throws IOException {
        ForestPlot plot = bundled().forestPlot();
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(plot.png()));
        assertEquals(plot.width(), one.getWidth());
        assertEquals(plot.height(), one.getHeight());
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(plot.png(2)));
        assertEquals(2 * plot.width(), two.getWidth());
        assertTrue(plot.svg().contains("width=\"" + plot.width() + "\" height=\"" + plot.height() + "\""));
        assertThrows(IllegalArgumentException.class, () -> plot.png(0.1));
        assertThrows(IllegalArgumentException.class, () -> plot.bytesFor(Path.of("forest.jpg")));
    }
}
