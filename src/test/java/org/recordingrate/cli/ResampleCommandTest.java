package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.model.Tally;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInterval;

/**
 * The bootstrap and permute commands. Expected numbers come from the library itself only where
 * the test is about the command line carrying them (the same seed through the API and the
 * command), and from Fisher's test (checked against R elsewhere) for enumeration.
 */
class ResampleCommandTest {

    private static final String PEEL = "examples/data/peel-2022.csv";
    private static final String CDI = "examples/data/cdi-2017.csv";

    @Test
    void sameBytesForOneTwoAndSixteenThreads() {
        String one = CliRun.of("bootstrap", PEEL, "--replicates", "20000", "--seed", "7", "--threads", "1",
                "--format", "csv").out();
        for (String threads : new String[] {"2", "16"}) {
            CliRun run = CliRun.of("bootstrap", PEEL, "--replicates", "20000", "--seed", "7", "--threads", threads,
                    "--format", "csv");
            assertEquals(0, run.status(), run.toString());
            assertEquals(one, run.out(), "threads " + threads);
        }
        List<String> lines = one.lines().toList();
        assertEquals("inspection,category,recorded,audited,volume,rate,lower,upper,margin,se,unrecorded,unrecorded_lower,"
                + "unrecorded_upper,more_than,interval,replicates,seed,notes", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains(",all crime,"), one);
        assertTrue(lines.get(1).endsWith(",bca,20000,7,"), one);
    }

    @Test
    void oneTallyCarriesTheApisResult() {
        CliRun run = CliRun.of("bootstrap", "--recorded", "180", "--audited", "202", "--replicates", "5000", "--seed", "42",
                "--interval", "percentile", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        var e = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(5000).withSeed(42)
                .estimate(Tally.of(180, 202));
        assertEquals("recorded,audited,confidence,rate,lower,upper,margin,se,interval,replicates,seed,notes\n"
                + "180,202,0.95," + e.estimate() + "," + e.lower() + "," + e.upper() + "," + e.margin() + ","
                + e.standardError() + ",percentile,5000,42,\n", run.out());
        CliRun text = CliRun.of("bootstrap", "--recorded", "180", "--audited", "202", "--replicates", "5000");
        assertTrue(text.out().contains("bootstrap BCa, 5,000 replicates, seed 1"), text.out());
        assertTrue(text.out().contains(" ms in all"), "timings in text only: " + text.out());
    }

    @Test
    void changeBetweenFilesAndTallies() {
        CliRun run = CliRun.of("bootstrap", CDI, PEEL, "--replicates", "5000", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().startsWith("inspection_before,inspection_after,category,rate_before,rate_after,change,lower,"
                + "upper,se,interval,replicates,seed,notes\n"), run.out());
        assertEquals(5, run.out().lines().count());
        CliRun exact = CliRun.of("bootstrap", "--before", "512/640", "--after", "188/202", "--interval", "exact",
                "--format", "csv");
        assertEquals(0, exact.status(), exact.toString());
        assertTrue(exact.out().lines().toList().get(1).endsWith(",exact,,,"), "no replicates or seed: " + exact.out());
    }

    @Test
    void permuteEnumeratesWhenCheapAndSaysSo() {
        CliRun run = CliRun.of("permute", "--before", "512/640", "--after", "188/202", "--alternative", "improved",
                "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        double fisher = ChangeTest.FISHER_EXACT.test(Tally.of(512, 640), Tally.of(188, 202), Alternative.IMPROVED).pValue();
        assertEquals("recorded_before,audited_before,recorded_after,audited_after,alternative,change,p_value,replicates,"
                + "seed,method,notes\n512,640,188,202,improved," + (188 / 202.0 - 512 / 640.0) + "," + fisher
                + ",,,exact enumeration,\n", run.out());
        CliRun mc = CliRun.of("permute", "--before", "512/640", "--after", "188/202", "--enumerate", "never",
                "--replicates", "1000", "--seed", "5", "--format", "csv");
        assertTrue(mc.out().trim().endsWith(",1000,5,monte carlo,"), mc.out());
        CliRun files = CliRun.of("permute", CDI, PEEL, "--format", "csv");
        assertEquals(5, files.out().lines().count(), files.toString());
        assertTrue(files.out().contains(",all crime,"), files.out());
    }

    @Test
    void compareTakesThePermutationTest() {
        CliRun run = CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--test", "permutation",
                "--replicates", "2000", "--seed", "3", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains(",permutation,"), run.out());
    }

    @Test
    void badValuesAreUsageErrorsAndBadCountsBadData() {
        assertEquals(2, CliRun.of("bootstrap", "--recorded", "1", "--audited", "2", "--replicates", "0").status());
        assertEquals(2, CliRun.of("bootstrap", "--recorded", "1", "--audited", "2", "--threads", "0").status());
        assertEquals(2, CliRun.of("bootstrap", "--recorded", "1", "--audited", "2", "--interval", "bcx").status());
        assertEquals(2, CliRun.of("bootstrap", "--recorded", "1").status());
        assertEquals(2, CliRun.of("permute", "--before", "1/2", "--after", "1/2", "--replicates", "0").status());
        assertEquals(2, CliRun.of("permute", "--before", "1/2", "--after", "1/2", "--enumerate", "sometimes").status());
        assertEquals(2, CliRun.of("compare", "--before", "1/2", "--after", "1/2", "--test", "permutation",
                "--replicates", "0").status());
        CliRun bad = CliRun.of("bootstrap", "--recorded", "3", "--audited", "2");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("recorded (3) must not exceed audited (2)"), bad.err());
    }

