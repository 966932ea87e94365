package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesResult;

/** The caterpillar plot of ranks: rows in rank order, texts inside the picture and apart, SVG well formed. */
class RanksPlotTest {

    static ForcesResult result() {
        return Forces.withDefaults().withReplicates(5_000).analyse(FunnelPlotTest.forces().stream().map(org.recordingrate.forces.ForceFigure::of).toList());
    }

    @Test
    void rowsTextsAndFormats() throws Exception {
        RanksPlot plot = RanksPlot.of(result()).highlight("FORCE 07");
        List<ForceResult> rows = plot.rows();
        assertEquals(43, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).rank().rank() <= rows.get(i).rank().rank());
        }
        String svg = plot.svg();
        List<SvgBounds.Box> texts = SvgBounds.assertInside(svg);
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertTrue(!texts.get(i).overlaps(texts.get(j)), texts.get(i) + " overlaps " + texts.get(j));
            }
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(svg.contains("font-weight=\"bold\" text-anchor=\"end\"") && svg.contains(">force 07</text>"));
        java.awt.image.BufferedImage png = ImageIO.read(new ByteArrayInputStream(plot.png()));
        assertEquals(plot.width(), png.getWidth());
        assertEquals(plot.height(), png.getHeight());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RanksPlot.of(plot.result()).highlight("forse 7"));
        assertTrue(unknown.getMessage().contains("nearest: force 07"), unknown.getMessage());
    }
}
