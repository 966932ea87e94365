package org.recordingrate.forces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.forces.ForceResult.Limits;
import org.recordingrate.forces.ForceResult.Shrunken;
import org.recordingrate.forces.RankIntervals.RankInterval;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;

/**
 * Many forces at once: which record truly worse or better than the rest, how sure a league position
 * is, and the national rate. From every force's figure ({@link ForceFigure}: a tally, a published
 * "rate +/- margin", an inspection's all-crime estimate) it gives, per force ({@link ForceResult}):
 *
 * <ol>
 *   <li><b>the funnel</b> (Spiegelhalter 2005, "Funnel plots for comparing institutional performance",
 *       Statistics in Medicine 24, 1185-1202): the target (the pooled rate sum n<sub>i</sub>
 *       p<sub>i</sub> / sum n<sub>i</sub> over the (effective) audited counts, unless
 *       {@link #withTarget(double)}), each force's z = (p - target) / sqrt(target (1 - target) / n), the
 *       95% and 99.8% limits at its n, and whether it lies beyond them;</li>
 *   <li><b>over-dispersion</b> ({@link Dispersion}, {@link Overdispersion}): phi and tau2 from the z-scores
 *       winsorised at 10% (Spiegelhalter 2005, "Handling over-dispersion of performance indicators"),
 *       and the limits widened additively (the default, as R's FunnelPlotR: target &plusmn;
 *       z<sub>p</sub> sqrt(s<sup>2</sup> + tau2)) or multiplicatively (target &plusmn; z<sub>p</sub>
 *       sqrt(phi) s); without over-dispersion found (tau2 = 0, or phi &lt;= 1) or with
 *       {@link Overdispersion#NONE}, the binomial limits of {@link FunnelLimits} (exact by default);</li>
 *   <li><b>shrinkage</b> ({@link Shrinkage}): DerSimonian-Laird random effects on the forces' own
 *       variances and each force's BLUP with its interval, exactly as metafor's {@code rma(method =
 *       "DL")} and {@code blup()} ({@link RandomEffects}); or beta-binomial empirical Bayes for tallies
 *       ({@link BetaBinomialPrior}, as ebbr);</li>
 *   <li><b>ranks</b> ({@link RankIntervals}): 1 the highest rate, with marginal and simultaneous
 *       intervals by Mogstad, Romano, Shaikh and Wilhelm (2024), a seeded parametric bootstrap whose
 *       result does not depend on the number of threads;</li>
 *   <li><b>the national rate</b> ({@link NationalRate}): forces weighted by volume, when every force has
 *       one, and the rate of each group (region) when groups are given.</li>
 * </ol>
 *
 * <pre>{@code
 * ForcesResult all = Forces.of(ForcesFile.read(Path.of("examples/data/forces-2022.csv")));
 * ForcesResult figures = Forces.withDefaults().with(Overdispersion.MULTIPLICATIVE).withSeed(7)
 *         .analyse(List.of(ForceFigure.of("A", PublishedFigure.fromPercent(93.2, 2.3)), ...));
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@code with..} methods return new instances.
 */
public final class Forces {

    /** Default rank replicates: Monte Carlo error of a critical value about 0.2%. */
    public static final int DEFAULT_REPLICATES = 100_000;

    private final Overdispersion overdispersion;
    private final double winsorise;
    private final Optional<Double> target;
    private final FunnelLimits limits;
    private final Shrinkage shrinkage;
    private final double confidence;
    private final int replicates;
    private final long seed;
    private final int threads;

