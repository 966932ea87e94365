package org.recordingrate.compare;

import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Token;

import org.recordingrate.model.Tally;

/**
 * A test of the null hypothesis that the recording rate did not change between two
 * inspections. {@link ChangeTest} holds the classical tests; a permutation test is one more
 * implementation, so that {@link Comparison}, the command line and the reports take either.
 * Implementations are immutable and thread-safe (a randomised test fixes its seed).
 */
public interface ChangeTestMethod extends Token {

    /**
     * The command-line token, e.g. {@code fisher_exact}: lower case with underscores, also written in
     * CSV and JSON output.
     *
     * @return the token
     */
    @Override
    String token();

    /**
     * The name for people, e.g. {@code "Fisher's exact test"}, as {@link TestResult#toString()} shows it.
     *
     * @return the display name
     */
    @Override
    String displayName();

    /**
     * The symbol of the statistic in text output (e.g. {@code "z"}). By default empty, and then
     * {@link TestResult#toString()} calls a present statistic just "statistic".
     *
     * @return the symbol, or the empty string when there is none
     */
    default String statisticName() {
        return "";
    }

    /**
     * Tests whether the recording rate changed from {@code before} to {@code after}.
     *
     * @param before      the earlier inspection's tally
     * @param after       the later inspection's tally
     * @param alternative the alternative hypothesis
     * @return the statistic and p-value
     * @throws IllegalArgumentException if an argument is null, or the tallies are beyond what the
     *                                  test supports
     */
    TestResult test(Tally before, Tally after, Alternative alternative);

    /**
     * Whether {@link #test(AuditedCategory, AuditedCategory, Alternative)} uses the incidents the
     * categories carry (the permutation test moves whole incidents), so that its p-values allow for
     * crimes recorded together. By default false: the test of the tallies.
     *
     * @return true if the test of two categories is made over their incidents
     */
    default boolean usesIncidents() {
        return false;
    }

    /**
     * Tests whether the recording rate of one category changed between two inspections, given the
     * categories themselves, so that a test can use what more they carry (their incidents: a
     * permutation test moves whole incidents). By default the test of their tallies.
     *
     * @param before      the category in the earlier inspection
     * @param after       the category in the later inspection
     * @param alternative the alternative hypothesis
     * @return the statistic and p-value
     * @throws IllegalArgumentException as {@link #test(Tally, Tally, Alternative)}
     */
    default TestResult test(AuditedCategory before, AuditedCategory after, Alternative alternative) {
        org.recordingrate.internal.Args.notNull("before", before);
        org.recordingrate.internal.Args.notNull("after", after);
        return test(before.tally(), after.tally(), alternative);
    }
}
