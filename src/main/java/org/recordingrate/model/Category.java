package org.recordingrate.model;

import java.util.OptionalLong;

import org.recordingrate.model.Tally;
import org.recordingrate.internal.Args;

/**
 * One audited crime category of an inspection: its name, its audit tally, its volume (the crimes
 * the force recorded in that category over the year: the category's weight in the all-crime
 * rate) and, optionally, the population of records the sample was drawn from (used only for the
 * finite population correction of the {@link VarianceConvention#SURVEY survey} variance).
 *
 * @param name       the category, e.g. {@code "violence"}; not blank, not {@code "all crime"}
 * @param tally      recorded of audited
 * @param volume     recorded crimes in the year, at least 1
 * @param population records sampled from, at least {@code audited}; empty when unknown
 */
public record Category(String name, Tally tally, long volume, OptionalLong population) {

    /** The name reserved for the combined row of an {@link InspectionEstimate}. */
    public static final String ALL_CRIME = "all crime";

    /**
     * @throws IllegalArgumentException for a blank or reserved name, a null tally or population,
     *                                  a volume below 1, or a population below the audited count
     */
    public Category {
        name = Args.notBlank("category name", name);
        if (name.equalsIgnoreCase(ALL_CRIME)) {
            throw new IllegalArgumentException("category name ('" + name + "') is reserved for the combined estimate");
        }
        Args.notNull("tally of category '" + name + "'", tally);
        Args.notNull("population of category '" + name + "'", population);
        if (volume < 1) {
            throw new IllegalArgumentException("volume of category '" + name + "' (" + volume + ") must be at least 1");
        }
        if (population.isPresent() && population.getAsLong() < tally.audited()) {
            throw new IllegalArgumentException("population of category '" + name + "' (" + population.getAsLong()
                    + ") must not be below audited (" + tally.audited() + ")");
        }
    }

    /**
     * A category without a known population.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Category of(String name, long recorded, long audited, long volume) {
        return new Category(name, new Tally(recorded, audited), volume, OptionalLong.empty());
    }

    /**
     * A category whose sample was drawn from {@code population} records.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Category of(String name, long recorded, long audited, long volume, long population) {
        return new Category(name, new Tally(recorded, audited), volume, OptionalLong.of(population));
    }

    /**
     * The sampling fraction n/N, or 0 when the population is unknown (no correction).
     */
    public double samplingFraction() {
        return population.isPresent() ? (double) tally.audited() / population.getAsLong() : 0.0;
    }

    @Override
    public String toString() {
        return name + ": " + tally + ", volume " + volume
                + (population.isPresent() ? ", population " + population.getAsLong() : "");
    }
}
