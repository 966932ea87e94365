package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Token;

/** The procedure and its result: settings, table, notes and refusals. */
class ForcesTest {

    private static Forces quick() {
        return Forces.withDefaults().withReplicates(2_000);
    }

    private static List<ForceFigure> tallies() {
        return List.of(ForceFigure.of("A", 90, 100).withVolume(1000).withGroup("North"),
                ForceFigure.of("B", 160, 200).withVolume(3000).withGroup("South"),
                ForceFigure.of("C", 280, 300).withVolume(2000).withGroup("North"),
                ForceFigure.of("D", 70, 100).withVolume(500).withGroup("South"));
    }

    @Test
    void pooledTargetAndGroups() {
        ForcesResult result = quick().analyse(tallies());
        // sum n p / sum n = sum x / sum n
        assertEquals((90.0 + 160 + 280 + 70) / 700, result.target(), 1e-15);
        assertFalse(result.targetGiven());
        assertEquals(2, result.groups().size());
        NationalRate north = result.groups().get(0);
        assertEquals("North", north.group().get());
        assertEquals((1000 * 0.9 + 2000 * 280.0 / 300) / 3000, north.rate(), 1e-15);
        assertEquals(north, result.force("a").get().group().get());
        assertEquals((1000 * 0.9 + 3000 * 0.8 + 2000 * 280.0 / 300 + 500 * 0.7) / 6500, result.national().get().rate(),
                1e-15);
        ForcesResult given = quick().withTarget(0.9).analyse(tallies());
        assertEquals(0.9, given.target(), 0);
        assertTrue(given.targetGiven());
    }

    @Test
    void tableKeepsTheInputAndNamesEveryColumn() {
        ForcesResult result = quick().analyse(ForcesFile.read(ForcesFileTest.OWN_NAMES, ForcesFile.Options.defaults()
                .withColumns(ForcesFileTest.COLUMNS).withCategory("violent offences").by("Region")));
        ResultTable table = result.table();
        List<String> names = table.columns().stream().map(ResultTable.Column::name).toList();
        assertEquals("Force", names.get(0));
        for (String column : List.of("rate", "se", "effective_audited", "target", "z", "z_adjusted", "phi", "tau2",
                "overdispersion", "lower95", "upper95", "lower998", "upper998", "outlier", "outlier_unadjusted",
                "shrinkage", "shrunken", "shrunken_se", "shrunken_lower", "shrunken_upper", "rank", "rank_lower",
                "rank_upper", "rank_lower_simultaneous", "rank_upper_simultaneous", "national_rate", "national_lower",
                "national_upper", "group_rate", "group_lower", "group_upper")) {
            assertTrue(names.contains(column), column + " in " + names);
        }
        assertEquals(12, table.size());
        StringWriter csv = new StringWriter();
        table.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertTrue(lines[1].startsWith("Northmoor Police,North,2023,violent offences,79.5,5.0,58964,0.795,"), lines[1]);
        assertTrue(lines[0].endsWith(",notes"), lines[0]);
        // identity columns when no input row stands for a force
        ResultTable inspections = quick().analyse(ForcesFile.read(ForcesReferenceTest.FORCES)).table();
        assertEquals(List.of("force", "volume", "rate"), inspections.columns().stream().limit(3)
                .map(ResultTable.Column::name).toList());
        ResultTable listed = quick().analyse(tallies()).table();
        assertEquals(List.of("force", "group", "recorded", "audited", "volume", "rate"), listed.columns().stream().limit(6)
                .map(ResultTable.Column::name).toList());
    }

