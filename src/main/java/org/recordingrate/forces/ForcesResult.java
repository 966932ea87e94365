package org.recordingrate.forces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.EditDistance;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;

/**
 * Many forces analysed at once ({@link Forces}): a row per force ({@link ForceResult}) with the funnel,
 * shrinkage and ranks, and what they rest on (the target, {@link Dispersion}, the fitted shrinkage
 * model, the rank critical values, the national rate). The table keeps a figures or tallies file's
 * input columns unchanged and in order, then adds {@link ForcesColumns}' result columns.
 *
 * <p>Immutable and thread-safe; {@link #table()} returns a new table each call.
 */
public final class ForcesResult implements Result {

    private final Forces procedure;
    private final List<ForceResult> forces;
    private final double target;
    private final boolean targetGiven;
    private final Dispersion dispersion;
    private final Overdispersion asked;
    private final Overdispersion applied;
    private final FunnelLimits limits;
    private final Shrinkage shrinkage;
    private final Optional<RandomEffects> randomEffects;
    private final Optional<BetaBinomialPrior> prior;
    private final RankIntervals ranks;
    private final Optional<NationalRate> national;
    private final List<NationalRate> groups;
    private final double confidence;
    private final Optional<ForcesFile> file;
    private final List<String> notes;

    ForcesResult(Forces procedure, List<ForceResult> forces, double target, boolean targetGiven, Dispersion dispersion,
                 Overdispersion asked, Overdispersion applied, FunnelLimits limits, Shrinkage shrinkage,
                 Optional<RandomEffects> randomEffects, Optional<BetaBinomialPrior> prior, RankIntervals ranks,
                 Optional<NationalRate> national, List<NationalRate> groups, double confidence,
                 Optional<ForcesFile> file, List<String> notes) {
        this.procedure = procedure;
        this.forces = List.copyOf(forces);
        this.target = target;
        this.targetGiven = targetGiven;
        this.dispersion = dispersion;
        this.asked = asked;
        this.applied = applied;
        this.limits = limits;
        this.shrinkage = shrinkage;
        this.randomEffects = randomEffects;
        this.prior = prior;
        this.ranks = ranks;
        this.national = national;
        this.groups = List.copyOf(groups);
        this.confidence = confidence;
        this.file = file;
        List<String> all = new ArrayList<>();
        file.ifPresent(f -> all.addAll(f.notes()));
        all.addAll(notes);
        this.notes = List.copyOf(all);
    }

    /**
     * The procedure that made this result, to analyse the same forces again with one setting changed.
     *
     * @return the procedure
     */
    public Forces procedure() {
        return procedure;
    }

    /**
     * The funnel's limits at any size, with the allowance applied: what the plot draws as curves.
     *
     * @param size an (effective) audited count, finite and above 0
     * @return the 95% and 99.8% limits
     * @throws IllegalArgumentException if {@code size} is not finite and above 0
     */
    public ForceResult.Limits limitsAt(double size) {
        return limits(target, size, applied, dispersion, limits);
    }

    /**
     * The binomial limits at any size ({@link FunnelLimits}), without allowance.
     *
     * @param size an (effective) audited count, finite and above 0
     * @return the 95% and 99.8% limits
     * @throws IllegalArgumentException if {@code size} is not finite and above 0
     */
    public ForceResult.Limits unadjustedLimitsAt(double size) {
        return limits(target, size, Overdispersion.NONE, dispersion, limits);
    }

    /**
     * The standard deviation of a rate at size n under an allowance: sqrt(phi) s (multiplicative) or
     * sqrt(s<sup>2</sup> + tau2) (additive), s = sqrt(target (1 - target) / n); s without allowance.
     */
    static double spread(double target, double size, Overdispersion applied, Dispersion dispersion) {
        double s2 = target * (1 - target) / size;
        return switch (applied) {
            case MULTIPLICATIVE -> Math.sqrt(dispersion.phi() * s2);
            case ADDITIVE -> Math.sqrt(s2 + dispersion.tau2());
            default -> Math.sqrt(s2);
        };
    }

