package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.io.DataFileException;
import org.recordingrate.reproduce.PublishedFigure;

/** Forces from every kind of file, and the errors a user can make, each located. */
class ForcesFileTest {

    static final Path OWN_NAMES = Path.of("examples/data/published-forces.csv");
    /** The inspectorate's own column names, as README's example maps them. */
    static final Map<String, String> COLUMNS = Map.of("force", "Force", "rate", "Recording rate (%)", "margin",
            "Confidence interval (+/- %)", "volume", "Crimes recorded (12 months)", "category", "Crime type");

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void publishedFiguresInTheirOwnColumnNames() {
        ForcesFile file = ForcesFile.read(OWN_NAMES, ForcesFile.Options.defaults().withColumns(COLUMNS)
                .withCategory("All crime (excluding fraud)").by("Region"));
        assertEquals(ForcesFile.Kind.PUBLISHED_FIGURES, file.kind());
        assertEquals(12, file.figures().size());
        assertEquals(List.of("Force", "Region", "Inspection year", "Crime type", "Recording rate (%)",
                "Confidence interval (+/- %)", "Crimes recorded (12 months)"), file.header());
        ForceFigure first = file.figures().get(0);
        assertEquals("Northmoor Police", first.name());
        assertEquals(0.867, first.rate(), 0);
        assertEquals(PublishedFigure.fromPercent(86.7, 2.5).impliedAudited(), first.effectiveAudited(), 1e-9);
        assertEquals(92_481, first.volume().getAsLong());
        assertEquals("North", first.group().get());
        assertEquals(List.of("Northmoor Police", "North", "2023", "all crime (excluding fraud)", "86.7", "2.5", "92481"),
                file.cells().get(0));
        assertEquals("all crime (excluding fraud)".length(), file.category().get().length());
        assertTrue(file.notes().get(0).contains("12 rows of other categories"), file.notes().toString());
        // every crime type at once is two rows per force: an error naming both lines and the categories
        DataFileException twice = assertThrows(DataFileException.class,
                () -> ForcesFile.read(OWN_NAMES, ForcesFile.Options.defaults().withColumns(COLUMNS)));
        assertEquals(3, twice.line());
        assertTrue(twice.getMessage().contains("already on line 2") && twice.getMessage().contains("--category")
                && twice.getMessage().contains("violent offences"), twice.getMessage());
        DataFileException none = assertThrows(DataFileException.class, () -> ForcesFile.read(OWN_NAMES,
                ForcesFile.Options.defaults().withColumns(COLUMNS).withCategory("fraud")));
        assertTrue(none.getMessage().contains("matches no row"), none.getMessage());
    }

    @Test
    void tallies() throws IOException {
        Path file = write("tallies.csv", "force,recorded,audited,volume\nA,90,100,1000\nB,80,100,\n C ,99,100,500\n");
        ForcesFile read = ForcesFile.read(file);
        assertEquals(ForcesFile.Kind.TALLIES, read.kind());
        assertEquals(3, read.figures().size());
        assertEquals("C", read.figures().get(2).name());
        assertTrue(read.figures().get(1).volume().isEmpty());
        assertEquals(List.of(" C ", "99", "100", "500"), read.cells().get(2), "cells exactly as written");
        assertEquals(0.8, read.figures().get(1).rate(), 0);
    }

    @Test
    void inspectionAndAuditFiles() {
        ForcesFile all = ForcesFile.read(ForcesReferenceTest.FORCES);
        assertEquals(ForcesFile.Kind.INSPECTIONS, all.kind());
        assertEquals(43, all.figures().size());
        assertEquals("all crime", all.category().get());
        assertTrue(all.header().isEmpty() && all.cells().isEmpty());
        ForcesFile violence = ForcesFile.read(ForcesReferenceTest.FORCES,
                ForcesFile.Options.defaults().withCategory("violence"));
        assertTrue(violence.figures().stream().allMatch(f -> f.tally().isPresent()));
        ForcesFile audit = ForcesFile.read(Path.of("examples/data/audit-2022.csv"),
                ForcesFile.Options.defaults().withVolumes(Path.of("examples/data/volumes.csv")));
        assertEquals(ForcesFile.Kind.AUDIT, audit.kind());
        assertEquals("PEEL 2021/22", audit.figures().get(0).name());
        assertThrows(DataFileException.class, () -> ForcesFile.read(Path.of("examples/data/audit-2022.csv"),
                ForcesFile.Options.defaults().withVolumes(Path.of("examples/data/volumes.csv")).by("region")));
    }

    @Test
    void groupsOfInspections() throws IOException {
        Path file = write("regions.csv", "inspection,region,category,recorded,audited,volume\n"
                + "A,North,violence,90,100,1000\nA,North,other,95,100,2000\nB,South,violence,80,100,1500\n"
                + "B,North,other,85,100,1000\n");
        DataFileException differs = assertThrows(DataFileException.class,
                () -> ForcesFile.read(file, ForcesFile.Options.defaults().by("region")));
        assertEquals(5, differs.line());
        Path good = write("regions2.csv", "inspection,region,category,recorded,audited,volume\n"
                + "A,North,violence,90,100,1000\nA,North,other,95,100,2000\nB,South,violence,80,100,1500\n");
        ForcesFile read = ForcesFile.read(good, ForcesFile.Options.defaults().by("region"));
        assertEquals("South", read.figures().get(1).group().get());
    }

    @Test
    void errorsNameFileLineColumnAndValue() throws IOException {
        DataFileException name = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("a.csv", "who,rate,margin\nA,90,2\n")));
        assertTrue(name.getMessage().contains("--columns force="), name.getMessage());
        DataFileException fractions = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("b.csv", "force,rate,margin\nA,0.932,0.023\nB,0.9,0.02\n")));
        assertEquals(2, fractions.line());
        assertTrue(fractions.getMessage().contains("look like fractions"), fractions.getMessage());
        ForcesFile asFractions = ForcesFile.read(write("c.csv", "force,rate,margin\nA,0.932,0.023\nB,0.9,0.02\n"),
                ForcesFile.Options.defaults().withFractions(true));
        assertEquals(0.932, asFractions.figures().get(0).rate(), 0);
        DataFileException hundred = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("d.csv", "force,rate,margin\nA,90,2\nB,100,1.5\n")));
        assertEquals(3, hundred.line());
        assertEquals("rate", hundred.column());
        DataFileException blank = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("e.csv", "force,rate,margin\nA,90,\n")));
        assertEquals("margin", blank.column());
        DataFileException group = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("f.csv", "force,region,rate,margin\nA,North,90,2\nB, ,91,2\n"),
                        ForcesFile.Options.defaults().by("region")));
        assertEquals(3, group.line());
        DataFileException blankName = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("g.csv", "force,recorded,audited\n ,90,100\n")));
        assertEquals("force", blankName.column());
        DataFileException recorded = assertThrows(DataFileException.class,
                () -> ForcesFile.read(write("h.csv", "force,recorded,audited\nA,101,100\n")));
        assertTrue(recorded.getMessage().contains("must not exceed audited"), recorded.getMessage());
        assertThrows(DataFileException.class, () -> ForcesFile.read(write("i.csv", "force,rate,margin\n")));
        assertThrows(DataFileException.class, () -> ForcesFile.read(write("j.csv", "x,y\n1,2\n")));
    }
}
