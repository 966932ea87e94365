package org.recordingrate.resample;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.compare.TestResult;
import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Hypergeometric;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.NamePairing;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.model.Tally;

/**
 * Permutation tests of the null hypothesis that the recording rate did not change between two
 * inspections: the audited records of both are pooled within a category and re-divided at
 * random into groups of the two audited sizes (the margins fixed), so that a replicate's
 * recorded count after is one hypergeometric draw, from a table prepared once per category.
 * Usable wherever a {@link ChangeTestMethod} is:
 * {@code Comparison.withDefaults().with(PermutationTest.withDefaults())}.
 *
 * <p><b>One category.</b> Ordering as Fisher's exact test: improved P(X &gt;= x), deteriorated
 * P(X &lt;= x), two-sided the probability of the tables no more probable than the observed one
 * (ties decided exactly). Enumerated, this is Fisher's test itself ({@link ChangeTest#FISHER_EXACT});
 * drawn, the Monte Carlo estimate of it.
 *
 * <p><b>Across categories (stratified).</b> Records are permuted within each category audited
 * in both inspections; the statistic is the change in the all-crime (volume-weighted) rate,
 * D = sum W<sup>a</sup><sub>h</sub>X<sup>a</sup><sub>h</sub>/n<sup>a</sup><sub>h</sub> - sum W<sup>b</sup><sub>h</sub>X<sup>b</sup><sub>h</sub>/n<sup>b</sup><sub>h</sub>,
 * increasing in each category's recorded count after (categories audited in one inspection
 * only enter as constants). Improved P(D* &gt;= d), deteriorated P(D* &lt;= d), compared exactly on
 * the counts; two-sided min(1, 2 min of the two). Enumerated, this is the exact conditional
 * test: the convolution of the categories' hypergeometric distributions, visited table by table
 * for all categories but the largest, whose tail is summed in closed form.
 *
 * <p><b>Incidents.</b> When the categories carry their incidents (record-level audit files with
 * {@code incident_id}) and some incident holds several crimes, whole incidents are permuted: within
 * a category the incidents of both inspections are pooled and m<sub>after</sub> of them, at random
 * without replacement, form the later inspection (each inspection keeps its number of incidents,
 * not of crimes; the crimes of an incident stay together). What is exchangeable under the null
 * hypothesis is then the incident: within a category the patterns (crimes, recorded) of the two
 * inspections' incidents come from one distribution, the incidents independent of one another.
 * (A change in how large incidents are, with recording unchanged, is outside that null too, but
 * the statistic, the change in the rate, is little moved by it.) The statistic is the change in
 * the rate, R<sub>a</sub>&#47;A<sub>a</sub> - R<sub>b</sub>&#47;A<sub>b</sub> for a category and the
 * volume-weighted one across the categories audited in both; improved P(D* &gt;= d), deteriorated
 * P(D* &lt;= d), two-sided twice the smaller (for a category too: with incidents the outcomes are
 * pairs (recorded, crimes) and no ordering by probability is natural). Enumerated when the
 * arrangements of incidents are few ({@code IncidentPermutation}: every vector of pattern counts,
 * with its multivariate hypergeometric probability), drawn otherwise. A category whose incidents
 * all hold one crime is the crimes' test above, which it then equals (tested).
 *
 * <p><b>Monte Carlo p-values are never 0</b>: (b + 1)/(B + 1) for b of B replicates at least as
 * extreme, Phipson and Smyth (2010), "Permutation p-values should never be zero", SAGMB 9(1).
 *
 * <p>Replicates are drawn in fixed blocks with split generators exactly as {@link Bootstrap}
 * does, so the p-value is the same on any number of threads. Immutable and thread-safe.
 * Defaults: 100,000 replicates, seed 1, every processor, {@link Enumeration#AUTO}.
 */
public final class PermutationTest implements ChangeTestMethod {

    /**
     * Across categories, {@link Enumeration#AUTO} enumerates when the product of the numbers of
     * possible tables of all categories but the largest is at most this (2^24), and the exact
     * comparison fits in long arithmetic (else 2^16).
     */
    public static final long ENUMERATION_LIMIT = 1L << 24;

    private static final PermutationTest DEFAULTS = new PermutationTest(100_000, 1,
            Runtime.getRuntime().availableProcessors(), Enumeration.AUTO, ProgressListener.NONE, new Cancellation());