    /** The limits at a size: binomial ones without allowance, target +/- z spread (clipped) with one. */
    static ForceResult.Limits limits(double target, double size, Overdispersion applied, Dispersion dispersion,
                                     FunnelLimits binomial) {
        Args.positive("size", size);
        if (applied == Overdispersion.NONE) {
            return new ForceResult.Limits(binomial.lower(target, size, 0.95), binomial.upper(target, size, 0.95),
                    binomial.lower(target, size, 0.998), binomial.upper(target, size, 0.998));
        }
        double spread = spread(target, size, applied, dispersion);
        return new ForceResult.Limits(Forces.clip(target - Z95 * spread), Forces.clip(target + Z95 * spread),
                Forces.clip(target - Z998 * spread), Forces.clip(target + Z998 * spread));
    }

    /** The 97.5% and 99.9% points of the standard normal distribution. */
    private static final double Z95 = Normal.quantile(0.975);
    private static final double Z998 = Normal.quantile(0.999);

    /**
     * Every force, in the order given.
     *
     * @return an unmodifiable list, one row per force
     */
    public List<ForceResult> forces() {
        return forces;
    }

    /**
     * The force of a name, under {@link Names} (case and spaces ignored).
     *
     * @param name the force's name
     * @return its row; empty when no force has the name
     * @throws IllegalArgumentException if {@code name} is null
     */
    public Optional<ForceResult> force(String name) {
        Args.notNull("name", name);
        return forces.stream().filter(f -> Names.same(f.name(), name)).findFirst();
    }

    /**
     * The force of a name, or an error naming it and the nearest names.
     *
     * @param argument the argument's name for the message, e.g. {@code "highlight"}
     * @param name     the force's name
     * @return its row
     * @throws IllegalArgumentException (an {@link ArgumentException} of {@code argument}) naming the
     *                                  name and up to five forces whose names are nearest it
     */
    public ForceResult require(String argument, String name) {
        return force(name).orElseThrow(() -> new ArgumentException(argument, argument + " ('" + name
                + "') names no force of the " + forces.size() + "; nearest: " + String.join(", ", near(name, 5))));
    }

    /**
     * The forces' names nearest a name: by edit distance between the names in {@link Names}' form,
     * names containing it first.
     *
     * @param name  the name, as typed
     * @param count how many
     * @return up to {@code count} names, nearest first
     */
    public List<String> near(String name, int count) {
        String key = Names.key(Args.notNull("name", name));
        return forces.stream().map(ForceResult::name)
                .sorted(Comparator.comparingInt((String n) -> Names.key(n).contains(key) || key.contains(Names.key(n))
                        ? 0 : 1).thenComparingInt(n -> EditDistance.between(key, Names.key(n))).thenComparing(n -> n))
                .limit(Math.max(0, count)).toList();
    }

    /**
     * The forces beyond the 95% limits (with the allowance applied), lowest rate first.
     *
     * @return the rows whose outlier is not {@link Outlier#NONE}
     */
    public List<ForceResult> beyond95() {
        return forces.stream().filter(f -> f.outlier() != Outlier.NONE)
                .sorted(Comparator.comparingDouble(ForceResult::rate)).toList();
    }

    /**
     * The funnel's target.
     *
     * @return the given target, else the pooled rate sum n<sub>i</sub> p<sub>i</sub> / sum n<sub>i</sub>
     */
    public double target() {
        return target;
    }

    /**
     * Whether the target was given rather than pooled.
     *
     * @return true for {@link Forces#withTarget(double)}
     */
    public boolean targetGiven() {
        return targetGiven;
    }

    /**
     * Phi, tau2 and the winsorising.
     *
     * @return the over-dispersion estimates
     */
    public Dispersion dispersion() {
        return dispersion;
    }

    /**
     * The allowance asked for.
     *
     * @return the procedure's {@link Overdispersion}
     */
    public Overdispersion overdispersion() {
        return asked;
    }

    /**
     * The allowance applied: the one asked for, or {@link Overdispersion#NONE} when none was found.
     *
     * @return the allowance behind the limits and {@code z_adjusted}
     */
    public Overdispersion applied() {
        return applied;
    }

    /**
     * The binomial limits (drawn when no allowance is applied, and in {@code unadjusted}).
     *
     * @return the limits' method
     */
    public FunnelLimits limits() {
        return limits;
    }

    /**
     * The shrinkage.
     *
     * @return how the rates were shrunk
     */
    public Shrinkage shrinkage() {
        return shrinkage;
    }

