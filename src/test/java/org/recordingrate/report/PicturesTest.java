package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.recordingrate.cli.Main;

/**
 * The pictures README.md shows (docs/forest-plot.png, docs/funnel-plot.png, docs/ranks-plot.png) are what its
 * commands draw today: each command is read from the README, run again into target/, and the new
 * picture compared with the committed one in size and structure rather than byte for byte (fonts
 * differ between machines): the same dimensions, every marker of the layout in its colour at its
 * place in both, white corners, and the same distribution of ink over a coarse grid.
 *
 * <p>After a deliberate change of the pictures, regenerate them with
 * {@code mvn test -Dtest=PicturesTest -Dpictures.regenerate=true}, look at them, and commit.
 */
class PicturesTest {

    private static final Path README = Path.of("README.md");

    /** The README line that writes {@code picture}, as arguments without the {@code java -jar ...} prefix. */
    private static String[] command(String picture) throws IOException {
        String prefix = "java -jar target/recording-rate-cli.jar ";
        for (String line : Files.readAllLines(README)) {
            String l = line.strip();
            if (l.startsWith(prefix) && l.endsWith("--out " + picture)) {
                // words as a shell splits them: double quotes group ("force 07")
                List<String> words = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)")
                        .matcher(l.substring(prefix.length()));
                while (m.find()) {
                    words.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                return words.toArray(new String[0]);
            }
        }
        throw new AssertionError("README.md has no command writing " + picture);
    }

