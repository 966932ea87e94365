package org.recordingrate.compare;

import org.recordingrate.model.Tally;

/**
 * Unconditional exact tests of a change: only the audited counts are fixed, the recorded counts
 * are independent binomials with a common unknown rate pi under the null hypothesis, and the
 * p-value is the largest probability, over pi in [0, 1], of the tables at least as extreme as
 * the observed one (Barnard 1947, "Significance tests for 2x2 tables", Biometrika 34; Boschloo
 * 1970, "Raised conditional level of significance for the 2x2-table when testing the equality
 * of two probabilities", Statistica Neerlandica 24; Mehrotra, Chan and Berger 2003, Biometrics
 * 59; Lydersen, Fagerland and Laake 2009, "Recommended tests for association in 2x2 tables",
 * Statistics in Medicine 28).
 *
 * <p>The ordering of tables ("at least as extreme") is what distinguishes the tests:
 * <ul>
 *   <li>Barnard: the pooled z statistic ({@link PooledZOrder}), as scipy's
 *       {@code barnard_exact(pooled=True)}, with ties counted exactly;</li>
 *   <li>Boschloo: the one-sided Fisher p-value ({@link BoschlooRegion}), as scipy's
 *       {@code boschloo_exact}.</li>
 * </ul>
 * The supremum over pi is taken by {@link NuisanceMaximizer}.
 *
 * <p>Cost: O((na+1)(nb+1)) to classify the tables, then O(sqrt(N)) evaluations of
 * O(na + nb + runs) each (only the binomial probabilities that do not underflow are visited);
 * a few milliseconds for 202 and 640 audited, seconds near the limits: at most
 * {@value #MAX_TABLES} tables and {@value #MAX_AUDITED} audited in all. Beyond, the asymptotic
 * tests are as good and these would take minutes.
 */
final class UnconditionalExact {

    /** At most this many tables (na+1)(nb+1). */
    static final long MAX_TABLES = 1L << 27;
    /** At most this many audited in both groups together. */
    static final long MAX_AUDITED = 1L << 17;
    /** A p-value known to be below this is returned as 0. */
    private static final double NEGLIGIBLE_P = 1e-300;

    private UnconditionalExact() {
    }

    /**
     * Barnard's test with the pooled z statistic. Two-sided: tables with |z| &gt;= |z_obs|;
     * improved: z &gt;= z_obs; deteriorated: z &lt;= z_obs. The statistic is the observed signed
     * z, 0 when the pooled rate is 0 or 1.
     *
     * @throws IllegalArgumentException if the tables are too many (see the class comment)
     */
    static TestResult barnard(Tally before, Tally after, Alternative alternative) {
        checkSize(ChangeTest.BARNARD, before, after);
        int na = (int) after.audited();
        int nb = (int) before.audited();
        PooledZOrder order = new PooledZOrder(na, nb, (int) after.recorded(), (int) before.recorded());
        RejectionRegion region = switch (alternative) {
            case TWO_SIDED -> RejectionRegion.build(na, nb, (a, b) -> order.compareAbsolute(a, b) >= 0);
            case IMPROVED -> RejectionRegion.build(na, nb, (a, b) -> order.compare(a, b) >= 0);
            case DETERIORATED -> RejectionRegion.build(na, nb, (a, b) -> order.compare(a, b) <= 0);
        };
        return new TestResult(ChangeTest.BARNARD, alternative, AsymptoticTests.pooledZ(before, after),
                supremum(region, (long) na + nb));
    }

    /**
     * Boschloo's test. One-sided: the supremum over pi of the probability of the tables whose
     * one-sided Fisher p-value (in that direction) is at most the observed one; the statistic is
     * the observed one-sided Fisher p-value. Two-sided as scipy: {@code min(1, 2 min(p_improved,
     * p_deteriorated))}, with the statistic of the deteriorated direction when its p-value is the
     * strictly smaller one, else of the improved direction.
     *
     * <p>The unconditional p-value never exceeds the Fisher one in the same direction (given
     * each total, the region's conditional probability is at most the observed Fisher p-value);
     * a direction whose Fisher p-value is below 1e-300 therefore gets 0 without enumeration.
     *
     * @throws IllegalArgumentException if the tables are too many (see the class comment)
     */
    static TestResult boschloo(Tally before, Tally after, Alternative alternative) {
        checkSize(ChangeTest.BOSCHLOO, before, after);
        FisherExact fisher = FisherExact.of(before, after);
        if (alternative != Alternative.TWO_SIDED) {
            double statistic = fisher.pValue(alternative);
            return new TestResult(ChangeTest.BOSCHLOO, alternative, statistic,
                    boschlooOneSided(before, after, alternative, statistic));
        }
        double fisherImproved = fisher.pValue(Alternative.IMPROVED);
        double fisherDeteriorated = fisher.pValue(Alternative.DETERIORATED);
        // When one direction's Fisher p-value is negligible its Boschloo p-value is 0 and the
        // smaller one: the other direction is not needed (1 stands in for it).
        double improved = fisherDeteriorated < NEGLIGIBLE_P
                ? 1 : boschlooOneSided(before, after, Alternative.IMPROVED, fisherImproved);
        double deteriorated = fisherImproved < NEGLIGIBLE_P
                ? 1 : boschlooOneSided(before, after, Alternative.DETERIORATED, fisherDeteriorated);
        boolean deterioratedSmaller = deteriorated < improved;
        return new TestResult(ChangeTest.BOSCHLOO, Alternative.TWO_SIDED,
                deterioratedSmaller ? fisherDeteriorated : fisherImproved,
                Math.min(1, 2 * Math.min(improved, deteriorated)));
    }

    private static double boschlooOneSided(Tally before, Tally after, Alternative direction, double fisherP) {
        if (fisherP < NEGLIGIBLE_P) {
            return 0;
        }
        int na = (int) after.audited();
        int nb = (int) before.audited();
        RejectionRegion region = BoschlooRegion.build(na, nb, (int) after.recorded(), (int) before.recorded(),
                direction == Alternative.IMPROVED);
        return supremum(region, (long) na + nb);
    }

    private static double supremum(RejectionRegion region, long totalAudited) {
        if (region.isEverything()) {
            return 1;
        }
        return NuisanceMaximizer.supremum(totalAudited, region.probabilityFunction());
    }

    private static void checkSize(ChangeTest test, Tally before, Tally after) {
        long na = after.audited();
        long nb = before.audited();
        if (na + nb > MAX_AUDITED || (double) (na + 1) * (nb + 1) > MAX_TABLES) {
            throw new IllegalArgumentException("audited (before " + nb + ", after " + na + ") too large for "
                    + test.displayName() + ": it enumerates all (" + nb + " + 1) x (" + na
                    + " + 1) tables and allows at most " + MAX_TABLES + " tables and " + MAX_AUDITED
                    + " audited in all; use " + ChangeTest.Z_POOLED.token() + " or "
                    + ChangeTest.FISHER_EXACT.token() + " for samples this large");
        }
    }
}
