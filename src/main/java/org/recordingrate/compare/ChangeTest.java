package org.recordingrate.compare;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.model.Tally;
import org.recordingrate.internal.Args;

/**
 * Tests of the null hypothesis that the recording rate did not change between two inspections,
 * against a change in either direction ({@link Alternative#TWO_SIDED}), an improvement or a
 * deterioration.
 *
 * <p>Notation: group a is after ({@code xa} recorded of {@code na} audited), group b before;
 * {@code d = xa/na - xb/nb}, {@code N = na + nb}, {@code s = xa + xb}, {@code pbar = s / N}.
 * Every test is computed for any valid tallies of up to 2^53 audited each (the supported range
 * of {@code Args}; no NaN, no exception), including tallies with none or all recorded and single
 * audited reports; larger tallies are refused with an IllegalArgumentException naming the count
 * and the limit. The exact tests have lower size limits: 2^40 audited in all for Fisher's tests
 * (see {@link #FISHER_EXACT}), 2^17 for the unconditional ones (see {@link #BARNARD}).
 *
 * <p>All constants are immutable and thread-safe. Reference values: the project's
 * {@code reference/two-proportion.csv}, computed with 50-digit arithmetic, R and scipy.
 */
public enum ChangeTest implements ChangeTestMethod {

    /**
     * The two-sample z-test with pooled variance (score test):
     * {@code z = d / sqrt(pbar (1 - pbar)(1/na + 1/nb))}; two-sided {@code p = 2 Phi(-|z|)},
     * improved {@code 1 - Phi(z)}, deteriorated {@code Phi(z)}. z^2 is Pearson's chi-square
     * without continuity correction (R {@code prop.test(correct = FALSE)}); see Agresti (2013),
     * "Categorical Data Analysis", section 3.1.
     *
     * <p>Edges: when the pooled rate is 0 or 1 (nothing or everything recorded in both
     * inspections) the variance is 0 and so is d: z = 0, two-sided p = 1, one-sided p = 0.5.
     *
     * <p>Consistent with the Miettinen-Nurminen score interval approximately: that interval is
     * the set of changes the score test does not reject, with variance factor N/(N-1); without
     * that factor, 0 lies outside it exactly when this test rejects at the same level.
     */
    Z_POOLED("z_pooled", "z-test (pooled variance)", "z") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            double z = AsymptoticTests.pooledZ(before, after);
            return new TestResult(this, alternative, z, AsymptoticTests.normalPValue(z, alternative));
        }
    },

    /**
     * The two-sample z-test with unpooled variance (Wald test):
     * {@code z = d / sqrt(pa qa / na + pb qb / nb)}; p-values as for {@link #Z_POOLED}.
     *
     * <p>Edges: when that variance is 0 (each rate 0 or 1): if d = 0, z = 0 and two-sided
     * p = 1; otherwise (e.g. 0 of 10 before, 10 of 10 after) z = +-infinity in the direction of
     * the change, two-sided p = 0, one-sided p 0 or 1. Both are the limits of nearby tables; the
     * Wald test is known to be anti-conservative there.
     *
     * <p>Consistent with the Wald interval: 0 lies outside the (unclipped) Wald interval exactly
     * when this test rejects at the same level.
     */
    Z_UNPOOLED("z_unpooled", "z-test (unpooled variance)", "z") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            double z = AsymptoticTests.unpooledZ(before, after);
            return new TestResult(this, alternative, z, AsymptoticTests.normalPValue(z, alternative));
        }
    },

    /**
     * Pearson's chi-square test with Yates' (1934) continuity correction, exactly as R's
     * {@code prop.test(x = c(after, before), n = ..., correct = TRUE)}: statistic
     * {@code X^2 = sum (|O - E| - Y)^2 / E} over the four cells, with
     * {@code Y = min(0.5, |d| / (1/na + 1/nb))}; two-sided p the chi-square(1) upper tail,
     * one-sided p from {@code z = sign(d) sqrt(X^2)} (improved {@code 1 - Phi(z)}, deteriorated
     * {@code Phi(z)}). The statistic reported is X^2 for every alternative.
     *
     * <p>Edges: where an expected count is 0 (pooled rate 0 or 1) R returns NaN; here X^2 = 0
     * (the limit; d is then 0), two-sided p = 1, one-sided p = 0.5. When |d| is small the
     * correction Y shrinks so that X^2 is 0, not negative (e.g. 0 of 1 against 1 of 1: X^2 = 0,
     * p = 1).
     *
     * <p>Consistent with none of the listed intervals exactly (the nearest in spirit is
     * Newcombe's hybrid score interval with continuity correction).
     */
    CHISQ_YATES("chisq_yates", "chi-square test with Yates' correction", "X-squared") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            double chiSquare = AsymptoticTests.yatesChiSquare(before, after);
            return new TestResult(this, alternative, chiSquare,
                    AsymptoticTests.yatesPValue(chiSquare, before, after, alternative));
        }
    },

    /**
     * Fisher's exact test (Fisher 1935; Irwin 1935), conditional on both margins: X, the
     * recorded count after, is hypergeometric. Two-sided p: the sum of the probabilities of all
     * tables with the observed margins that are no more probable than the observed one, ties
     * decided exactly (R's {@code fisher.test} uses a relative tolerance of 1e-7 instead);
     * improved {@code P(X >= xa)}, deteriorated {@code P(X <= xa)}. No statistic (NaN).
     * Accurate to about 1e-12 relative down to p-values near 1e-300 (smaller ones may come out
     * as 0); microseconds for 10^4 audited per group, up to about a second at the limit of
     * 2^40 (1.1 x 10^12) audited in both groups together, beyond which it refuses (an
     * IllegalArgumentException naming the counts and the limit; the z-tests agree with it to
     * many digits there).
     *
     * <p>Edges: when only one table has the observed margins (nothing or everything recorded in
     * both inspections) p = 1.
     *
     * <p>Consistent with none of the listed intervals exactly (its natural interval is the
     * conditional one for the odds ratio).
     */
    FISHER_EXACT("fisher_exact", "Fisher's exact test", "") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            FisherExact.checkSize(this, before, after);
            return new TestResult(this, alternative, Double.NaN, FisherExact.of(before, after).pValue(alternative));
        }
    },

    /**
     * Fisher's mid-p test (Lancaster 1961; Fagerland, Lydersen and Laake 2017, "Statistical
     * Analysis of Contingency Tables", chapter 4, the Fisher mid-P test): the probability of
     * the tables strictly more extreme than the observed one plus half the probability of those
     * exactly as extreme, with Fisher's ordering (two-sided: by probability, ties exactly;
     * one-sided: {@code P(X > xa) + P(X = xa) / 2} or the other tail). No statistic (NaN).
     * Less conservative than Fisher's test; its size can exceed the nominal level slightly.
     *
     * <p>Edges: when only one table has the observed margins, p = 0.5. Limit: as
     * {@link #FISHER_EXACT}, 2^40 audited in all.
     *
     * <p>Consistent with none of the listed intervals exactly.
     */
    FISHER_MID_P("fisher_mid_p", "Fisher's mid-p test", "") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            FisherExact.checkSize(this, before, after);
            return new TestResult(this, alternative, Double.NaN, FisherExact.of(before, after).midPValue(alternative));
        }
    },

    /**
     * Barnard's (1947) unconditional exact test with the pooled z statistic, as scipy's
     * {@code barnard_exact(pooled=True)} but with ties counted exactly (scipy 1.10 compares
     * floating-point z values and drops some equal ones, issue #18798):
     * {@code p = sup over pi in [0, 1] of sum over tables T with |z(T)| >= |z_obs| of
     * Bin(xa; na, pi) Bin(xb; nb, pi)}; one-sided {@code z(T) >= z_obs} (improved) or
     * {@code z(T) <= z_obs} (deteriorated). The statistic is the observed z of
     * {@link #Z_POOLED}. See Mehrotra, Chan and Berger (2003) and Lydersen, Fagerland and Laake
     * (2009) for its properties.
     *
     * <p>Edges: z = 0 when the pooled rate is 0 or 1; a two-sided test with z = 0 has p = 1.
     * The supremum is global (grid in arcsine units, then Brent refinement of every promising
     * local maximum) and accurate to far better than 1e-9.
     *
     * <p>Limit: it enumerates all (na+1)(nb+1) tables, so at most 2^27 (134 million) tables and
     * 2^17 (131,072) audited in all are accepted, an IllegalArgumentException beyond (there the
     * z-tests are as good). About 3 ms for 202 against 640 audited, 0.6 s for 12,000 against
     * 11,000.
     *
     * <p>Consistent with none of the listed intervals exactly.
     */
    BARNARD("barnard", "Barnard's exact test", "z") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            return UnconditionalExact.barnard(before, after, alternative);
        }
    },

    /**
     * Boschloo's (1970) unconditional exact test, as scipy's {@code boschloo_exact}: the
     * tables are ordered by their one-sided Fisher p-value. One-sided: {@code p = sup over pi of
     * the probability of the tables whose Fisher p-value in that direction is at most the
     * observed one}, statistic the observed one-sided Fisher p-value. Two-sided:
     * {@code min(1, 2 min(p_improved, p_deteriorated))}, statistic the observed Fisher p-value
     * of the direction whose Boschloo p-value is strictly smaller (improved on a tie). It is
     * uniformly more powerful than Fisher's one-sided test (Boschloo 1970; Lydersen, Fagerland
     * and Laake 2009). Ties between Fisher p-values are decided exactly.
     *
     * <p>Edges: when the observed one-sided Fisher p-value is 1 every table is in the region
     * and p = 1; when it is below 1e-300, p = 0 (Boschloo's p-value never exceeds it).
     *
     * <p>Limit: as {@link #BARNARD}; about twice its time (two directions), 6 ms for 202
     * against 640 audited, 3 s for 12,000 against 11,000.
     *
     * <p>Consistent with none of the listed intervals exactly.
     */
    BOSCHLOO("boschloo", "Boschloo's exact test", "Fisher p") {
        @Override
        TestResult compute(Tally before, Tally after, Alternative alternative) {
            return UnconditionalExact.boschloo(before, after, alternative);
        }
    };

    private final String token;
    private final String displayName;
    private final String statisticName;

    ChangeTest(String token, String displayName, String statisticName) {
        this.token = token;
        this.displayName = displayName;
        this.statisticName = statisticName;
    }

    /**
     * The command-line and reference-file token, e.g. {@code fisher_exact}.
     *
     * @return the constant's name in lower case
     */
    @Override
    public String token() {
        return token;
    }

    /**
     * The name for people, e.g. {@code "Fisher's exact test"}.
     *
     * @return the display name
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * The symbol of the statistic in {@link TestResult#toString()}.
     *
     * @return {@code "z"}, {@code "X-squared"} or {@code "Fisher p"}; empty for the Fisher tests, which
     *         have none
     */
    @Override
    public String statisticName() {
        return statisticName;
    }

    /**
     * Tests whether the recording rate changed from {@code before} to {@code after}.
     *
     * @param before      the earlier inspection's tally
     * @param after       the later inspection's tally
     * @param alternative the alternative hypothesis
     * @return the statistic and p-value
     * @throws IllegalArgumentException if an argument is null, an audited count exceeds the
     *                                  supported 2^53 ({@code Args.countInRange}), or (the exact
     *                                  tests) the tallies exceed the test's size limit; the message
     *                                  names the counts and the limit
     */
    @Override
    public TestResult test(Tally before, Tally after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        Args.countInRange("audited before", before.audited());
        Args.countInRange("audited after", after.audited());
        return compute(before, after, alternative);
    }

    /** The computation of this test, arguments already checked. */
    abstract TestResult compute(Tally before, Tally after, Alternative alternative);


}