    /** Runs the README's command for {@code picture}, writing to {@code out} instead. */
    private static BufferedImage draw(String picture, Path out) throws IOException {
        String[] args = command(picture);
        args[args.length - 1] = out.toString();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, status, String.join(" ", args) + "\n" + err);
        return ImageIO.read(out.toFile());
    }

    /** A colour within antialiasing distance of the expected one. */
    private static void assertColour(int expected, BufferedImage image, double x, double y, String what) {
        int rgb = image.getRGB((int) Math.floor(x), (int) Math.floor(y));
        for (int shift : new int[] {16, 8, 0}) {
            int a = (expected >> shift) & 0xFF;
            int b = (rgb >> shift) & 0xFF;
            assertTrue(Math.abs(a - b) <= 24, String.format("%s at (%.1f, %.1f): expected #%06x, found #%06x", what, x, y,
                    expected, rgb & 0xFFFFFF));
        }
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

    /**
     * Compares a fresh picture with the committed one. The ink tolerance, 0.06 per cell, allows for
     * text in another font (a cell is about 100 x 50 pixels; a line of text covers a fifth of it with
     * ink, so even 30% wider or narrower glyphs move its ink by about 0.06), while a moved marker,
     * a missing curve or a changed layout moves several cells by more.
     */
    private static void compare(BufferedImage committed, BufferedImage fresh, int width, int height,
                                List<double[]> marks, String name) {
        assertEquals(width, committed.getWidth(), name + " width: regenerate the picture");
        assertEquals(height, committed.getHeight(), name + " height: regenerate the picture");
        assertEquals(width, fresh.getWidth());
        assertEquals(height, fresh.getHeight());
        for (double[] corner : new double[][] {{0, 0}, {width - 1, 0}, {0, height - 1}, {width - 1, height - 1}}) {
            assertColour(Palette.WHITE, committed, corner[0], corner[1], name + " corner");
        }
        for (double[] m : marks) {
            assertColour((int) m[2], committed, m[0], m[1], name + " committed mark");
            assertColour((int) m[2], fresh, m[0], m[1], name + " fresh mark");
        }
        double[] a = ink(committed);
        double[] b = ink(fresh);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.06, name + " ink in cell " + i + ": " + Arrays.toString(a) + " vs " + Arrays.toString(b));
        }
    }

    @Test
    void forestPlotAsCommitted() throws IOException {
        ForestPlot plot = ForestPlotTest.bundled().forestPlot();
        Path committed = Path.of("docs/forest-plot.png");
        BufferedImage fresh = draw("docs/forest-plot.png", regenerate() ? committed : target("forest-plot.png"));
        List<double[]> marks = new ArrayList<>();
        for (ForestPlot.Mark m : plot.marks()) {
            marks.add(new double[] {m.x(), m.y(), m.rgb()});
        }
        assertEquals(12, marks.size(), "4 rows: before, after and verdict each");
        compare(ImageIO.read(committed.toFile()), fresh, plot.width(), plot.height(), marks, "forest plot");
    }

    @Test
    void funnelPlotAsCommitted() throws IOException {
        FunnelPlot plot = FunnelPlot.of(FunnelPlotTest.forces()).highlight("force 07").withUnadjusted(true);
        Path committed = Path.of("docs/funnel-plot.png");
        BufferedImage fresh = draw("docs/funnel-plot.png", regenerate() ? committed : target("funnel-plot.png"));
        List<FunnelPlot.Mark> all = plot.marks();
        List<double[]> marks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            FunnelPlot.Mark m = all.get(i);
            // only the marks nothing was drawn over: later marks within two radii, or any label
            boolean covered = false;
            for (int j = 0; j < all.size(); j++) {
                FunnelPlot.Mark o = all.get(j);
                covered |= j > i && Math.hypot(o.x() - m.x(), o.y() - m.y()) < 9;
                covered |= o.label().isPresent() && FunnelPlot.overlap(o.label().get(),
                        new double[] {m.x() - 1, m.y() - 1, 2, 2}) > 0;
            }
            if (!covered) {
                marks.add(new double[] {m.x(), m.y(), m.rgb()});
            }
        }
        assertTrue(marks.size() >= 35, "most of the 43 marks can be checked: " + marks.size());
        compare(ImageIO.read(committed.toFile()), fresh, plot.width(), plot.height(), marks, "funnel plot");
    }

    @Test
    void ranksPlotAsCommitted() throws IOException {
        RanksPlot plot = RanksPlot.of(org.recordingrate.forces.Forces.of(org.recordingrate.forces.ForcesFile.read(
                Path.of("examples/data/forces-2022.csv")))).highlight("force 07");
        Path committed = Path.of("docs/ranks-plot.png");
        BufferedImage fresh = draw("docs/ranks-plot.png", regenerate() ? committed : target("ranks-plot.png"));
        List<double[]> dots = plot.dots();
        assertEquals(43, dots.size());
        compare(ImageIO.read(committed.toFile()), fresh, plot.width(), plot.height(), dots, "ranks plot");
    }

    /** What README.md quotes of the report on the bundled example is what the report says. */
    @Test
    void readmeShowsTheReportAndBothPictures() throws IOException {
        String readme = Files.readString(README);
        Report report = ForestPlotTest.bundled();
        assertTrue(readme.contains("> " + report.paragraphs().get(0).text() + "\n"), "README quotes the all-crime paragraph");
        String wilson = report.with(org.recordingrate.estimate.AllCrimeMethod.WILSON).rows().get(0).paragraph().text();
        String quoted = "with a 95 percent Wilson confidence interval of 84.1 to 92.7 percent";
        assertTrue(wilson.contains(quoted), wilson);
        assertTrue(readme.replace("\n", " ").contains("\"" + quoted + "\""), "README quotes " + quoted);
        assertTrue(readme.contains("](docs/forest-plot.png)"), "README shows the forest plot");
        assertTrue(readme.contains("](docs/funnel-plot.png)"), "README shows the funnel plot");
        assertTrue(readme.contains("](docs/ranks-plot.png)"), "README shows the ranks plot");
    }

    private static boolean regenerate() {
        return Boolean.getBoolean("pictures.regenerate");
    }

    private static Path target(String name) throws IOException {
        Path folder = Path.of("target", "pictures");
        Files.createDirectories(folder);
        return folder.resolve(name);
    }
}