    private final int replicates;
    private final long seed;
    private final int threads;
    private final Enumeration enumeration;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    /** For tests: permute by incident even when every incident holds one crime (then the same test, by other means). */
    private final boolean forceIncidents;

    private PermutationTest(int replicates, long seed, int threads, Enumeration enumeration, ProgressListener progress,
                            Cancellation cancellation) {
        this(replicates, seed, threads, enumeration, progress, cancellation, false);
    }

    private PermutationTest(int replicates, long seed, int threads, Enumeration enumeration, ProgressListener progress,
                            Cancellation cancellation, boolean forceIncidents) {
        this.forceIncidents = forceIncidents;
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
        this.enumeration = Args.notNull("enumeration", enumeration);
        this.progress = Args.notNull("progress", progress);
        this.cancellation = Args.notNull("cancellation", cancellation);
    }

    /**
     * 100,000 replicates, seed 1, every processor, enumeration when cheap.
     *
     * @return the default configuration
     */
    public static PermutationTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * With another number of replicates.
     *
     * @param replicates replicates per test, 1 to {@link Bootstrap#MAX_REPLICATES}
     * @return the new configuration
     * @throws IllegalArgumentException if below 1 or above {@link Bootstrap#MAX_REPLICATES}
     */
    public PermutationTest withReplicates(long replicates) {
        return new PermutationTest(Bootstrap.checkReplicates(replicates), seed, threads, enumeration, progress,
                cancellation);
    }

    /**
     * With another seed (any long).
     *
     * @param seed the seed of the source generator
     * @return the new configuration
     */
    public PermutationTest withSeed(long seed) {
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation);
    }

    /**
     * With another number of threads (the p-values do not depend on it).
     *
     * @param threads threads, at least 1
     * @return the new configuration
     * @throws IllegalArgumentException if below 1
     */
    public PermutationTest withThreads(int threads) {
        Args.positive("threads", threads);
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation);
    }

    /**
     * With another rule for enumerating.
     *
     * @param enumeration when to enumerate every arrangement instead of sampling
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public PermutationTest with(Enumeration enumeration) {
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation);
    }

    /**
     * With a progress listener.
     *
     * @param progress the listener, {@link ProgressListener#NONE} for none
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public PermutationTest withProgress(ProgressListener progress) {
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation);
    }

    /**
     * With a cancellation token.
     *
     * @param cancellation the token
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public PermutationTest withCancellation(Cancellation cancellation) {
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation);
    }

    /** A copy that permutes by incident even when every incident holds one crime (tests compare the two ways). */
    PermutationTest byIncidentAlways() {
        return new PermutationTest(replicates, seed, threads, enumeration, progress, cancellation, true);
    }

