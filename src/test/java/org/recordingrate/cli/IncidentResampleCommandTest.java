package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInspectionEstimate;
import org.recordingrate.resample.BootstrapInterval;

/**
 * {@code bootstrap} on record-level audit files whose records name their incidents
 * (examples/data/audit-2022.csv and audit-2017.csv have {@code incident_id}). The counts of
 * incidents and crimes expected in the note are counted here from the file itself; the numbers
 * of the CSV are compared with the library's only to show that the command carries them (the same
 * seed through the API and the command). No Monte Carlo tolerance is used.
 */
class IncidentResampleCommandTest {

    private static final String AUDIT_2022 = "examples/data/audit-2022.csv";
    private static final String AUDIT_2017 = "examples/data/audit-2017.csv";
    private static final String VOLUMES = "examples/data/volumes.csv";
    private static final String HEADER = "inspection,category,recorded,audited,volume,rate,lower,upper,margin,se,"
            + "unrecorded,unrecorded_lower,unrecorded_upper,more_than,interval,replicates,seed,notes";

    /**
     * The note expected for an audit file, counted from its rows: crimes are the rows whose
     * should_record is not No; incidents the distinct (category, incident_id) pairs among them (an
     * incident is one unit in each category it has crimes in).
     */
    private static String expectedNote(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int inspection = header.indexOf("inspection");
        int incident = header.indexOf("incident_id");
        int category = header.indexOf("category");
        int should = header.indexOf("should_record");
        Set<String> incidents = new HashSet<>();
        long crimes = 0;
        String name = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[should].equalsIgnoreCase("No")) {
                continue;
            }
            crimes++;
            incidents.add(cells[category] + "\u0000" + cells[incident]);
            name = cells[inspection];
        }
        return String.format(Locale.ROOT, "resampling incidents, not crimes: %,d incidents holding %,d crimes in inspection %s",
                incidents.size(), crimes, name);
    }

    /** (c) The same seed gives the same CSV bytes with 1, 2 or 16 threads (20,000 replicates: three blocks). */
    @Test
    void sameBytesForOneTwoAndSixteenThreadsWithIncidents() throws IOException {
        CliRun one = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "20000", "--seed", "7",
                "--threads", "1", "--format", "csv");
        assertEquals(0, one.status(), one.toString());
        for (String threads : new String[] {"2", "16"}) {
            CliRun run = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "20000", "--seed",
                    "7", "--threads", threads, "--format", "csv");
            assertEquals(0, run.status(), run.toString());
            assertEquals(one.out(), run.out(), "threads " + threads);
        }
        List<String> lines = one.out().lines().toList();
        assertEquals(HEADER, lines.get(0), "the column set of bootstrap is the same with incidents");
        assertEquals(5, lines.size(), one.out());
        assertTrue(one.err().contains(expectedNote(AUDIT_2022) + "\n"), one.err());
    }

    /** The command resamples by incident: its numbers are the library's Bootstrap.estimate on the inspection read with its incidents. */
    @Test
    void carriesTheIncidentBootstrapOfTheLibrary() {
        Inspection peel = InspectionSource.read(Path.of(AUDIT_2022), Optional.of(Path.of(VOLUMES))).inspections().get(0);
        assertTrue(Bootstrap.hasIncidents(peel));
        BootstrapInspectionEstimate expected = Bootstrap.withDefaults().withReplicates(5000).withSeed(3)
                .withThreads(1).estimate(peel);
        CliRun run = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "5000", "--seed", "3",
                "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        for (int j = 0; j < expected.rows().size(); j++) {
            String[] cells = lines.get(j + 1).split(",");
            assertEquals(expected.rows().get(j).rate().standardError(), Double.parseDouble(cells[9]), 0.0, lines.get(j + 1));
            assertEquals(expected.rows().get(j).rate().lower(), Double.parseDouble(cells[6]), 0.0, lines.get(j + 1));
        }
    }

    @Test
    void saysSoInTextAndForBothFilesOfAChange() throws IOException {
        CliRun text = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000",
                "--format", "text");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().startsWith(expectedNote(AUDIT_2022) + "\n"), text.out());
        CliRun change = CliRun.of("bootstrap", AUDIT_2017, AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000",
                "--format", "csv");
        assertEquals(0, change.status(), change.toString());
        assertTrue(change.err().contains(expectedNote(AUDIT_2017)), change.err());
        assertTrue(change.err().contains(expectedNote(AUDIT_2022)), change.err());
        assertTrue(change.out().lines().reduce((a, b) -> b).orElseThrow().contains(",all crime,"), change.out());
        // inspection files carry no incidents: no note
        CliRun plain = CliRun.of("bootstrap", "examples/data/peel-2022.csv", "--replicates", "2000", "--format", "csv");
        assertFalse(plain.err().contains("resampling incidents"), plain.err());
    }

    /** The same records without incident_id are crimes again, resampled through the counts, with no note. */
    @Test
    void withoutIncidentIdTheCrimesAreResampled(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(AUDIT_2022));
        StringBuilder copy = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            copy.append(cells[0]).append(',').append(String.join(",", List.of(cells).subList(2, cells.length)))
                    .append('\n');
        }
        Path crimes = dir.resolve("crimes.csv");
        Files.writeString(crimes, copy);
        CliRun run = CliRun.of("bootstrap", crimes.toString(), "--volumes", VOLUMES, "--replicates", "2000",
                "--interval", "exact", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertFalse(run.err().contains("resampling incidents"), run.err());
    }

    /**
     * Every interval is offered for incident files: exact (the convolution of the categories'
     * distributions) and studentized too, each the API's own result; the text output gives the
     * notes, and every format carries the notes of the edge.
     */
    @Test
    void everyIntervalIsOfferedForIncidentFiles() throws IOException {
        Inspection peel = InspectionSource.read(Path.of(AUDIT_2022), Optional.of(Path.of(VOLUMES))).inspections().get(0);
        for (String interval : new String[] {"studentized", "exact"}) {
            CliRun one = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--interval", interval,
                    "--replicates", "4000", "--format", "csv");
            assertEquals(0, one.status(), one.toString());
            BootstrapInspectionEstimate expected = Bootstrap.withDefaults()
                    .with(interval.equals("exact") ? BootstrapInterval.EXACT : BootstrapInterval.STUDENTIZED)
                    .withReplicates(4000).estimate(peel);
            List<String> lines = one.out().lines().toList();
            for (int j = 0; j < expected.rows().size(); j++) {
                String[] cells = lines.get(j + 1).split(",");
                assertEquals(expected.rows().get(j).rate().lower(), Double.parseDouble(cells[6]), 0.0, lines.get(j + 1));
                assertEquals(expected.rows().get(j).rate().upper(), Double.parseDouble(cells[7]), 0.0, lines.get(j + 1));
            }
        }
        // sexual offences, 189 of 191 recorded, is at the edge: said on its row in CSV and JSON, and in text
        CliRun csv = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000", "--format", "csv");
        String sexual = csv.out().lines().filter(l -> l.contains(",sexual offences,")).findFirst().orElseThrow();
        assertTrue(sexual.contains("sexual offences: the bootstrap distribution is nearly degenerate (189 of 191"),
                sexual);
        CliRun json = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000", "--format", "json");
        assertTrue(json.out().contains("\"notes\": \"sexual offences: the bootstrap distribution is nearly degenerate"),
                json.out());
        CliRun text = CliRun.of("bootstrap", AUDIT_2022, "--volumes", VOLUMES, "--replicates", "2000", "--format", "text");
        assertTrue(text.out().contains("note: sexual offences: the bootstrap distribution is nearly degenerate"),
                text.out());
        assertTrue(text.err().contains("sexual offences: the bootstrap distribution is nearly degenerate"), text.err());
    }
}