    /** The README's bootstrap and permutation examples show what these commands print. */
    @Test
    void readmeExamplesAreTheRealOutput() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String[][] commands = {
            {"bootstrap", PEEL, "--replicates", "100000", "--seed", "42", "--interval", "bca", "--format", "csv"},
            {"permute", CDI, PEEL, "--seed", "42", "--format", "csv"},
            {"permute", "--before", "512/640", "--after", "188/202", "--alternative", "improved", "--enumerate", "never",
                "--replicates", "100000", "--seed", "42", "--format", "csv"},
        };
        for (String[] command : commands) {
            CliRun run = CliRun.of(command);
            assertEquals(0, run.status(), run.toString());
            assertTrue(readme.contains(run.out()), "README should show:\n" + run.out());
        }
        String text = CliRun.of("bootstrap", PEEL, "--replicates", "100000", "--seed", "42", "--format", "text").out();
        String summary = text.substring(0, text.lastIndexOf("100,000 replicates per estimate"));
        assertTrue(readme.contains(summary), "README should show:\n" + summary);
    }

    /** Record-level audit files are read with their volumes, as estimate reads them. */
    @Test
    void recordLevelAuditFilesWithVolumes() {
        CliRun run = CliRun.of("bootstrap", "examples/data/audit-2022.csv", "--volumes", "examples/data/volumes.csv",
                "--replicates", "2000", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains(",all crime,"), run.out());
        CliRun permute = CliRun.of("permute", "examples/data/audit-2017.csv", "examples/data/audit-2022.csv",
                "--volumes", "examples/data/volumes.csv", "--format", "csv");
        assertEquals(0, permute.status(), permute.toString());
        assertEquals(2, CliRun.of("bootstrap", PEEL, "--volumes", "examples/data/volumes.csv").status());
        assertEquals(2, CliRun.of("bootstrap", "--recorded", "1", "--audited", "2", "--volumes",
                "examples/data/volumes.csv").status());
    }

    /**
     * Categories audited in one file only are said in every format, as compare says them: the
     * bootstrap counts them in that inspection's all-crime rate, the permutation test holds them
     * constant.
     */
    @Test
    void categoriesInOneFileOnlyAreSaid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path later = dir.resolve("later.csv");
        java.nio.file.Files.writeString(later, "category,recorded,audited,volume\nviolence,180,202,25000\n"
                + "other crime,211,220,35000\nfraud,40,50,900\n");
        CliRun boot = CliRun.of("bootstrap", CDI, later.toString(), "--replicates", "2000", "--format", "csv");
        assertEquals(0, boot.status(), boot.toString());
        String note = "category 'sexual offences' was audited only in cdi-2017: not compared by category";
        assertTrue(boot.err().contains(note), boot.err());
        assertTrue(boot.out().lines().skip(1).allMatch(l -> l.contains(note)), boot.out());
        assertTrue(boot.out().contains("category 'fraud' was audited only in later"), boot.out());
        CliRun json = CliRun.of("bootstrap", CDI, later.toString(), "--replicates", "2000", "--format", "json");
        assertTrue(json.out().contains(note), json.out());
        CliRun text = CliRun.of("bootstrap", CDI, later.toString(), "--replicates", "2000", "--format", "text");
        assertTrue(text.out().contains("note: " + note), text.out());
        CliRun permute = CliRun.of("permute", CDI, later.toString(), "--replicates", "2000", "--format", "csv");
        assertEquals(0, permute.status(), permute.toString());
        String held = "category 'sexual offences' was audited only in cdi-2017: not tested by category";
        assertTrue(permute.err().contains(held) && permute.out().contains(held), permute.toString());
    }

    /**
     * One limit for counts, 2^53, as estimate; the exact bootstrap of one tally at that size in
     * bounded memory, of two such refused naming the option and the limit.
     */
    @Test
    void limitsAreTheLibrarysOwn() {
        CliRun huge = CliRun.of("bootstrap", "--recorded", "5", "--audited", "9007199254740993");
        assertEquals(1, huge.status(), huge.toString());
        assertTrue(huge.err().contains("audited (9007199254740993) exceeds the supported limit 2^53"), huge.err());
        CliRun exact = CliRun.of("bootstrap", "--recorded", "4503599627370496", "--audited", "9007199254740992",
                "--interval", "exact", "--format", "csv");
        assertEquals(0, exact.status(), exact.toString());
        CliRun two = CliRun.of("bootstrap", "--before", "4503599627370496/9007199254740992", "--after", "1/2",
                "--interval", "exact");
        assertEquals(1, two.status(), two.toString());
        assertTrue(two.err().contains("interval (exact)") && two.err().contains("4,194,304"), two.err());
    }
}
