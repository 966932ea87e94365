package org.recordingrate.benchmarks;

import java.util.Locale;

import org.recordingrate.model.Tally;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.TestResult;

/**
 * Prints this library's two-sided Barnard, Boschloo and Fisher results for tables given on the
 * command line, for {@code benchmarks/scipy_boschloo.py} to set beside scipy's:
 * {@code PrintExactTests 560/640:188/202 3/10:9/10} prints one line per table and test,
 * {@code before after test statistic p-value}, tab-separated.
 */
public final class PrintExactTests {

    private PrintExactTests() {
    }

    /**
     * @param args tables as {@code before:after}, each tally as {@code recorded/audited}
     */
    public static void main(String[] args) {
        for (String table : args) {
            String[] parts = table.split(":");
            Tally before = Tally.parse(parts[0]);
            Tally after = Tally.parse(parts[1]);
            for (ChangeTest test : new ChangeTest[] {ChangeTest.BARNARD, ChangeTest.BOSCHLOO, ChangeTest.FISHER_EXACT}) {
                TestResult result = test.test(before, after, Alternative.TWO_SIDED);
                System.out.println(String.format(Locale.ROOT, "%s\t%s\t%s\t%.17g\t%.17g",
                        parts[0], parts[1], test.token(), result.statistic(), result.pValue()));
            }
        }
    }
}