    private Forces(Overdispersion overdispersion, double winsorise, Optional<Double> target, FunnelLimits limits,
                   Shrinkage shrinkage, double confidence, int replicates, long seed, int threads) {
        this.overdispersion = overdispersion;
        this.winsorise = winsorise;
        this.target = target;
        this.limits = limits;
        this.shrinkage = shrinkage;
        this.confidence = confidence;
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * The defaults: additive over-dispersion, 10% winsorised, the pooled target, exact binomial limits
     * (when unadjusted), DerSimonian-Laird shrinkage, 95% intervals, {@value #DEFAULT_REPLICATES} rank
     * replicates, seed 1, every processor.
     *
     * @return the procedure with its defaults
     */
    public static Forces withDefaults() {
        return new Forces(Overdispersion.ADDITIVE, Dispersion.DEFAULT_WINSORISE, Optional.empty(),
                FunnelLimits.EXACT_BINOMIAL, Shrinkage.DERSIMONIAN_LAIRD, 0.95, DEFAULT_REPLICATES, 1,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Every force of a file with the defaults: {@code withDefaults().analyse(file)}.
     *
     * @param file the forces, as read
     * @return the analysis
     * @throws IllegalArgumentException as {@link #analyse(ForcesFile)}
     */
    public static ForcesResult of(ForcesFile file) {
        return withDefaults().analyse(file);
    }

    /**
     * Every force of a file of any kind, read with the default options, analysed with the defaults:
     * {@code Forces.of(Path.of("examples/data/forces-2022.csv"))}.
     *
     * @param file published figures, tallies or an inspection file (all crime); other options, and
     *             record-level audit files with their volumes, through
     *             {@link ForcesFile#read(Path, ForcesFile.Options)}
     * @return the analysis
     * @throws IllegalArgumentException as {@link ForcesFile#read(Path)} and {@link #analyse(ForcesFile)}
     */
    public static ForcesResult of(Path file) {
        return withDefaults().analyse(ForcesFile.read(file));
    }

    /**
     * Every force's all-crime rate with the defaults: {@code withDefaults().analyse(inspections)}.
     *
     * @param inspections every force's inspection
     * @return the analysis
     * @throws IllegalArgumentException as {@link #analyse(List)}
     */
    public static ForcesResult ofInspections(List<Inspection> inspections) {
        Args.notNull("inspections", inspections);
        return withDefaults().analyse(inspections.stream().map(ForceFigure::of).toList());
    }

    /**
     * With another over-dispersion allowance ({@link Overdispersion#ADDITIVE} by default).
     *
     * @param overdispersion the allowance
     * @return a new procedure
     * @throws IllegalArgumentException if null
     */
    public Forces with(Overdispersion overdispersion) {
        Args.notNull("overdispersion", overdispersion);
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, replicates, seed, threads);
    }

    /**
     * With other unadjusted limits ({@link FunnelLimits#EXACT_BINOMIAL} by default).
     *
     * @param limits the binomial limits drawn without over-dispersion
     * @return a new procedure
     * @throws IllegalArgumentException if null
     */
    public Forces with(FunnelLimits limits) {
        Args.notNull("limits", limits);
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, replicates, seed, threads);
    }

    /**
     * With another shrinkage ({@link Shrinkage#DERSIMONIAN_LAIRD} by default).
     *
     * @param shrinkage how the rates are shrunk
     * @return a new procedure
     * @throws IllegalArgumentException if null
     */
    public Forces with(Shrinkage shrinkage) {
        Args.notNull("shrinkage", shrinkage);
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, replicates, seed, threads);
    }

    /**
     * Winsorising another fraction of the z-scores at each end (0.1 by default; 0 for none).
     *
     * @param fraction in [0, 0.5)
     * @return a new procedure
     * @throws IllegalArgumentException if out of range (10 is refused with "did you mean 0.1?")
     */
    public Forces withWinsorising(double fraction) {
        Dispersion.estimate(new double[] {0}, new double[] {1}, fraction);
        return new Forces(overdispersion, fraction, target, limits, shrinkage, confidence, replicates, seed, threads);
    }

    /**
     * Around a given target instead of the pooled rate.
     *
     * @param rate the target, a fraction strictly between 0 and 1
     * @return a new procedure
     * @throws IllegalArgumentException if not strictly between 0 and 1
     */
    public Forces withTarget(double rate) {
        Args.openUnit("target", rate);
        return new Forces(overdispersion, winsorise, Optional.of(rate), limits, shrinkage, confidence, replicates, seed,
                threads);
    }

    /**
     * At another confidence level for the shrunken intervals, the rank intervals and the national rate
     * (0.95 by default; the funnel's limits stay at 95% and 99.8%).
     *
     * @param level from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @return a new procedure
     * @throws IllegalArgumentException if out of range
     */
    public Forces withConfidence(double level) {
        Args.confidence(level);
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, level, replicates, seed, threads);
    }

    /**
     * With another number of rank replicates ({@value #DEFAULT_REPLICATES} by default).
     *
     * @param count from {@value RankIntervals#MIN_REPLICATES} to {@value RankIntervals#MAX_REPLICATES}
     * @return a new procedure
     * @throws IllegalArgumentException if out of range
     */
    public Forces withReplicates(int count) {
        if (count < RankIntervals.MIN_REPLICATES || count > RankIntervals.MAX_REPLICATES) {
            throw new ArgumentException("replicates", String.format(Locale.ROOT, "replicates (%d) must lie between %d and %,d",
                    count, RankIntervals.MIN_REPLICATES, RankIntervals.MAX_REPLICATES));
        }
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, count, seed, threads);
    }

