package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.recordingrate.cli.Main;
import org.recordingrate.io.CsvInput;
import org.recordingrate.trend.Trend;
import org.recordingrate.trend.TrendAnalysis;
import org.recordingrate.trend.TrendFile;
import org.recordingrate.trend.Trends;

/**
 * The trend plot: its marks where the data put them, nothing outside the picture, well-formed SVG, and
 * the committed docs/trend-plot.png (and .svg) what README's command draws today, compared as
 * {@code PicturesTest} compares the others: same size, white corners, every mark in its colour at its
 * place, the same ink over a coarse grid (fonts differ between machines). After a deliberate change,
 * regenerate with {@code mvn test -Dtest=TrendPlotTest -Dpictures.regenerate=true}, look, and commit.
 */
class TrendPlotTest {

    private static final String COMMAND = "java -jar target/recording-rate-cli.jar plot trend";

    static List<Trend> northshire() {
        Trends trends = TrendAnalysis.withDefaults().trends(TrendFile.read(
                CsvInput.read(Path.of("examples/data/trend-inspections.csv")), "year", List.of("force")));
        return trends.trends().stream().filter(t -> t.force().orElse("").equals("Northshire")).toList();
    }

    @Test
    void marksSitAtTheRates_andTheTextStaysInside() throws Exception {
        TrendPlot plot = TrendPlot.of(northshire());
        List<TrendPlot.Mark> marks = plot.marks();
        assertEquals(12, marks.size(), "3 inspections of 4 series");
        // within a series, a higher rate is drawn higher (y points down), a later time further right
        for (int s = 0; s < 4; s++) {
            List<TrendPlot.Mark> series = new ArrayList<>();
            for (TrendPlot.Mark m : marks) {
                if (m.series() == s) {
                    series.add(m);
                }
            }
            Trend trend = plot.trends().get(s);
            for (int i = 1; i < 3; i++) {
                assertTrue(series.get(i).x() > series.get(i - 1).x());
                double rise = trend.observations().get(i).rate() - trend.observations().get(i - 1).rate();
                assertEquals(Math.signum(rise), -Math.signum(series.get(i).y() - series.get(i - 1).y()));
            }
        }
        String svg = plot.svg();
        SvgBounds.assertInside(svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(svg.contains("violence: +1.9 points a year (95% CI +1.0 to +2.8), p = 9.91e-05, Cochran-Armitage"),
                "legend gives the slope");
        assertTrue(plot.title().startsWith("Northshire: recording rates over 3 inspections"));
        assertThrows(IllegalArgumentException.class, () -> TrendPlot.of(List.of()));
        String quoted = plot.withTitle("<title> & \"quotes\"").svg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(quoted.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** README's command for {@code picture}, run into {@code out}. */
    private static void draw(String picture, Path out) throws IOException {
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            String l = line.strip();
            if (l.startsWith(COMMAND) && l.endsWith("--out " + picture)) {
                String[] args = l.substring("java -jar target/recording-rate-cli.jar ".length()).split("\\s+");
                args[args.length - 1] = out.toString();
                StringWriter err = new StringWriter();
                assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args), err.toString());
                return;
            }
        }
        throw new AssertionError("README.md has no command writing " + picture);
    }

    @Test
    void committedPicturesAreWhatReadmesCommandDraws() throws Exception {
        boolean regenerate = Boolean.getBoolean("pictures.regenerate");
        Path folder = Path.of("target", "pictures");
        Files.createDirectories(folder);
        Path png = regenerate ? Path.of("docs/trend-plot.png") : folder.resolve("trend-plot.png");
        Path svg = regenerate ? Path.of("docs/trend-plot.svg") : folder.resolve("trend-plot.svg");
        draw("docs/trend-plot.png", png);
        draw("docs/trend-plot.svg", svg);
        assertEquals(Files.readString(Path.of("docs/trend-plot.svg")), Files.readString(svg),
                "the SVG depends only on the data and the estimated text widths");
        BufferedImage committed = ImageIO.read(Path.of("docs/trend-plot.png").toFile());
        BufferedImage fresh = ImageIO.read(png.toFile());
        TrendPlot plot = TrendPlot.of(northshire());
        for (BufferedImage image : List.of(committed, fresh)) {
            assertEquals(plot.width(), image.getWidth());
            assertEquals(plot.height(), image.getHeight());
            for (int[] corner : new int[][] {{0, 0}, {plot.width() - 1, 0}, {0, plot.height() - 1}}) {
                assertEquals(0xFFFFFF, image.getRGB(corner[0], corner[1]) & 0xFFFFFF);
            }
            for (TrendPlot.Mark m : plot.marks()) {
                int rgb = image.getRGB((int) Math.floor(m.x()), (int) Math.floor(m.y()));
                for (int shift : new int[] {16, 8, 0}) {
                    assertTrue(Math.abs(((m.rgb() >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) <= 24,
                            String.format("mark of series %d at (%.1f, %.1f): #%06x, found #%06x", m.series(), m.x(), m.y(),
                                    m.rgb(), rgb & 0xFFFFFF));
                }
            }
        }
        double[] a = ink(committed);
        double[] b = ink(fresh);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.06, "ink in cell " + i);
        }
        assertTrue(Files.readString(Path.of("README.md")).contains("](docs/trend-plot.png)"), "README shows it");
    }

    /** The share of non-white pixels in each cell of a 10 x 8 grid. */
    private static double[] ink(BufferedImage image) {
        double[] cells = new double[80];
        int w = image.getWidth();
        int h = image.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    cells[(y * 8 / h) * 10 + x * 10 / w] += 1.0 / ((w / 10.0) * (h / 8.0));
                }
            }
        }
        return cells;
    }
}
