package org.recordingrate.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * One audit of one force at one time: named categories, each with its design (volume,
 * population) and its tally.
 *
 * <pre>{@code
 * Inspection peel2022 = Inspection.builder("PEEL 2021/22")
 *         .category("violence", 180, 202, 25_000)
 *         .category("sexual offences", 131, 132, 2_500)
 *         .category("other crime", 211, 220, 35_000)
 *         .build();
 * }</pre>
 *
 * <p>Category names are unique under {@link Names} (case and surrounding space ignored). The
 * totals of volume, audited and recorded are checked once here to fit in a {@code long}, so no
 * estimate downstream can overflow them.
 *
 * @param name       what the inspection is called (force and date, say); not blank
 * @param categories the audited categories, at least one
 */
public record Inspection(String name, List<AuditedCategory> categories) {

    /**
     * Validates the inspection, strips its name and copies the list (the record is immutable).
     *
     * @param name       what the inspection is called (force and date, say); not blank
     * @param categories the audited categories, at least one, names unique under {@link Names}; kept in
     *                   this order
     * @throws IllegalArgumentException for a blank name, no categories, a null category, two
     *                                  categories with the same name (under {@link Names}), or
     *                                  totals of volume or audited beyond {@link Long#MAX_VALUE}
     */
    public Inspection {
        name = Args.notBlank("inspection name", name);
        Args.notNull("categories of inspection '" + name + "'", categories);
        if (categories.isEmpty()) {
            throw new ArgumentException("categories", "inspection '" + name + "' has no categories");
        }
        Map<String, String> seen = new HashMap<>();
        long volume = 0;
        long audited = 0;
        for (AuditedCategory category : categories) {
            Args.notNull("category of inspection '" + name + "'", category);
            String earlier = seen.putIfAbsent(Names.key(category.name()), category.name());
            if (earlier != null) {
                throw new ArgumentException("category name", "inspection '" + name + "' has category '"
                        + category.name() + "' twice" + (earlier.equals(category.name()) ? "" : " (also as '" + earlier + "')"));
            }
            volume = addExact(name, "volume", volume, category.volume(), category.name());
            audited = addExact(name, "audited", audited, category.tally().audited(), category.name());
        }
        categories = List.copyOf(categories);
    }

    private static long addExact(String inspection, String what, long total, long value, String category) {
        try {
            return Math.addExact(total, value);
        } catch (ArithmeticException e) {
            throw new ArgumentException(what, "inspection '" + inspection + "': the total " + what + " exceeds "
                    + Long.MAX_VALUE + " at category '" + category + "'");
        }
    }

    /**
     * A builder for an inspection called {@code name}. The name is checked by {@link Builder#build()}.
     *
     * @param name what the inspection is called; not blank
     * @return an empty builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The category called {@code name} under {@link Names} (case and spacing ignored).
     *
     * @param name a category name; null finds nothing
     * @return the category, or empty if the inspection has no category of that name
     */
    public Optional<AuditedCategory> category(String name) {
        String key = Names.key(name);
        return categories.stream().filter(c -> Names.key(c.name()).equals(key)).findFirst();
    }

    /**
     * The categories as designed (name, volume, population), without their tallies: the design to
     * read or plan the next audit with.
     *
     * @return the categories in the inspection's order; unmodifiable
     */
    public List<Category> design() {
        return categories.stream().map(AuditedCategory::category).toList();
    }

    /**
     * The total volume, the denominator of the weights W_h = volume_h / total.
     *
     * @return the sum of the categories' volumes (checked to fit when the inspection was made)
     */
    public long totalVolume() {
        long total = 0;
        for (AuditedCategory category : categories) {
            total += category.volume();
        }
        return total;
    }

    /**
     * The total audited over all categories.
     *
     * @return the sum of the categories' audited counts (checked to fit)
     */
    public long totalAudited() {
        long total = 0;
        for (AuditedCategory category : categories) {
            total += category.tally().audited();
        }
        return total;
    }

    /**
     * Whether the audited records of any category named their incidents (a record-level audit file
     * with an {@code incident_id} column): their crimes are then not independent draws.
     *
     * @return true if a category carries {@link Incidents}
     */
    public boolean hasIncidents() {
        return categories.stream().anyMatch(c -> c.incidents().isPresent());
    }

    /**
     * The total recorded over all categories. Its ratio to {@link #totalAudited()} is the unweighted
     * rate, not the all-crime estimate (which weights categories by volume).
     *
     * @return the sum of the categories' recorded counts (at most the audited total, so it fits)
     */
    public long totalRecorded() {
        long total = 0;
        for (AuditedCategory category : categories) {
            total += category.tally().recorded();
        }
        return total;
    }

    @Override
    public String toString() {
        return name + " " + categories;
    }

    /** Collects categories in order; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<AuditedCategory> categories = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a category without a known population.
         *
         * @param category the category's name
         * @param recorded audited reports that the force recorded, 0 to {@code audited}
         * @param audited  reports audited, at least 1
         * @param volume   recorded crimes in the year, at least 1
         * @return this builder
         * @throws IllegalArgumentException as {@link AuditedCategory#of(String, long, long, long)}
         */
        public Builder category(String category, long recorded, long audited, long volume) {
            categories.add(AuditedCategory.of(category, recorded, audited, volume));
            return this;
        }

        /**
         * Adds a category whose sample was drawn from {@code population} records.
         *
         * @param category   the category's name
         * @param recorded   audited reports that the force recorded, 0 to {@code audited}
         * @param audited    reports audited, at least 1
         * @param volume     recorded crimes in the year, at least 1
         * @param population records the sample was drawn from, at least {@code audited}
         * @return this builder
         * @throws IllegalArgumentException as {@link AuditedCategory#of(String, long, long, long, long)}
         */
        public Builder category(String category, long recorded, long audited, long volume, long population) {
            categories.add(AuditedCategory.of(category, recorded, audited, volume, population));
            return this;
        }

        /**
         * Adds a category. Duplicate names are refused by {@link #build()}, not here.
         *
         * @param category the audited category
         * @return this builder
         * @throws IllegalArgumentException if {@code category} is null
         */
        public Builder category(AuditedCategory category) {
            categories.add(Args.notNull("category", category));
            return this;
        }

        /**
         * The inspection of the categories added so far, in the order added. The builder can go on
         * being used; later additions do not change the inspection built.
         *
         * @return the inspection
         * @throws IllegalArgumentException as {@link Inspection#Inspection(String, List)}
         */
        public Inspection build() {
            return new Inspection(name, categories);
        }
    }
}
