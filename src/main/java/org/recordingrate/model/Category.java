package org.recordingrate.model;

import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * A crime category (stratum) as designed before any audit: its name, its volume (the crimes the
 * force recorded in that category over the year: the category's weight in the all-crime rate)
 * and, optionally, the population of records the sample is drawn from (for the finite
 * population correction and for planning). The audit's outcome is a {@link Tally}; the two
 * together are an {@link AuditedCategory}.
 *
 * @param name       the category, e.g. {@code "violence"}; not blank, not {@code "all crime"}
 * @param volume     recorded crimes in the year, at least 1
 * @param population records the sample is drawn from, at least 1; empty when unknown
 */
public record Category(String name, long volume, OptionalLong population) {

    /**
     * Validates the design and strips the name of surrounding white space.
     *
     * @param name       the category, e.g. {@code "violence"}; not blank, not {@code "all crime"}
     *                   under {@link Names}
     * @param volume     recorded crimes in the year, at least 1
     * @param population records the sample is drawn from, at least 1; empty when unknown (never null)
     * @throws IllegalArgumentException for a blank or reserved name (see {@link Names#ALL_CRIME}),
     *                                  a null population, a volume below 1 or a population below 1
     */
    public Category {
        name = Args.notBlank("category name", name);
        if (Names.isAllCrime(name)) {
            throw new ArgumentException("category name",
                    "category name ('" + name + "') is reserved for the combined estimate");
        }
        Args.notNull("population of category '" + name + "'", population);
        if (volume < 1) {
            throw new ArgumentException("volume",
                    "volume of category '" + name + "' (" + volume + ") must be at least 1");
        }
        if (population.isPresent() && population.getAsLong() < 1) {
            throw new ArgumentException("population",
                    "population of category '" + name + "' (" + population.getAsLong() + ") must be at least 1");
        }
    }

    /**
     * A category without a known population (no finite population correction).
     *
     * @param name   the category, e.g. {@code "violence"}; not blank, not {@code "all crime"}
     * @param volume recorded crimes in the year, at least 1
     * @return the category with an empty population
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Category of(String name, long volume) {
        return new Category(name, volume, OptionalLong.empty());
    }

    /**
     * A category whose sample is drawn from {@code population} records.
     *
     * @param name       the category, e.g. {@code "violence"}; not blank, not {@code "all crime"}
     * @param volume     recorded crimes in the year, at least 1
     * @param population records (or incidents, when the audit samples incidents) the sample is drawn
     *                   from, at least 1
     * @return the category
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Category of(String name, long volume, long population) {
        return new Category(name, volume, OptionalLong.of(population));
    }

    /**
     * This category with its audit's outcome, without incidents.
     *
     * @param tally recorded of audited in this category
     * @return the audited category
     * @throws IllegalArgumentException if {@code tally} is null or audits more records than the
     *                                  population
     */
    public AuditedCategory audited(Tally tally) {
        return new AuditedCategory(this, tally);
    }

    @Override
    public String toString() {
        return name + ": volume " + volume + (population.isPresent() ? ", population " + population.getAsLong() : "");
    }
}