    /**
     * The number of replicates.
     *
     * @return replicates per test, at least 1
     */
    public int replicates() {
        return replicates;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The enumeration rule.
     *
     * @return the enumeration rule
     */
    public Enumeration enumeration() {
        return enumeration;
    }

    /** {@code permutation}. */
    @Override
    public String token() {
        return "permutation";
    }

    /** {@code "permutation test"}. */
    @Override
    public String displayName() {
        return "permutation test";
    }

    /** The statistic reported is the observed change. */
    @Override
    public String statisticName() {
        return "change";
    }

    /**
     * The test as a {@link ChangeTestMethod}: statistic the observed change, Monte Carlo details
     * when drawn (empty when enumerated: then it is Fisher's exact test).
     *
     * @throws IllegalArgumentException if an argument is null
     */
    @Override
    public TestResult test(Tally before, Tally after, Alternative alternative) {
        PermutationResult r = permute(before, after, alternative);
        return new TestResult(this, alternative, OptionalDouble.of(r.change()), r.pValue(), r.monteCarlo());
    }

    /**
     * The permutation test of one category.
     *
     * @param before the earlier tally
     * @param after the later tally
     * @param alternative the alternative hypothesis about after - before
     * @return the change, its p-value and how it was found
     * @throws IllegalArgumentException if an argument is null
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public PermutationResult permute(Tally before, Tally after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        return category(before, after, alternative, Blocks.source(seed).split());
    }

    /**
     * The stratified permutation test of the all-crime change between two inspections.
     *
     * @param before the earlier inspection
     * @param after the later inspection
     * @param alternative the alternative hypothesis about after - before
     * @return the all-crime change, its p-value and how it was found
     * @throws IllegalArgumentException if an argument is null, or {@link Enumeration#ALWAYS}
     *                                  meets too many arrangements
     */
    public PermutationResult permute(Inspection before, Inspection after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        checkCommon(before, after);
        return stratified(before, after, alternative, Blocks.source(seed).split());
    }

    /**
     * The permutation test of one category between two inspections: whole incidents permuted when
     * either side's incidents hold several crimes (see the class comment), else the crimes'
     * test, {@link #permute(Tally, Tally, Alternative)}, which is then the same thing.
     *
     * @param before the category in the earlier inspection
     * @param after the category in the later inspection
     * @param alternative the alternative hypothesis about after - before
     * @return the change, its p-value and how it was found
     * @throws IllegalArgumentException if an argument is null, a count exceeds 2<sup>53</sup>, or
     *                                  {@link Enumeration#ALWAYS} meets too many arrangements
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public PermutationResult permute(AuditedCategory before, AuditedCategory after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        return categoryRow(before, after, alternative, Blocks.source(seed).split());
    }

    /**
     * The test of one category between two inspections as a {@link ChangeTestMethod}: whole incidents
     * permuted when they hold several crimes ({@link #permute(AuditedCategory, AuditedCategory,
     * Alternative)}), so that {@code compare --test permutation} tests clustered categories by
     * incident.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    @Override
    public TestResult test(AuditedCategory before, AuditedCategory after, Alternative alternative) {
        PermutationResult r = permute(before, after, alternative);
        return new TestResult(this, alternative, OptionalDouble.of(r.change()), r.pValue(), r.monteCarlo());
    }

    /**
     * True: the test of two categories moves whole incidents when they carry them.
     *
     * @return true
     */
    @Override
    public boolean usesIncidents() {
        return true;
    }

    /**
     * Refuses two inspections without a category audited in both: there is nothing to permute.
     *
     * @throws ArgumentException (argument {@code after}) naming both inspections
     */
    private static void checkCommon(Inspection before, Inspection after) {
        if (NamePairing.byName(before.categories(), after.categories(), AuditedCategory::name).pairs().isEmpty()) {
            throw new ArgumentException("after", "no category is audited in both " + before.name() + " and "
                    + after.name() + " (categories are matched by name): a permutation test needs at least one");
        }
    }

    /**
     * Every category audited in both inspections, then the stratified all-crime test; row j uses
     * the j-th generator split from the seed's.
     *
     * @param before the earlier inspection
     * @param after the later inspection
     * @param alternative the alternative hypothesis about after - before
     * @return a row per category audited in both, then the all-crime row
     * @throws IllegalArgumentException as {@link #permute(Inspection, Inspection, Alternative)}
     */
    public PermutationInspectionResult permuteAll(Inspection before, Inspection after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        checkCommon(before, after);
        SplittableGenerator source = Blocks.source(seed);
        List<PermutationRow> rows = new ArrayList<>();
        NamePairing<AuditedCategory> pairing = NamePairing.byName(before.categories(), after.categories(),
                AuditedCategory::name);
        for (NamePairing.Pair<AuditedCategory> pair : pairing.pairs()) {
            Tally b = pair.before().tally();
            Tally a = pair.after().tally();
            rows.add(new PermutationRow(RowKind.CATEGORY, pair.after().name(), b.rate(), a.rate(),
                    categoryRow(pair.before(), pair.after(), alternative, source.split())));
        }
        rows.add(new PermutationRow(RowKind.ALL_CRIME, Names.ALL_CRIME, Bootstrap.weightedRate(before),
                Bootstrap.weightedRate(after), stratified(before, after, alternative, source.split())));
        return new PermutationInspectionResult(before.name(), after.name(), rows,
                pairing.onlyBefore().stream().map(AuditedCategory::name).toList(),
                pairing.onlyAfter().stream().map(AuditedCategory::name).toList());
    }

    /** One category's row: by incident when they hold several crimes, else the crimes' test. */
    private PermutationResult categoryRow(AuditedCategory before, AuditedCategory after, Alternative alternative,
                                          SplittableGenerator stream) {
        Args.countInRange("audited before", before.tally().audited());
        Args.countInRange("audited after", after.tally().audited());
        if (!IncidentPermutation.grouped(before, after) && !forceIncidents) {
            return category(before.tally(), after.tally(), alternative, stream);
        }
        IncidentPermutation stratum = new IncidentPermutation(before, after);
        BigInteger[][] one = {{BigInteger.ONE, BigInteger.ONE}};
        return incidentTest(new IncidentPermutation[] {stratum}, one, one,
                after.tally().rate() - before.tally().rate(), alternative, stream,
                List.of(incidentNote(List.of(stratum))));
    }

    /** "incidents: whole incidents permuted ..." for the strata permuted by incident. */
    private static String incidentNote(List<IncidentPermutation> strata) {
        long incidents = 0;
        long crimes = 0;
        for (IncidentPermutation s : strata) {
            incidents += s.incidents();
            crimes += s.totalCrimes();
        }
        return String.format(Locale.ROOT, "incidents: whole incidents permuted between the inspections within each"
                + " category (%,d incidents holding %,d crimes; each inspection keeps its number of incidents)",
                incidents, crimes);
    }

    private PermutationResult category(Tally before, Tally after, Alternative alternative, SplittableGenerator stream) {
        double change = after.rate() - before.rate();
        if (enumeration != Enumeration.NEVER) {
            double p = ChangeTest.FISHER_EXACT.test(before, after, alternative).pValue();
            return new PermutationResult(change, alternative, p, PermutationMethod.EXACT_ENUMERATION, Optional.empty());
        }
        long na = after.audited();
        long nb = before.audited();
        long s = after.recorded() + before.recorded();
        long x = after.recorded();
        Hypergeometric h = new Hypergeometric(na, nb, s);
        // the extreme region: X <= low or X >= high
        long low;
        long high;
        switch (alternative) {
            case IMPROVED -> {
                low = h.lowest() - 1;
                high = x;
            }
            case DETERIORATED -> {
                low = x;
                high = h.highest() + 1;
            }
            default -> {
                long[] cuts = fisherRegion(h, x);
                low = cuts[0];
                high = cuts[1];
            }
        }
        AliasSampler sampler = AliasSampler.hypergeometric(na, nb, s);
        long[] extreme = new long[Blocks.count(replicates)];
        long lo = low;
        long hi = high;
        Blocks.run(replicates, stream, threads, progress, cancellation, (block, from, count, random) -> {
            long b = 0;
            for (int i = 0; i < count; i++) {
                long k = sampler.sample(random.nextLong());
                if (k <= lo || k >= hi) {
                    b++;
                }
            }
            extreme[block] = b;
        });
        long b = 0;
        for (long e : extreme) {
            b += e;
        }
        return monteCarlo(change, alternative, (b + 1.0) / (replicates + 1.0));
    }

    private PermutationResult monteCarlo(double change, Alternative alternative, double p) {
        return new PermutationResult(change, alternative, p, PermutationMethod.MONTE_CARLO,
                Optional.of(new MonteCarlo(replicates, seed, Math.sqrt(p * (1 - p) / replicates))));
    }

    /**
     * Fisher's two-sided region {k : h(k) &lt;= h(x)} as {k &lt;= low} or {k &gt;= high}: h rises
     * strictly to the mode and falls after it, so the region is two tails, the one holding x
     * starting at x and the other found by binary search, ties decided exactly.
     */
    static long[] fisherRegion(Hypergeometric h, long x) {
        long mode = h.mode();
        double logX = h.logPmf(x);
        if (x <= mode) {
            long lo = mode + 1;
            long hi = h.highest() + 1;
            while (lo < hi) {
                long middle = lo + (hi - lo) / 2;
                if (atMost(h, middle, x, logX)) {
                    hi = middle;
                } else {
                    lo = middle + 1;
                }
            }
            return new long[] {x, lo};
        }
        long lo = h.lowest() - 1;
        long hi = mode;
        while (lo < hi) {
            long middle = hi - (hi - lo) / 2;
            if (atMost(h, middle, x, logX)) {
                lo = middle;
            } else {
                hi = middle - 1;
            }
        }
        return new long[] {lo, x};
    }

    /** Whether h(k) &lt;= h(x), exactly when the log-probabilities are close. */
    private static boolean atMost(Hypergeometric h, long k, long x, double logX) {
        double d = h.logPmf(k) - logX;
        if (Math.abs(d) > 1e-8) {
            return d < 0;
        }
        return h.compareExactly(k, x) <= 0;
    }

    /** The matched categories' hypergeometric set-up and the exact linear form of D. */
    private record Strata(long[] audited, long[] audited2, long[] pooled, long[] observed, ExactLinearForm form) {
        int size() {
            return observed.length;
        }
    }

    private static Strata strata(Inspection before, Inspection after) {
        List<NamePairing.Pair<AuditedCategory>> pairs = NamePairing.byName(before.categories(), after.categories(),
                AuditedCategory::name).pairs();
        int k = pairs.size();
        long va = after.totalVolume();
        long vb = before.totalVolume();
        long[] na = new long[k];
        long[] nb = new long[k];
        long[] s = new long[k];
        long[] x = new long[k];
        long[] bounds = new long[k];
        BigInteger[] num = new BigInteger[k];
        BigInteger[] den = new BigInteger[k];
        for (int i = 0; i < k; i++) {
            AuditedCategory a = pairs.get(i).after();
            AuditedCategory b = pairs.get(i).before();
            na[i] = a.tally().audited();
            nb[i] = b.tally().audited();
            s[i] = a.tally().recorded() + b.tally().recorded();
            x[i] = a.tally().recorded();
            bounds[i] = na[i];
            // a_h = v_a/(V_a n_a) + v_b/(V_b n_b) = (v_a V_b n_b + v_b V_a n_a) / (V_a n_a V_b n_b)
            BigInteger vaBig = BigInteger.valueOf(va);
            BigInteger vbBig = BigInteger.valueOf(vb);
            num[i] = BigInteger.valueOf(a.volume()).multiply(vbBig).multiply(BigInteger.valueOf(nb[i]))
                    .add(BigInteger.valueOf(b.volume()).multiply(vaBig).multiply(BigInteger.valueOf(na[i])));
            den[i] = vaBig.multiply(BigInteger.valueOf(na[i])).multiply(vbBig).multiply(BigInteger.valueOf(nb[i]));
        }
        return new Strata(na, nb, s, x, new ExactLinearForm(num, den, x, bounds));
    }

    private PermutationResult stratified(Inspection before, Inspection after, Alternative alternative,
                                         SplittableGenerator stream) {
        double change = Bootstrap.weightedRate(after) - Bootstrap.weightedRate(before);
        List<NamePairing.Pair<AuditedCategory>> pairs = NamePairing.byName(before.categories(), after.categories(),
                AuditedCategory::name).pairs();
        boolean grouped = forceIncidents;
        for (NamePairing.Pair<AuditedCategory> pair : pairs) {
            Args.countInRange("audited of category '" + pair.before().name() + "'", pair.before().tally().audited());
            Args.countInRange("audited of category '" + pair.after().name() + "'", pair.after().tally().audited());
            grouped |= IncidentPermutation.grouped(pair.before(), pair.after());
        }
        if (grouped) {
            int k = pairs.size();
            IncidentPermutation[] strata = new IncidentPermutation[k];
            BigInteger[][] alpha = new BigInteger[k][];
            BigInteger[][] beta = new BigInteger[k][];
            for (int i = 0; i < k; i++) {
                strata[i] = new IncidentPermutation(pairs.get(i).before(), pairs.get(i).after());
                alpha[i] = new BigInteger[] {BigInteger.valueOf(pairs.get(i).after().volume()),
                    BigInteger.valueOf(after.totalVolume())};
                beta[i] = new BigInteger[] {BigInteger.valueOf(pairs.get(i).before().volume()),
                    BigInteger.valueOf(before.totalVolume())};
            }
            return incidentTest(strata, alpha, beta, change, alternative, stream,
                    List.of(incidentNote(List.of(strata))));
        }
        Strata strata = strata(before, after);
        int k = strata.size();
        if (k == 0) {
            return new PermutationResult(change, alternative, 1, PermutationMethod.EXACT_ENUMERATION, Optional.empty());
        }
        Hypergeometric[] h = new Hypergeometric[k];
        long largest = 0;
        double product = 1;
        for (int i = 0; i < k; i++) {
            h[i] = new Hypergeometric(strata.audited()[i], strata.audited2()[i], strata.pooled()[i]);
            long size = h[i].highest() - h[i].lowest() + 1;
            product *= size;
            largest = Math.max(largest, size);
        }
        double visited = product / largest;
        long limit = ENUMERATION_LIMIT;
        boolean enumerate = enumeration == Enumeration.ALWAYS || (enumeration == Enumeration.AUTO && visited <= limit);
        if (enumerate) {
            if (visited > limit) {
                throw new ArgumentException("enumerate", String.format(Locale.ROOT,
                        "exact enumeration would visit %.3g tables (limit %d); use Monte Carlo", visited, limit));
            }
            double[] tails = ExactConditional.tails(h, strata.observed(), strata.form());
            return new PermutationResult(change, alternative, pick(alternative, tails[0], tails[1]),
                    PermutationMethod.EXACT_ENUMERATION, Optional.empty());
        }
        AliasSampler[] samplers = new AliasSampler[k];
        for (int i = 0; i < k; i++) {
            samplers[i] = AliasSampler.hypergeometric(strata.audited()[i], strata.audited2()[i], strata.pooled()[i]);
        }
        ExactLinearForm form = strata.form();
        int blocks = Blocks.count(replicates);
        long[] ups = new long[blocks];
        long[] downs = new long[blocks];
        Blocks.run(replicates, stream, threads, progress, cancellation, (block, from, count, random) -> {
            long[] counts = new long[k];
            long up = 0;
            long down = 0;
            for (int r = 0; r < count; r++) {
                double t = 0;
                for (int c = 0; c < k; c++) {
                    long drawn = samplers[c].sample(random.nextLong());
                    counts[c] = drawn;
                    t += form.coefficient(c) * drawn;
                }
                int sign = form.sign(t, counts);
                if (sign >= 0) {
                    up++;
                }
                if (sign <= 0) {
                    down++;
                }
            }
            ups[block] = up;
            downs[block] = down;
        });
        long up = 0;
        long down = 0;
        for (int b = 0; b < blocks; b++) {
            up += ups[b];
            down += downs[b];
        }
        double pUp = (up + 1.0) / (replicates + 1.0);
        double pDown = (down + 1.0) / (replicates + 1.0);
        return monteCarlo(change, alternative, pick(alternative, pUp, pDown));
    }

    /**
     * The permutation of incidents over {@code strata}: the statistic sum &alpha;<sub>h</sub> R<sub>a</sub>&#47;A<sub>a</sub>
     * - &beta;<sub>h</sub> R<sub>b</sub>&#47;A<sub>b</sub> (weights as fractions {numerator, denominator}),
     * enumerated over the arrangements of incidents when their number allows (and the rule says so),
     * else drawn; p-values as {@link #pick}.
     */
    private PermutationResult incidentTest(IncidentPermutation[] strata, BigInteger[][] alpha, BigInteger[][] beta,
                                           double change, Alternative alternative, SplittableGenerator stream,
                                           List<String> notes) {
        int k = strata.length;
        double[] a = new double[k];
        double[] b = new double[k];
        double scale = 0;
        for (int h = 0; h < k; h++) {
            a[h] = alpha[h][0].doubleValue() / alpha[h][1].doubleValue();
            b[h] = beta[h][0].doubleValue() / beta[h][1].doubleValue();
            scale += a[h] + b[h];
        }
        long[] observedR = new long[k];
        long[] observedA = new long[k];
        for (int h = 0; h < k; h++) {
            observedR[h] = strata[h].observedRecorded();
            observedA[h] = strata[h].observedCrimes();
        }
        double observed = incidentStatistic(strata, a, b, observedR, observedA);
        double band = 64.0 * (2 * k + 1) * Math.ulp(Math.max(1, scale));
        if (enumeration != Enumeration.NEVER) {
            double limit = ENUMERATION_LIMIT;
            double vectors = 0;
            for (IncidentPermutation s : strata) {
                vectors += s.vectors(limit);
            }
            if (vectors <= limit) {
                IncidentPermutation.Outcomes[] outcomes = new IncidentPermutation.Outcomes[k];
                double product = 1;
                for (int h = 0; h < k; h++) {
                    outcomes[h] = strata[h].enumerate();
                    product *= outcomes[h].size();
                }
                if (product <= limit) {
                    double[] tails = new double[2];
                    enumerate(strata, outcomes, a, b, alpha, beta, observed, band, 0, new long[k], new long[k], 1,
                            tails);
                    return new PermutationResult(change, alternative,
                            pick(alternative, Math.min(1, tails[0]), Math.min(1, tails[1])),
                            PermutationMethod.EXACT_ENUMERATION, Optional.empty(), notes);
                }
                vectors = product;
            }
            if (enumeration == Enumeration.ALWAYS) {
                throw new ArgumentException("enumerate", String.format(Locale.ROOT,
                        "exact enumeration of the incidents' arrangements would visit more than %d (limit %d);"
                                + " use Monte Carlo", (long) Math.min(vectors, Long.MAX_VALUE), ENUMERATION_LIMIT));
            }
        }
        int blocks = Blocks.count(replicates);
        long[] ups = new long[blocks];
        long[] downs = new long[blocks];
        Blocks.run(replicates, stream, threads, progress, cancellation, (block, from, count, random) -> {
            long[] drawn = new long[2];
            long[] recorded = new long[k];
            long[] crimes = new long[k];
            long up = 0;
            long down = 0;
            for (int r = 0; r < count; r++) {
                for (int h = 0; h < k; h++) {
                    strata[h].draw(random, drawn);
                    recorded[h] = drawn[0];
                    crimes[h] = drawn[1];
                }
                double t = incidentStatistic(strata, a, b, recorded, crimes);
                double d = t - observed;
                int sign = Math.abs(d) > band ? (d < 0 ? -1 : 1)
                        : IncidentPermutation.exactSign(strata, alpha, beta, recorded, crimes);
                up += sign >= 0 ? 1 : 0;
                down += sign <= 0 ? 1 : 0;
            }
            ups[block] = up;
            downs[block] = down;
        });
        long up = Resampled.total(ups);
        long down = Resampled.total(downs);
        double p = pick(alternative, (up + 1.0) / (replicates + 1.0), (down + 1.0) / (replicates + 1.0));
        return new PermutationResult(change, alternative, p, PermutationMethod.MONTE_CARLO,
                Optional.of(new MonteCarlo(replicates, seed, Math.sqrt(p * (1 - p) / replicates))), notes);
    }

    /** sum a<sub>h</sub> R<sub>a</sub>&#47;A<sub>a</sub> - b<sub>h</sub> R<sub>b</sub>&#47;A<sub>b</sub>, in stratum order. */
    private static double incidentStatistic(IncidentPermutation[] strata, double[] a, double[] b, long[] recorded,
                                            long[] crimes) {
        double t = 0;
        for (int h = 0; h < strata.length; h++) {
            IncidentPermutation s = strata[h];
            t += a[h] * recorded[h] / crimes[h];
            t -= b[h] * (s.totalRecorded() - recorded[h]) / (s.totalCrimes() - crimes[h]);
        }
        return t;
    }

    /** Every combination of the strata's outcomes, adding its probability to {P(D &gt;= d), P(D &lt;= d)}. */
    private static void enumerate(IncidentPermutation[] strata, IncidentPermutation.Outcomes[] outcomes, double[] a,
                                  double[] b, BigInteger[][] alpha, BigInteger[][] beta, double observed, double band,
                                  int h, long[] recorded, long[] crimes, double probability, double[] tails) {
        if (h == strata.length) {
            double d = incidentStatistic(strata, a, b, recorded, crimes) - observed;
            int sign = Math.abs(d) > band ? (d < 0 ? -1 : 1)
                    : IncidentPermutation.exactSign(strata, alpha, beta, recorded, crimes);
            if (sign >= 0) {
                tails[0] += probability;
            }
            if (sign <= 0) {
                tails[1] += probability;
            }
            return;
        }
        IncidentPermutation.Outcomes o = outcomes[h];
        for (int i = 0; i < o.size(); i++) {
            recorded[h] = o.recorded()[i];
            crimes[h] = o.crimes()[i];
            enumerate(strata, outcomes, a, b, alpha, beta, observed, band, h + 1, recorded, crimes,
                    probability * o.probabilities()[i], tails);
        }
    }

    private static double pick(Alternative alternative, double up, double down) {
        return switch (alternative) {
            case IMPROVED -> up;
            case DETERIORATED -> down;
            case TWO_SIDED -> Math.min(1, 2 * Math.min(up, down));
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PermutationTest[%d replicates, seed %d, %d threads, enumerate %s]",
                replicates, seed, threads, enumeration.token());
    }
}
