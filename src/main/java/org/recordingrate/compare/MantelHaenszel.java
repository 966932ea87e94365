package org.recordingrate.compare;

import java.util.List;

import org.recordingrate.model.Tally;
import org.recordingrate.internal.Args;

/**
 * The Cochran-Mantel-Haenszel test of no change in recording across categories: one 2x2 table per
 * category (inspection after/before x recorded/not), a common change in the odds of recording
 * tested against none. Exactly R's {@code mantelhaen.test} for 2 x 2 x K tables:
 * DELTA = sum<sub>k</sub> (x<sub>k</sub> - n<sub>a,k</sub> m<sub>k</sub>/t<sub>k</sub>) with x the recorded
 * count after, m the recorded total and t the audited total of category k;
 * VAR = sum<sub>k</sub> n<sub>a,k</sub> n<sub>b,k</sub> m<sub>k</sub>(t<sub>k</sub> - m<sub>k</sub>)
 * /(t<sub>k</sub>&sup2;(t<sub>k</sub> - 1));
 * statistic = (|DELTA| - 1/2)&sup2;/VAR with the continuity correction (applied when |DELTA| &gt;= 1/2),
 * chi-square with 1 degree of freedom; one-sided p-values from z = sign(DELTA) sqrt(statistic).
 * Categories with fewer than 2 audited in all contribute nothing (R refuses them). With VAR = 0
 * (every category all or none recorded in both) the statistic is 0 and p = 1 for every alternative
 * (the z-tests give a one-sided p of 0.5 at their like edge).
 * Reference: Mantel and Haenszel, JNCI 22 (1959) 719-748; Agresti (2013), 6.4.
 *
 * @param statistic   the chi-square statistic, 0 or more
 * @param pValue      the p-value for the alternative, in [0, 1]
 * @param alternative the alternative
 * @param categories  the number of categories that entered the test (those with at least 2 audited in
 *                    all); possibly 0
 */
public record MantelHaenszel(double statistic, double pValue, Alternative alternative, int categories) {

    /**
     * Tests the categories' pairs of tallies.
     *
     * @param before      the earlier tallies, one per category
     * @param after       the later tallies, same order and length
     * @param alternative two-sided, improved or deteriorated
     * @param correct     whether to apply the continuity correction (R's default: true)
     * @return the statistic, its p-value and the number of categories used
     * @throws IllegalArgumentException for null or empty lists, lists of different lengths, a null
     *                                  alternative or a null tally
     */
    public static MantelHaenszel test(List<Tally> before, List<Tally> after, Alternative alternative,
                                      boolean correct) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        if (before.isEmpty() || before.size() != after.size()) {
            throw new IllegalArgumentException("before (" + before.size() + " categories) and after (" + after.size()
                    + ") must list the same categories, at least one");
        }
        double delta = 0;
        double variance = 0;
        int used = 0;
        for (int k = 0; k < before.size(); k++) {
            Tally b = Args.notNull("before tally " + (k + 1), before.get(k));
            Tally a = Args.notNull("after tally " + (k + 1), after.get(k));
            double t = (double) a.audited() + b.audited();
            if (t < 2) {
                continue;
            }
            double m = (double) a.recorded() + b.recorded();
            delta += a.recorded() - a.audited() * m / t;
            variance += (double) a.audited() * b.audited() * m * (t - m) / (t * t * (t - 1));
            used++;
        }
        if (variance == 0) {
            // no information: statistic 0, and the p-value of z = 0 (1 two-sided, 0.5 one-sided), as the z-tests give
            return new MantelHaenszel(0.0, alternative.normalPValue(0), alternative, used);
        }
        double yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0.0;
        double statistic = (Math.abs(delta) - yates) * (Math.abs(delta) - yates) / variance;
        double z = Math.signum(delta) * Math.sqrt(statistic);
        double p = AsymptoticTests.normalPValue(z, alternative);
        return new MantelHaenszel(statistic, p, alternative, used);
    }
}