    /**
     * With another seed for the rank bootstrap (1 by default).
     *
     * @param seed any whole number
     * @return a new procedure
     */
    public Forces withSeed(long seed) {
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, replicates, seed, threads);
    }

    /**
     * On at most this many threads (every processor by default); the result does not depend on it.
     *
     * @param count at least 1
     * @return a new procedure
     * @throws IllegalArgumentException if below 1
     */
    public Forces withThreads(int count) {
        Args.positive("threads", count);
        return new Forces(overdispersion, winsorise, target, limits, shrinkage, confidence, replicates, seed, count);
    }

    /**
     * Every force of a file, the file's columns kept in the table ({@link ForcesResult#table()}).
     *
     * @param file the forces as read by {@link ForcesFile#read(Path, ForcesFile.Options)}
     * @return the analysis
     * @throws IllegalArgumentException as {@link #analyse(List)}
     */
    public ForcesResult analyse(ForcesFile file) {
        Args.notNull("file", file);
        return analyse(file.figures(), Optional.of(file));
    }

    /**
     * Every force of a list.
     *
     * @param figures every force's figure, at least two, with distinct names (under {@link Names})
     * @return the analysis
     * @throws IllegalArgumentException for fewer than two forces, a name given twice, a pooled target of 0
     *                                  or 1, beta-binomial shrinkage for a force without a tally, groups
     *                                  given for some forces only, or a prior that cannot be fitted
     */
    public ForcesResult analyse(List<ForceFigure> figures) {
        return analyse(figures, Optional.empty());
    }

    private ForcesResult analyse(List<ForceFigure> figures, Optional<ForcesFile> file) {
        Args.notNull("figures", figures);
        int count = figures.size();
        if (count < 2) {
            throw new ArgumentException("figures", "forces (" + count + ") must be at least two to compare");
        }
        for (int i = 0; i < count; i++) {
            Args.notNull("figure", figures.get(i));
            for (int j = 0; j < i; j++) {
                if (Names.same(figures.get(i).name(), figures.get(j).name())) {
                    throw new ArgumentException("figures", "force '" + figures.get(i).name() + "' is given twice"
                            + " (as '" + figures.get(j).name() + "' and '" + figures.get(i).name() + "')");
                }
            }
        }
        List<String> notes = new ArrayList<>();
        double theta = target.orElseGet(() -> pooled(figures));
        if (!(theta > 0 && theta < 1)) {
            throw new ArgumentException("target", "the pooled rate (" + Percent.format(theta) + ") must lie strictly between"
                    + " 0 and 100 percent for a funnel: every force recorded " + (theta >= 1 ? "all" : "none")
                    + " of its audited crimes; give a target");
        }
        double[] s = new double[count];
        double[] z = new double[count];
        for (int i = 0; i < count; i++) {
            ForceFigure f = figures.get(i);
            s[i] = Math.sqrt(theta * (1 - theta) / f.effectiveAudited());
            z[i] = (f.rate() - theta) / s[i];
        }
        Dispersion dispersion = Dispersion.estimate(z, s, winsorise);
        Overdispersion applied = switch (overdispersion) {
            case MULTIPLICATIVE -> dispersion.multiplicative() ? Overdispersion.MULTIPLICATIVE : Overdispersion.NONE;
            case ADDITIVE -> dispersion.additive() ? Overdispersion.ADDITIVE : Overdispersion.NONE;
            default -> Overdispersion.NONE;
        };
        if (overdispersion != Overdispersion.NONE && applied == Overdispersion.NONE) {
            notes.add(String.format(Locale.ROOT, "no over-dispersion found (phi %.3g%s): the funnel's limits are the "
                    + "unadjusted %s ones", dispersion.phi(), overdispersion == Overdispersion.ADDITIVE ? ", tau2 0" : "",
                    limits.displayName()));
        }

        Shrinking shrinking = shrink(figures, notes);
        Shrunken[] shrunken = shrinking.rows();
        double[] rates = new double[count];
        double[] variances = new double[count];
        for (int i = 0; i < count; i++) {
            rates[i] = figures.get(i).rate();
            variances[i] = figures.get(i).variance();
        }
        RankIntervals ranks = RankIntervals.of(rates, variances, confidence, replicates, seed, threads);

        Optional<NationalRate> national = Optional.empty();
        List<NationalRate> groups = List.of();
        long withVolume = figures.stream().filter(f -> f.volume().isPresent()).count();
        long withGroup = figures.stream().filter(f -> f.group().isPresent()).count();
        if (withGroup > 0 && withGroup < count) {
            throw new ArgumentException("figures", "groups are given for " + withGroup + " of " + count + " forces: '"
                    + figures.stream().filter(f -> f.group().isEmpty()).findFirst().get().name() + "' has none");
        }
        if (withVolume == count) {
            national = Optional.of(NationalRate.of(Optional.empty(), figures, confidence));
            if (withGroup == count) {
                groups = NationalRate.byGroup(figures, confidence);
            }
        } else if (withVolume > 0) {
            notes.add("no national rate: volumes are missing for " + (count - withVolume) + " of " + count + " forces ("
                    + String.join(", ", figures.stream().filter(f -> f.volume().isEmpty()).limit(5).map(ForceFigure::name)
                            .toList()) + (count - withVolume > 5 ? ", ..." : "") + ")");
        }
        List<String> zeroCells = figures.stream().filter(f -> f.tally().isPresent()
                && (f.tally().get().recorded() == 0 || f.tally().get().recorded() == f.tally().get().audited()))
                .map(ForceFigure::name).toList();
        if (!zeroCells.isEmpty()) {
            notes.add("recorded none or all of its audited crimes: " + String.join(", ", zeroCells) + "; its variance is "
                    + "taken at (x + 1/2)/(n + 1), as metafor's escalc does, since a variance of 0 allows no comparison");
        }

        List<ForceResult> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ForceFigure f = figures.get(i);
            Limits unadjusted = ForcesResult.limits(theta, f.effectiveAudited(), Overdispersion.NONE, dispersion, limits);
            Limits adjusted = ForcesResult.limits(theta, f.effectiveAudited(), applied, dispersion, limits);
            double zAdjusted = applied == Overdispersion.NONE ? z[i]
                    : (f.rate() - theta) / ForcesResult.spread(theta, f.effectiveAudited(), applied, dispersion);
            RankInterval rank = ranks.interval(i);
            Optional<NationalRate> group = f.group().flatMap(g -> groupsOf(g, figures, confidence, withVolume == count));
            rows.add(new ForceResult(f, z[i], zAdjusted, adjusted, unadjusted, adjusted.classify(f.rate()),
                    unadjusted.classify(f.rate()), shrunken[i], rank, group));
        }
        return new ForcesResult(this, rows, theta, target.isPresent(), dispersion, overdispersion, applied, limits, shrinkage,
                shrinking.randomEffects(), shrinking.prior(), ranks, national, groups, confidence, file, notes);
    }

    /** The shrunken rates and the model fitted for them. */
    private record Shrinking(Shrunken[] rows, Optional<RandomEffects> randomEffects, Optional<BetaBinomialPrior> prior) {
    }

    private Shrinking shrink(List<ForceFigure> figures, List<String> notes) {
        int count = figures.size();
        Shrunken[] out = new Shrunken[count];
        double z = Normal.twoSidedCritical(confidence);
        if (shrinkage == Shrinkage.DERSIMONIAN_LAIRD) {
            double[] y = new double[count];
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                y[i] = figures.get(i).randomEffectsRate();
                v[i] = figures.get(i).variance();
            }
            RandomEffects fit = RandomEffects.dersimonianLaird(y, v);
            for (int i = 0; i < count; i++) {
                RandomEffects.Prediction p = fit.blup(y[i], v[i]);
                out[i] = new Shrunken(p.estimate(), p.se(), clip(p.estimate() - z * p.se()), clip(p.estimate() + z * p.se()));
            }
            if (fit.tau2() == 0) {
                notes.add("the random-effects model finds no between-force variance (tau2 0): every force is shrunk to"
                        + " the common rate " + Percent.format(fit.mu()));
            }
            return new Shrinking(out, Optional.of(fit), Optional.empty());
        }
        List<Tally> tallies = new ArrayList<>(count);
        for (ForceFigure f : figures) {
            tallies.add(f.tally().orElseThrow(() -> new ArgumentException("shrinkage", shrinkage.token()
                    + " needs every force's tally (recorded of audited); '" + f.name() + "' has none (a published figure"
                    + " or an all-crime rate): choose a category, or dersimonian_laird")));
        }
        BetaBinomialPrior fit = shrinkage == Shrinkage.BETA_BINOMIAL ? BetaBinomialPrior.maximumLikelihood(tallies)
                : BetaBinomialPrior.moments(tallies);
        for (int i = 0; i < count; i++) {
            BetaBinomialPrior.Posterior p = fit.posterior(tallies.get(i), confidence);
            out[i] = new Shrunken(p.mean(), p.sd(), p.lower(), p.upper());
        }
        return new Shrinking(out, Optional.empty(), Optional.of(fit));
    }

    private static Optional<NationalRate> groupsOf(String group, List<ForceFigure> figures, double confidence,
                                                   boolean volumes) {
        if (!volumes) {
            return Optional.empty();
        }
        return Optional.of(NationalRate.of(Optional.of(group), figures.stream()
                .filter(f -> Names.same(f.group().get(), group)).toList(), confidence));
    }

    /** sum n_i p_i / sum n_i. */
    static double pooled(List<ForceFigure> figures) {
        double size = 0;
        double recorded = 0;
        for (ForceFigure f : figures) {
            size += f.effectiveAudited();
            recorded += f.effectiveAudited() * f.rate();
        }
        return recorded / size;
    }

    static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** The settings, one line. */
    @Override
    public String toString() {
        return "Forces[" + overdispersion.token() + " over-dispersion, " + Args.show(winsorise) + " winsorised, target "
                + target.map(Percent::format).orElse("pooled") + ", " + limits.token() + " limits, " + shrinkage.token()
                + ", " + Args.show(confidence) + ", " + replicates + " replicates, seed " + seed + "]";
    }
}
