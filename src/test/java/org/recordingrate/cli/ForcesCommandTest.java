package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;

/**
 * {@code forces}, {@code plot funnel} and {@code plot ranks} on the command line: the numbers are the
 * API's ({@link Forces} with the same choices), the input columns come back unchanged, the table behind
 * the funnel is the {@code forces} table, and mistakes are usage errors (2) or bad data (1), never a trace.
 */
class ForcesCommandTest {

    private static final String OWN = "examples/data/published-forces.csv";
    private static final String COLUMNS = "force=Force,rate=Recording rate (%),margin=Confidence interval (+/- %),"
            + "volume=Crimes recorded (12 months),category=Crime type";
    private static final String FORCES = "examples/data/forces-2022.csv";

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run.toString());
        return run;
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void publishedFiguresInTheirOwnNames() throws IOException {
        CliRun run = ok("forces", OWN, "--columns", COLUMNS, "--category", "All crime (excluding fraud)", "--by", "Region",
                "--replicates", "5000");
        List<CSVRecord> rows = csv(run.out());
        assertEquals(12, rows.size());
        assertTrue(run.out().startsWith("Force,Region,Inspection year,Crime type,Recording rate (%),"
                + "Confidence interval (+/- %),Crimes recorded (12 months),rate,se,effective_audited,target,z,"), run.out());
        assertTrue(run.err().contains("read 12 forces from " + OWN + " (published figures)"), run.err());
        ForcesResult api = Forces.withDefaults().withReplicates(5000).analyse(ForcesFile.read(Path.of(OWN),
                ForcesFile.Options.defaults().withColumns(java.util.Map.of("force", "Force", "rate", "Recording rate (%)",
                        "margin", "Confidence interval (+/- %)", "volume", "Crimes recorded (12 months)", "category",
                        "Crime type")).withCategory("all crime (excluding fraud)").by("Region")));
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            assertEquals(api.forces().get(i).name(), r.get("Force"));
            assertEquals(api.forces().get(i).shrunken().estimate(), Double.parseDouble(r.get("shrunken")), 0);
            assertEquals(api.forces().get(i).rank().upper(), Integer.parseInt(r.get("rank_upper")));
            assertEquals(api.forces().get(i).group().get().rate(), Double.parseDouble(r.get("group_rate")), 0);
            assertEquals(api.national().get().rate(), Double.parseDouble(r.get("national_rate")), 0);
        }
        String text = ok("forces", OWN, "--columns", COLUMNS, "--category", "all crime (excluding fraud)", "--format",
                "text", "--replicates", "5000").out();
        assertTrue(text.startsWith("12 forces, all crime (excluding fraud), funnel around "), text);
        assertTrue(ok("forces", OWN, "--columns", COLUMNS, "--category", "violent offences", "--format", "json",
                "--replicates", "5000").out().startsWith("[\n  {\"Force\": \"Northmoor Police\""));
    }

    @Test
    void sameBytesForAnyThreadCountAndTheTableBehindTheFunnel() {
        String one = ok("forces", FORCES, "--replicates", "20000", "--threads", "1").out();
        String two = ok("forces", FORCES, "--replicates", "20000", "--threads", "2").out();
        assertEquals(one, two);
        assertEquals(one, ok("plot", "funnel", FORCES, "--replicates", "20000", "--format", "csv").out());
        assertEquals(one, ok("plot", "ranks", FORCES, "--replicates", "20000", "--format", "CSV").out());
        assertFalse(one.equals(ok("forces", FORCES, "--replicates", "20000", "--seed", "2").out()), "another seed");
    }

    @Test
    void pictures(@TempDir Path folder) throws Exception {
        Path svg = folder.resolve("funnel.svg");
        CliRun run = ok("plot", "funnel", OWN, "--columns", COLUMNS, "--category", "all crime (excluding fraud)", "--out",
                svg.toString(), "--highlight", "eastvale constabulary", "--unadjusted", "--replicates", "2000");
        String picture = Files.readString(svg, StandardCharsets.UTF_8);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                picture.getBytes(StandardCharsets.UTF_8)));
        assertTrue(picture.contains(">Eastvale Constabulary: within the 95% limits</text>"), picture);
        assertTrue(picture.contains("over-dispersion: phi "), picture);
        assertTrue(picture.contains(">effective audited count implied by each published margin</text>"), picture);
        assertTrue(run.err().contains("additive allowance for over-dispersion"), run.err());
        Path png = folder.resolve("ranks.png");
        ok("plot", "ranks", FORCES, "--out", png.toString(), "--highlight", "force 07", "--replicates", "2000");
        assertEquals(900, ImageIO.read(png.toFile()).getWidth());
        Path ranks = folder.resolve("ranks.svg");
        ok("plot", "ranks", FORCES, "--out", ranks.toString(), "--category", "violence", "--replicates", "2000");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ranks.toFile());
        Path table = folder.resolve("table.json");
        ok("plot", "funnel", FORCES, "--format", "json", "--out", table.toString(), "--replicates", "2000");
        assertTrue(Files.readString(table).startsWith("[\n  {\"force\": \"force 01\""));
    }

    @Test
    void usageErrorsAndBadData(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("f.svg");
        String[][] usage = {
            {"forces"},
            {"forces", FORCES, "--overdispersion", "huge"},
            {"forces", FORCES, "--shrinkage", "james_stein"},
            {"forces", FORCES, "--limits", "poisson"},
            {"forces", FORCES, "--units", "per mille"},
            {"forces", FORCES, "--threads", "0"},
            {"forces", FORCES, FORCES},
            {"plot", "funnel", FORCES},
            {"plot", "funnel", FORCES, "--out", out.toString(), "--highlight", "forse 7"},
            {"plot", "ranks", FORCES, "--out", out.toString(), "--highlight", "nowhere"},
            {"plot", "funnel", FORCES, "--format", "pdf"},
            {"plot", "funnel", FORCES, "--out", out.toString(), "--digits", "3"}};
        for (String[] args : usage) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), String.join(" ", args) + "\n" + run);
            assertFalse(run.err().contains("Exception"), run.err());
        }
        CliRun near = CliRun.of("plot", "funnel", FORCES, "--out", out.toString(), "--highlight", "forse 7");
        assertTrue(near.err().contains("'forse 7' names no force of the 43 in the file; nearest: force 07"), near.err());
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "force,rate,margin\nA,90,2\nB,100,1.5\n");
        String[][] data = {
            {"forces", bad.toString()},
            {"forces", "no-such-file.csv"},
            {"forces", FORCES, "--winsorise", "10"},
            {"forces", FORCES, "--confidence", "95"},
            {"forces", FORCES, "--replicates", "10"},
            {"forces", FORCES, "--target", "100"},
            {"forces", FORCES, "--category", "fraud"},
            {"forces", "src/test/resources/forces/published-38.csv", "--shrinkage", "beta_binomial"},
            {"forces", OWN, "--columns", COLUMNS},
            {"forces", FORCES, "--volumes", "examples/data/volumes.csv"},
            {"plot", "funnel", FORCES, "--out", folder.resolve("no/such/f.svg").toString()}};
        for (String[] args : data) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.status(), String.join(" ", args) + "\n" + run);
            assertFalse(run.err().contains("Exception"), run.err());
        }
        CliRun located = CliRun.of("forces", bad.toString());
        assertTrue(located.err().contains("bad.csv line 3, column rate"), located.err());
        assertTrue(CliRun.of("forces", FORCES, "--winsorise", "10").err().contains("did you mean 0.1?"));
        assertFalse(Files.exists(out), "nothing written on an error");
    }

    /** README's forces commands, run again: what they print is what README shows. */
    @Test
    void readmeShowsWhatTheCommandsPrint() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String prefix = "java -jar target/recording-rate-cli.jar forces ";
        List<String> commands = readme.lines().map(String::strip).filter(l -> l.startsWith(prefix)).toList();
        assertEquals(2, commands.size(), commands.toString());
        for (String command : commands) {
            String[] args = words(command.substring("java -jar target/recording-rate-cli.jar ".length()));
            String out = ok(args).out();
            // the published example in full; the bundled forces' summary (the lines before the first blank)
            String shown = command.contains("published-forces") ? out.strip() : out.substring(0, out.indexOf("\n\n"));
            assertTrue(readme.contains(shown), "README should show the output of " + command + ":\n" + shown);
        }
        String[] csv = words("forces examples/data/published-forces.csv --columns \"" + COLUMNS + "\" --category "
                + "\"all crime (excluding fraud)\" --by Region --digits 4");
        List<String> lines = ok(csv).out().lines().limit(2).toList();
        assertTrue(readme.contains(lines.get(0) + "\n" + lines.get(1) + "\n"), "README shows the CSV's first row");
    }

    /** Words as a shell splits them: spaces separate, double quotes group. */
    private static String[] words(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words.toArray(new String[0]);
    }
}