    @Test
    void notesReachTheTable() {
        List<ForceFigure> some = new ArrayList<>(List.of(ForceFigure.of("A", 90, 100).withVolume(1000),
                ForceFigure.of("B", 80, 100), ForceFigure.of("C", 100, 100).withVolume(10)));
        ForcesResult result = quick().analyse(some);
        assertTrue(result.national().isEmpty());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("no national rate") && n.contains("B")),
                result.notes().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("recorded none or all") && n.contains("C")),
                result.notes().toString());
        StringWriter csv = new StringWriter();
        result.table().writeCsv(csv);
        assertTrue(csv.toString().contains("no national rate"), csv.toString());
        assertTrue(result.summary().contains("Note: no national rate"), result.summary());
        // no over-dispersion: the binomial limits, said
        ForcesResult even = quick().analyse(List.of(ForceFigure.of("A", 450, 500), ForceFigure.of("B", 451, 500),
                ForceFigure.of("C", 449, 500), ForceFigure.of("D", 450, 500)));
        assertEquals(Overdispersion.NONE, even.applied());
        assertEquals(0, even.dispersion().tau2(), 0);
        assertTrue(even.notes().stream().anyMatch(n -> n.startsWith("no over-dispersion found")), even.notes().toString());
        assertTrue(even.notes().stream().anyMatch(n -> n.contains("tau2 0")), even.notes().toString());
        double weights = 0;
        double weighted = 0;
        for (ForceResult f : even.forces()) {
            weights += 1 / f.figure().variance();
            weighted += f.rate() / f.figure().variance();
        }
        for (ForceResult f : even.forces()) {
            assertEquals(f.limits(), f.unadjusted());
            // complete pooling at tau2 0: every force at the inverse-variance weighted mean
            assertEquals(weighted / weights, f.shrunken().estimate(), 1e-15);
        }
    }

    @Test
    void namesAndRefusals() {
        ForcesResult result = quick().analyse(ForcesFile.read(ForcesReferenceTest.FORCES));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> result.require("highlight", "forse 7"));
        assertTrue(unknown.getMessage().startsWith("highlight ('forse 7') names no force of the 43; nearest: force 07"),
                unknown.getMessage());
        assertEquals("force 07", result.require("highlight", " FORCE  07 ").name());
        assertEquals(List.of("force 10", "force 11"), result.near("force 1", 2));
        assertThrows(IllegalArgumentException.class, () -> quick().analyse(List.of(ForceFigure.of("A", 9, 10))));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> quick().analyse(List.of(ForceFigure.of("A", 9, 10), ForceFigure.of(" a ", 8, 10))));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
        IllegalArgumentException allRecorded = assertThrows(IllegalArgumentException.class,
                () -> quick().analyse(List.of(ForceFigure.of("A", 10, 10), ForceFigure.of("B", 8, 8))));
        assertTrue(allRecorded.getMessage().contains("give a target"), allRecorded.getMessage());
        IllegalArgumentException groups = assertThrows(IllegalArgumentException.class,
                () -> quick().analyse(List.of(ForceFigure.of("A", 9, 10).withGroup("N"), ForceFigure.of("B", 8, 10))));
        assertTrue(groups.getMessage().contains("'B' has none"), groups.getMessage());
        assertThrows(IllegalArgumentException.class, () -> quick().withWinsorising(0.5));
        assertThrows(IllegalArgumentException.class, () -> quick().withTarget(1));
        assertThrows(IllegalArgumentException.class, () -> quick().withReplicates(10));
        assertThrows(IllegalArgumentException.class, () -> quick().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> quick().withConfidence(95));
    }

    @Test
    void tokensAndText() {
        assertEquals(Overdispersion.ADDITIVE, Token.parse(Overdispersion.class, "overdispersion", "Random-Effects"));
        assertEquals(Shrinkage.BETA_BINOMIAL_MOMENTS, Token.parse(Shrinkage.class, "shrinkage", "mm"));
        assertEquals(Shrinkage.DERSIMONIAN_LAIRD, Token.parse(Shrinkage.class, "shrinkage", "DL"));
        assertEquals("99.8", Outlier.BEYOND_99_8.token());
        ForcesResult result = quick().analyse(ForcesFile.read(ForcesReferenceTest.PUBLISHED_38));
        assertTrue(result.toString().startsWith("38 forces around 89.0%: "), result.toString());
        String summary = result.summary();
        assertTrue(summary.contains("over-dispersion: phi 15.4"), summary);
        assertTrue(summary.contains("DerSimonian-Laird"), summary);
        assertTrue(summary.contains("national rate 88.7%"), summary);
    }
}
