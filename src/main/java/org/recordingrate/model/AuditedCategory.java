package org.recordingrate.model;

import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.ArgumentException;

/**
 * One category of an inspection after its audit: the design ({@link Category}: name, volume,
 * population) and the outcome ({@link Tally}: recorded of audited).
 *
 * @param category the category as designed
 * @param tally    recorded of audited
 */
public record AuditedCategory(Category category, Tally tally) {

    /**
     * @throws IllegalArgumentException if an argument is null, or more records were audited than
     *                                  the category's population holds
     */
    public AuditedCategory {
        Args.notNull("category", category);
        Args.notNull("tally of category '" + category.name() + "'", tally);
        if (category.population().isPresent() && category.population().getAsLong() < tally.audited()) {
            throw new ArgumentException("population", "population of category '" + category.name() + "' ("
                    + category.population().getAsLong() + ") must not be below audited (" + tally.audited() + ")");
        }
    }

    /**
     * A category without a known population, with its tally.
     *
     * @throws IllegalArgumentException as {@link Category} and {@link Tally}
     */
    public static AuditedCategory of(String name, long recorded, long audited, long volume) {
        return new AuditedCategory(Category.of(name, volume), new Tally(recorded, audited));
    }

    /**
     * A category drawn from {@code population} records, with its tally.
     *
     * @throws IllegalArgumentException as {@link Category} and {@link Tally}, or a population below audited
     */
    public static AuditedCategory of(String name, long recorded, long audited, long volume, long population) {
        return new AuditedCategory(Category.of(name, volume, population), new Tally(recorded, audited));
    }

    /** The category's name. */
    public String name() {
        return category.name();
    }

    /** The category's volume: its weight in the all-crime rate. */
    public long volume() {
        return category.volume();
    }

    /** The population the sample was drawn from, if known. */
    public OptionalLong population() {
        return category.population();
    }

    /** The sampling fraction n/N, or 0 when the population is unknown (no correction). */
    public double samplingFraction() {
        return category.population().isPresent() ? (double) tally.audited() / category.population().getAsLong() : 0.0;
    }

    @Override
    public String toString() {
        return name() + ": " + tally + ", volume " + volume()
                + (population().isPresent() ? ", population " + population().getAsLong() : "");
    }
}
