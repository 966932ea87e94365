package org.recordingrate.forces;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * One force's figure, as every analysis across forces takes it ({@link Forces}): its recording rate,
 * the sampling variance of that rate, the (effective) audited count that stands for its precision on
 * a funnel plot, and optionally its volume (for the national rate) and a group (a region). Made from
 * any kind of input:
 *
 * <ul>
 *   <li>a <b>tally</b> ({@link #of(String, Tally)}): rate x/n, variance p(1 - p)/n, size n;</li>
 *   <li>a <b>published figure</b> ({@link #of(String, PublishedFigure)}): the rate as published,
 *       variance (margin / z)<sup>2</sup>, and as size the <b>implied effective audited count</b>
 *       p(1 - p)(z / margin)<sup>2</sup>: the simple random sample whose Wald margin is the one
 *       published ({@link PublishedFigure#impliedAudited()});</li>
 *   <li>an <b>inspection</b>, all crime ({@link #of(Inspection)}): the volume-weighted rate sum
 *       W<sub>h</sub> p<sub>h</sub>, W<sub>h</sub> = volume<sub>h</sub> / volume, its binomial
 *       variance sum W<sub>h</sub><sup>2</sup> p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>, and as
 *       size n<sub>eff</sub> = 1 / sum W<sub>h</sub><sup>2</sup>/n<sub>h</sub>, the simple random
 *       sample with the same binomial variance when every category records at the same rate (the
 *       funnel's null; Spiegelhalter 2005, section 2), so that a force's place on the funnel does not
 *       depend on its own rate; or one category ({@link #of(Inspection, String)}), a tally with the
 *       category's volume.</li>
 * </ul>
 *
 * <p><b>None or all recorded.</b> A tally of 0 or n has binomial variance 0, which no random-effects
 * model or rank comparison can use (R's metafor refuses a zero variance). As metafor's
 * {@code escalc(measure = "PR")} does for such a tally, the variance is taken at (x + 1/2)/(n + 1):
 * y(1 - y)/(n + 1) (132 of 132 gives 2.816e-5); the rate itself stays x/n, except as the
 * random-effects model's outcome ({@link #randomEffectsRate()}), where metafor's y is used. The same
 * holds for each category of an inspection.
 *
 * @param name             the force, as its rows name it
 * @param rate             its recording rate, a fraction in [0, 1]
 * @param variance         the sampling variance of the rate, above 0
 * @param effectiveAudited the audited count, or effective audited count, for the funnel, above 0
 * @param volume           the crimes the force recorded (the weight of the national rate), when known
 * @param group            its group for {@code --by} (a region), when given
 * @param tally            the tally, when the figure is one (a category's recorded of audited)
 * @param randomEffectsRate the outcome of the random-effects model: the rate, or metafor's
 *                         (x + 1/2)/(n + 1) for a tally of none or all recorded
 */
public record ForceFigure(String name, double rate, double variance, double effectiveAudited, OptionalLong volume,
                          Optional<String> group, Optional<Tally> tally, double randomEffectsRate) {

    /**
     * Validates the figure.
     *
     * @throws IllegalArgumentException for a blank name, a rate outside [0, 1], a variance or size not
     *                                  finite and above 0, a volume below 1, a blank group, or a null
     */
    public ForceFigure {
        name = Args.notBlank("name", name);
        Args.inRange("rate", rate, 0, 1);
        Args.positive("variance", variance);
        Args.positive("effective audited", effectiveAudited);
        Args.notNull("volume", volume);
        if (volume.isPresent()) {
            Args.positive("volume", volume.getAsLong());
        }
        Args.notNull("group", group);
        group = group.map(g -> Args.notBlank("group", g));
        Args.notNull("tally", tally);
        Args.inRange("random-effects rate", randomEffectsRate, 0, 1);
    }

    /**
     * A force's tally: rate x/n, variance p(1 - p)/n (at (x + 1/2)/(n + 1) when x is 0 or n, see the
     * class comment), size n.
     *
     * @param name  the force
     * @param tally recorded of audited
     * @return the figure, without volume or group
     * @throws IllegalArgumentException for a blank name or a null tally
     */
    public static ForceFigure of(String name, Tally tally) {
        Args.notNull("tally", tally);
        long x = tally.recorded();
        long n = tally.audited();
        double rate = (double) x / n;
        return new ForceFigure(name, rate, tallyVariance(x, n), n, OptionalLong.empty(), Optional.empty(),
                Optional.of(tally), zeroCell(x, n) ? (x + 0.5) / (n + 1.0) : rate);
    }

    /**
     * A force's tally: {@code of(name, Tally.of(recorded, audited))}.
     *
     * @param name     the force
     * @param recorded audited records that were recorded
     * @param audited  records audited, at least 1
     * @return the figure
     * @throws IllegalArgumentException for a blank name or an impossible tally
     */
    public static ForceFigure of(String name, long recorded, long audited) {
        return of(name, Tally.of(recorded, audited));
    }

    /**
     * A force's published figure, "93.2 percent (+/- 2.3 percent)": the rate as published (93.2 is
     * exactly 0.932), variance (margin / z)<sup>2</sup> with z for the figure's confidence, and the
     * implied effective audited count p(1 - p)(z / margin)<sup>2</sup> as its size.
     *
     * @param name   the force
     * @param figure the published figure
     * @return the figure, without volume or group
     * @throws IllegalArgumentException for a blank name, a null figure, or a rate of 0 or 100 percent
     *                                  (no audited count gives a Wald margin there: the implied count is 0)
     */
    public static ForceFigure of(String name, PublishedFigure figure) {
        Args.notNull("figure", figure);
        double rate = figure.ratePercent().movePointLeft(2).doubleValue();
        double se = figure.marginPercent().movePointLeft(2).doubleValue() / figure.criticalValue();
        double size = rate * (1 - rate) / (se * se);
        if (!(size > 0)) {
            throw new ArgumentException("rate", "rate (" + figure.ratePercent().toPlainString() + " percent) with margin "
                    + figure.marginPercent().toPlainString() + ": no audited count gives a Wald margin at "
                    + figure.ratePercent().toPlainString() + " percent, so the implied audited count is 0 and "
                    + Args.notBlank("name", name) + " cannot be placed on a funnel");
        }
        return new ForceFigure(name, rate, se * se, size, OptionalLong.empty(), Optional.empty(), Optional.empty(), rate);
    }

    /**
     * A force's inspection, all crime: the volume-weighted rate, its binomial variance and the
     * effective audited count n<sub>eff</sub> = 1 / sum W<sub>h</sub><sup>2</sup>/n<sub>h</sub> (see the
     * class comment), with the inspection's total volume. An inspection of one category gives that
     * category's tally.
     *
     * @param inspection the force's inspection, named after the force
     * @return the figure, with the total volume
     * @throws IllegalArgumentException if {@code inspection} is null
     */
    public static ForceFigure of(Inspection inspection) {
        Args.notNull("inspection", inspection);
        if (inspection.categories().size() == 1) {
            return of(inspection, inspection.categories().get(0).name());
        }
        double volume = inspection.totalVolume();
        double rate = 0;
        double variance = 0;
        double inverseSize = 0;
        for (AuditedCategory c : inspection.categories()) {
            double w = c.volume() / volume;
            long x = c.tally().recorded();
            long n = c.tally().audited();
            rate += w * x / n;
            variance += w * w * tallyVariance(x, n);
            inverseSize += w * w / n;
        }
        rate = Math.max(0, Math.min(1, rate));
        return new ForceFigure(inspection.name(), rate, variance, 1 / inverseSize,
                OptionalLong.of(inspection.totalVolume()), Optional.empty(), Optional.empty(), rate);
    }

    /**
     * One category of a force's inspection: its tally, with the category's volume.
     *
     * @param inspection the force's inspection, named after the force
     * @param category   the category's name (matched by {@link Names#same})
     * @return the figure
     * @throws IllegalArgumentException if an argument is null, or the inspection did not audit the
     *                                  category (the message names the force and the category)
     */
    public static ForceFigure of(Inspection inspection, String category) {
        Args.notNull("inspection", inspection);
        Args.notBlank("category", category);
        AuditedCategory audited = inspection.category(category).orElseThrow(() -> new ArgumentException("category",
                "'" + inspection.name() + "' did not audit category '" + category.strip() + "'"));
        return of(inspection.name(), audited.tally()).withVolume(audited.volume());
    }

    /**
     * This figure with a volume, for the national rate.
     *
     * @param volume the crimes the force recorded, at least 1
     * @return a new figure
     * @throws IllegalArgumentException if {@code volume < 1}
     */
    public ForceFigure withVolume(long volume) {
        Args.positive("volume", volume);
        return new ForceFigure(name, rate, variance, effectiveAudited, OptionalLong.of(volume), group, tally,
                randomEffectsRate);
    }

    /**
     * This figure in a group, for the rate of each group ({@code --by region}).
     *
     * @param group the group's name
     * @return a new figure
     * @throws IllegalArgumentException if {@code group} is null or blank
     */
    public ForceFigure withGroup(String group) {
        return new ForceFigure(name, rate, variance, effectiveAudited, volume, Optional.of(Args.notBlank("group", group)),
                tally, randomEffectsRate);
    }

    /**
     * The standard error of the rate.
     *
     * @return sqrt(variance)
     */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /** The binomial variance of x/n, at (x + 1/2)/(n + 1) for x = 0 or n (metafor's escalc for "PR"). */
    static double tallyVariance(long x, long n) {
        if (zeroCell(x, n)) {
            double y = (x + 0.5) / (n + 1.0);
            return y * (1 - y) / (n + 1.0);
        }
        double p = (double) x / n;
        return p * (1 - p) / n;
    }

    private static boolean zeroCell(long x, long n) {
        return x == 0 || x == n;
    }

    /** {@code "force 01: 93.2% (se 1.17 points, effective audited 460)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s (se %.2f points, %s %,.0f)%s", name, Percent.format(rate),
                100 * standardError(), tally.isPresent() ? "audited" : "effective audited", effectiveAudited,
                group.map(g -> ", " + g).orElse(""));
    }
}
