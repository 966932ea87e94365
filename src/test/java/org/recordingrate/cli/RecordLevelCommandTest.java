package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code estimate} and {@code compare} on record-level audit files with {@code --volumes}: the
 * README's commands run, the output's columns, the notices, and exit 2 for a missing or
 * conflicting {@code --volumes}, exit 1 with one located line for bad data.
 */
class RecordLevelCommandTest {

    private static final String AUDIT_2017 = "examples/data/audit-2017.csv";
    private static final String AUDIT_2022 = "examples/data/audit-2022.csv";
    private static final String VOLUMES = "examples/data/volumes.csv";

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
    }

    @Test
    void theReadmesRecordLevelCommandsRun() throws IOException {
        List<String> commands = Files.readString(Path.of("README.md")).lines()
                .filter(l -> l.startsWith("java -jar target/recording-rate-cli.jar ") && l.contains("audit-20"))
                .toList();
        assertEquals(4, commands.stream().filter(c -> c.contains(" estimate ") || c.contains(" compare ")).count(),
                "two estimate and two compare commands (and any others, such as report's): " + commands);
        for (String command : commands) {
            String[] args = command.substring("java -jar target/recording-rate-cli.jar ".length()).split(" ");
            CliRun run = CliRun.of(args);
            assertEquals(0, run.status(), command + "\n" + run);
            assertTrue(run.err().contains("read 620 records from examples/data/audit-2022.csv: 603 used, 17 excluded"),
                    run.err());
        }
    }

    @Test
    void estimateAddsIncidentsAndTheDesignEffect() throws IOException {
        CliRun run = CliRun.of("estimate", AUDIT_2022, "--volumes", VOLUMES, "--method", "wald", "--variance", "survey");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(4, rows.size());
        CSVRecord all = rows.get(3);
        assertEquals("all crime", all.get("category"));
        assertEquals("PEEL 2021/22", all.get("inspection"));
        assertEquals("603", all.get("audited"));
        assertTrue(Long.parseLong(all.get("incidents")) < 603);
        assertTrue(Double.parseDouble(all.get("design_effect")) > 0);
        // an aggregated file keeps its columns
        CliRun aggregated = CliRun.of("estimate", "examples/data/peel-2022.csv");
        assertTrue(aggregated.out().lines().findFirst().orElseThrow().endsWith(",more_than,notes"), aggregated.out());
    }

    /**
     * compare's category rows test tallies, so with incidents it says which rows ignore them, on
     * standard error and in text, and what does not (the all-crime row under survey, bootstrap);
     * the CSV stays data only, and files without incidents get no such note.
     */
    @Test
    void compareSaysWhichRowsIgnoreIncidents() throws java.io.IOException {
        CliRun binomial = CliRun.of("compare", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--format", "text");
        assertEquals(0, binomial.status(), binomial.toString());
        assertTrue(binomial.err().contains("incidents: the category rows and the Cochran-Mantel-Haenszel test count"
                + " crimes as independent"), binomial.err());
        assertTrue(binomial.out().contains("the all-crime row uses them only under the survey variance (--variance survey)"), binomial.out());
        CliRun survey = CliRun.of("compare", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--variance", "survey",
                "--format", "text");
        assertTrue(survey.out().contains("every row uses the survey variance over incidents"), survey.out());
        // the category rows are then tested on their survey standard errors, as all crime is
        CliRun surveyCsv = CliRun.of("compare", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--variance", "survey",
                "--format", "csv");
        assertEquals(org.recordingrate.compare.SurveyChange.TOKEN,
                EstimateCommandTest.csv(surveyCsv.out()).get(0).get("test"), surveyCsv.out());
        CliRun csv = CliRun.of("compare", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--format", "csv");
        assertEquals(0, csv.status(), csv.toString());
        assertTrue(csv.err().contains("incidents: the category rows"), csv.err());
        // the note is in the CSV too (its notes column), as on standard error
        assertTrue(EstimateCommandTest.csv(csv.out()).get(0).get("notes").contains("incidents: the category rows"),
                csv.out());
        CliRun aggregated = CliRun.of("compare", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv",
                "--format", "text");
        assertEquals(0, aggregated.status(), aggregated.toString());
        assertTrue(!aggregated.err().contains("incidents:") && !aggregated.out().contains("incidents:"),
                aggregated.toString());
    }

    /**
     * permute moves whole incidents: with incidents it says so, on standard error, in text and in
     * the CSV's notes; a file with no category in common with the other is an error naming both.
     */
    @Test
    void permutePermutesIncidents(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        CliRun run = CliRun.of("permute", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000",
                "--format", "text");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("incidents: whole incidents permuted between the inspections"), run.err());
        assertTrue(run.out().contains("incidents: whole incidents permuted between the inspections"), run.out());
        CliRun csv = CliRun.of("permute", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000",
                "--format", "csv");
        assertTrue(csv.out().lines().skip(1).allMatch(l -> l.contains("incidents: whole incidents permuted")), csv.out());
        CliRun aggregated = CliRun.of("permute", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv",
                "--replicates", "2000", "--format", "text");
        assertTrue(!aggregated.err().contains("incidents:"), aggregated.err());
        java.nio.file.Path fraud = dir.resolve("fraud.csv");
        java.nio.file.Files.writeString(fraud, "category,recorded,audited,volume\nfraud,40,50,900\n");
        CliRun none = CliRun.of("permute", "examples/data/cdi-2017.csv", fraud.toString());
        assertEquals(1, none.status(), none.toString());
        assertTrue(none.err().contains("examples/data/cdi-2017.csv and " + fraud + ": no category of"), none.err());
        assertEquals("", none.out());
    }

    @Test
    void binomialTextSaysItIgnoresIncidents() {
        CliRun run = CliRun.of("estimate", AUDIT_2022, "--volumes", VOLUMES, "--format", "text");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("binomial variance ignoring 361 incidents"), run.out());
    }

    @Test
    void compareAcceptsEitherKindOfFile() throws IOException {
        CliRun run = CliRun.of("compare", "examples/data/cdi-2017.csv", AUDIT_2022, "--volumes", VOLUMES);
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("read 3 category rows from examples/data/cdi-2017.csv"), run.err());
        CSVRecord all = csv(run.out()).get(3);
        assertEquals("all crime", all.get("category"));
        assertEquals("PEEL 2021/22", all.get("inspection_after"));
        run = CliRun.of("compare", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES);
        assertEquals(0, run.status(), run.toString());
        assertEquals("CDI 2017", csv(run.out()).get(3).get("inspection_before"));
    }

    @Test
    void volumesMissingOrMisplacedIsAUsageError() {
        BadInputTest.usage(CliRun.of("estimate", AUDIT_2022), "record-level audit file", "--volumes");
        BadInputTest.usage(CliRun.of("estimate", "examples/data/peel-2022.csv", "--volumes", VOLUMES), "has its volumes");
        BadInputTest.usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--volumes", VOLUMES), "--volumes");
        BadInputTest.usage(CliRun.of("compare", AUDIT_2017, AUDIT_2022), "--volumes");
        BadInputTest.usage(CliRun.of("compare", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--volumes",
                VOLUMES), "have their volumes");
        BadInputTest.usage(CliRun.of("compare", "--before", "1/2", "--after", "1/2", "--volumes", VOLUMES), "--volumes");
    }

    @Test
    void badDataIsOneLocatedLine() {
        Path broken = Path.of("src/test/resources/audit-files/broken");
        BadInputTest.badData(CliRun.of("estimate", broken.resolve("bad-finding.csv").toString(), "--volumes",
                broken.resolve("volumes.csv").toString()), "bad-finding.csv line 3, column recorded: 'maybe' is not a finding");
        BadInputTest.badData(CliRun.of("estimate", broken.resolve("invalid-utf8.csv").toString(), "--volumes",
                broken.resolve("volumes.csv").toString()), "invalid-utf8.csv line 3, column category");
        BadInputTest.badData(CliRun.of("compare", AUDIT_2017, broken.resolve("duplicate-id.csv").toString(), "--volumes",
                broken.resolve("volumes.csv").toString()), "duplicate-id.csv line 5, column record_id: 'R2' appears twice");
        BadInputTest.badData(CliRun.of("estimate", AUDIT_2022, "--volumes", broken.resolve("volumes-zero.csv").toString()),
                "volumes-zero.csv line 2, column volume: '0'");
    }

    @Test
    void columnsMapsAHeaderNoAliasCovers() {
        Path valid = Path.of("src/test/resources/audit-files/valid");
        // the notes column read as the incident: three different notes, three incidents
        CliRun run = CliRun.of("estimate", valid.resolve("semicolon-quoted.csv").toString(), "--volumes",
                valid.resolve("volumes.csv").toString(), "--columns", "incident_id=notes");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().lines().findFirst().orElseThrow().endsWith(",incidents,design_effect,notes"), run.out());
        BadInputTest.badData(CliRun.of("estimate", valid.resolve("plain.csv").toString(), "--volumes",
                valid.resolve("volumes.csv").toString(), "--columns", "incident_id=log"), "has no column 'log'");
    }
}