    /**
     * The random-effects fit, under {@link Shrinkage#DERSIMONIAN_LAIRD}.
     *
     * @return the fit; empty under beta-binomial shrinkage
     */
    public Optional<RandomEffects> randomEffects() {
        return randomEffects;
    }

    /**
     * The beta prior, under beta-binomial shrinkage.
     *
     * @return the prior; empty under DerSimonian-Laird
     */
    public Optional<BetaBinomialPrior> betaBinomialPrior() {
        return prior;
    }

    /**
     * The rank intervals with their critical values.
     *
     * @return the ranks
     */
    public RankIntervals ranks() {
        return ranks;
    }

    /**
     * The national rate: forces weighted by volume.
     *
     * @return the rate; empty unless every force has a volume
     */
    public Optional<NationalRate> national() {
        return national;
    }

    /**
     * Each group's rate, in the order the groups first appear.
     *
     * @return the rates; empty without groups or volumes
     */
    public List<NationalRate> groups() {
        return groups;
    }

    /**
     * The level of the shrunken, rank and national intervals.
     *
     * @return the level, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The file the forces were read from.
     *
     * @return the file; empty for a list of figures
     */
    public Optional<ForcesFile> file() {
        return file;
    }

    /**
     * The category the rates are of, as the file was read.
     *
     * @return the category ("all crime" for inspections); empty for a list of figures or a file's rows
     */
    public Optional<String> category() {
        return file.flatMap(ForcesFile::category);
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    /**
     * The table: a figures or tallies file's input columns, unchanged and in order (otherwise
     * {@code force} and what every force has of {@code group,recorded,audited,volume}), then
     * {@link ForcesColumns}' result columns; a row per force in the order given; the notes.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        ResultColumns<ForceResult> results = ForcesColumns.results(this);
        ResultTable table;
        if (file.isPresent() && !file.get().cells().isEmpty()) {
            table = ResultTable.withInputs(file.get().header(), results.columns());
            for (int i = 0; i < forces.size(); i++) {
                table.row(file.get().cells().get(i), results.values(forces.get(i)));
            }
        } else {
            table = ForcesColumns.identity(forces).then(results).table(forces);
        }
        return table.notes(notes);
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d forces%s, funnel around %s (%s)%n", forces.size(),
                category().map(c -> ", " + c).orElse(""), Percent.format(target),
                targetGiven ? "given" : "pooled rate, sum of n x rate over sum of n"));
        out.append(String.format(Locale.ROOT, "over-dispersion: %s, p %s (Spiegelhalter 2005)%n", dispersion,
                Percent.pValue(dispersion.pValue())));
        out.append("limits: ").append(applied == Overdispersion.NONE ? "unadjusted " + limits.displayName()
                : applied.displayName() + " allowance, normal").append(" at 95% and 99.8%\n");
        long beyond = forces.stream().filter(f -> f.outlier() != Outlier.NONE).count();
        long far = forces.stream().filter(f -> f.outlier() == Outlier.BEYOND_99_8).count();
        long beyondUnadjusted = forces.stream().filter(f -> f.outlierUnadjusted() != Outlier.NONE).count();
        out.append(String.format(Locale.ROOT, "beyond the 95%% limits: %d of %d (%d beyond 99.8%%); without the"
                + " allowance %d%n", beyond, forces.size(), far, beyondUnadjusted));
        for (ForceResult f : beyond95()) {
            out.append("  ").append(f).append('\n');
        }
        out.append("shrinkage: ").append(randomEffects.map(Object::toString).orElse(""))
                .append(prior.map(Object::toString).orElse("")).append('\n');
        out.append(ranks).append(" (Mogstad, Romano, Shaikh and Wilhelm 2024)\n");
        national.ifPresent(n -> out.append(n).append('\n'));
        for (NationalRate g : groups) {
            out.append("  ").append(g).append('\n');
        }
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /** {@code "43 forces around 91.3%: 5 beyond the 95% limits (additive, phi 3.21, tau2 0.000412)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d forces around %s: %d beyond the 95%% limits (%s, phi %.3g, tau2 %.3g)",
                forces.size(), Percent.format(target), beyond95().size(), applied.token(), dispersion.phi(),
                dispersion.tau2());
    }
}
