package org.recordingrate.forces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Names;

/**
 * The national (or a group's, a region's) recording rate from the forces' figures: forces as strata
 * weighted by the crimes they recorded, rate = sum V<sub>i</sub> p<sub>i</sub> / V, V = sum
 * V<sub>i</sub>, with variance sum (V<sub>i</sub> / V)<sup>2</sup> v<sub>i</sub> (the forces' own
 * variances; independent samples) and the Wald interval rate &plusmn; z se, clipped to [0, 1] (its
 * "+/-" is the published convention's). The share of the nation's crimes that were recorded, as far
 * as the audits can tell.
 *
 * @param group      the group's name, or empty for the nation (every force)
 * @param forces     the number of forces in it
 * @param volume     their total volume
 * @param rate       the volume-weighted rate
 * @param se         its standard error
 * @param lower      the interval's lower bound
 * @param upper      the interval's upper bound
 * @param confidence the interval's level
 */
public record NationalRate(Optional<String> group, int forces, long volume, double rate, double se, double lower,
                           double upper, double confidence) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException for a null or blank group, no forces, a volume below 1, a rate or
     *                                  bound outside [0, 1], a negative standard error or a confidence
     *                                  out of range
     */
    public NationalRate {
        Args.notNull("group", group);
        group = group.map(g -> Args.notBlank("group", g));
        if (forces < 1) {
            throw new IllegalArgumentException("forces (" + forces + ") must be at least 1");
        }
        Args.positive("volume", volume);
        Args.inRange("rate", rate, 0, 1);
        Args.nonNegative("se", se);
        Args.inRange("lower", lower, 0, 1);
        Args.inRange("upper", upper, 0, 1);
        Args.confidence(confidence);
    }

    /**
     * The volume-weighted rate of these forces.
     *
     * @param group      the group's name, or empty for the nation
     * @param figures    the forces, each with a volume; at least one
     * @param confidence the interval's level
     * @return the rate and its interval
     * @throws IllegalArgumentException for no forces, a force without a volume (named), or a confidence
     *                                  out of range
     */
    public static NationalRate of(Optional<String> group, List<ForceFigure> figures, double confidence) {
        Args.notNull("figures", figures);
        Args.confidence(confidence);
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("figures must hold at least one force");
        }
        double volume = 0;
        long total = 0;
        for (ForceFigure f : figures) {
            long v = f.volume().orElseThrow(() -> new IllegalArgumentException("'" + f.name()
                    + "' has no volume: the national rate weights every force by the crimes it recorded"));
            volume += v;
            total = Math.addExact(total, v);
        }
        double rate = 0;
        double variance = 0;
        for (ForceFigure f : figures) {
            double w = f.volume().getAsLong() / volume;
            rate += w * f.rate();
            variance += w * w * f.variance();
        }
        rate = Math.max(0, Math.min(1, rate));
        double se = Math.sqrt(variance);
        double z = Normal.twoSidedCritical(confidence);
        return new NationalRate(group, figures.size(), total, rate, se, Math.max(0, rate - z * se),
                Math.min(1, rate + z * se), confidence);
    }

    /**
     * The rate of each group, in the order the groups first appear (groups compared by
     * {@link Names#same}, named as first written).
     *
     * @param figures    the forces, each with a group and a volume
     * @param confidence the intervals' level
     * @return a rate per group
     * @throws IllegalArgumentException as {@link #of}, or for a force without a group
     */
    public static List<NationalRate> byGroup(List<ForceFigure> figures, double confidence) {
        Map<String, List<ForceFigure>> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ForceFigure f : figures) {
            String group = f.group().orElseThrow(() -> new IllegalArgumentException("'" + f.name() + "' has no group"));
            String key = Names.key(group);
            names.putIfAbsent(key, group);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<NationalRate> rates = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            rates.add(of(Optional.of(names.get(entry.getKey())), entry.getValue(), confidence));
        }
        return rates;
    }

    /** {@code "national rate 91.0% (95% CI 90.5% to 91.5%), 43 forces, volume 3,456,789"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s rate %s (%s CI %s to %s), %d force%s, volume %,d",
                group.map(g -> g).orElse("national"), Percent.format(rate), Percent.level(confidence), Percent.format(lower),
                Percent.format(upper), forces, forces == 1 ? "" : "s", volume);
    }
}
