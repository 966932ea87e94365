package org.recordingrate.model;

import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * One category of an inspection after its audit: the design ({@link Category}: name, volume,
 * population) and the outcome ({@link Tally}: recorded of audited; and, when the audited records
 * named their incidents, the {@link Incidents} the crimes came in).
 *
 * <p>The sampled units are the incidents when they are known, else the crimes: the population is
 * counted in the same units (incident records of the category, or crime records), so that the
 * sampling fraction is incidents audited over incidents in the population.
 *
 * @param category  the category as designed
 * @param tally     recorded of audited
 * @param incidents the incidents holding the audited crimes, when known; their totals equal the tally
 */
public record AuditedCategory(Category category, Tally tally, Optional<Incidents> incidents) {

    /**
     * Validates the category against its outcome.
     *
     * @param category  the category as designed
     * @param tally     recorded of audited
     * @param incidents the incidents holding the audited crimes, or empty when the records named none
     *                  (never null); when present, its {@link Incidents#tally()} must equal {@code tally}
     * @throws IllegalArgumentException if an argument is null, the incidents' totals differ from the
     *                                  tally, or more units (incidents when known, else records)
     *                                  were audited than the category's population holds
     */
    public AuditedCategory {
        Args.notNull("category", category);
        Args.notNull("tally of category '" + category.name() + "'", tally);
        Args.notNull("incidents of category '" + category.name() + "'", incidents);
        if (incidents.isPresent() && !incidents.get().tally().equals(tally)) {
            throw new ArgumentException("incidents", "incidents of category '" + category.name() + "' hold "
                    + incidents.get().tally() + " crimes recorded, but the tally is " + tally);
        }
        long units = incidents.map(Incidents::count).orElse(tally.audited());
        if (category.population().isPresent() && category.population().getAsLong() < units) {
            throw new ArgumentException("population", "population of category '" + category.name() + "' ("
                    + category.population().getAsLong() + ") must not be below audited" + (incidents.isPresent() ? " incidents" : "")
                    + " (" + units + ")");
        }
    }

    /**
     * A category whose audited records name no incident.
     *
     * @param category the category as designed
     * @param tally    recorded of audited
     * @throws IllegalArgumentException if an argument is null, or more records were audited than
     *                                  the category's population holds
     */
    public AuditedCategory(Category category, Tally tally) {
        this(category, tally, Optional.empty());
    }

    /**
     * A category audited incident by incident: the tally is the incidents' total.
     *
     * @param category  the category as designed; its population, if known, counts incidents
     * @param incidents the audited incidents
     * @return the audited category, with {@link Incidents#tally()} as its tally
     * @throws IllegalArgumentException if an argument is null, or more incidents were audited than
     *                                  the category's population holds
     */
    public static AuditedCategory of(Category category, Incidents incidents) {
        Args.notNull("incidents", incidents);
        return new AuditedCategory(category, incidents.tally(), Optional.of(incidents));
    }

    /**
     * A category without a known population, with its tally.
     *
     * @param name     the category, e.g. {@code "violence"}
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, at least 1
     * @param volume   recorded crimes in the year, at least 1
     * @return the audited category
     * @throws IllegalArgumentException as {@link Category} and {@link Tally}
     */
    public static AuditedCategory of(String name, long recorded, long audited, long volume) {
        return new AuditedCategory(Category.of(name, volume), new Tally(recorded, audited));
    }

    /**
     * A category drawn from {@code population} records, with its tally.
     *
     * @param name       the category, e.g. {@code "violence"}
     * @param recorded   audited reports that the force recorded, 0 to {@code audited}
     * @param audited    reports audited, at least 1
     * @param volume     recorded crimes in the year, at least 1
     * @param population records the sample was drawn from, at least {@code audited}
     * @return the audited category
     * @throws IllegalArgumentException as {@link Category} and {@link Tally}, or a population below audited
     */
    public static AuditedCategory of(String name, long recorded, long audited, long volume, long population) {
        return new AuditedCategory(Category.of(name, volume, population), new Tally(recorded, audited));
    }

    /**
     * The category's name.
     *
     * @return the name as designed (stripped of surrounding white space)
     */
    public String name() {
        return category.name();
    }

    /**
     * The category's volume: its weight in the all-crime rate.
     *
     * @return recorded crimes in the year, at least 1
     */
    public long volume() {
        return category.volume();
    }

    /**
     * The population the sample was drawn from, if known.
     *
     * @return the population, at least {@link #sampledUnits()}; empty when unknown (then no finite
     *         population correction applies)
     */
    public OptionalLong population() {
        return category.population();
    }

    /**
     * The units sampled: the incidents when known, else the audited records.
     *
     * @return {@link Incidents#count()} when incidents are present, else {@code tally().audited()}
     */
    public long sampledUnits() {
        return incidents.map(Incidents::count).orElse(tally.audited());
    }

    /**
     * The sampling fraction f = n / N of units ({@link #sampledUnits()} over the population), the
     * finite population correction being 1 - f.
     *
     * @return f in (0, 1] when the population is known (1 when every unit was audited); 0 when the
     *         population is unknown (no correction)
     */
    public double samplingFraction() {
        return category.population().isPresent() ? (double) sampledUnits() / category.population().getAsLong() : 0.0;
    }

    @Override
    public String toString() {
        return name() + ": " + tally + incidents.map(i -> " in " + i).orElse("") + ", volume " + volume()
                + (population().isPresent() ? ", population " + population().getAsLong() : "");
    }
}
