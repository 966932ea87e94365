package org.recordingrate.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.internal.Args;

/**
 * One audit of one force at one time: named categories, each with its tally and volume.
 *
 * <pre>{@code
 * Inspection peel2022 = Inspection.builder("PEEL 2021/22")
 *         .category("violence", 180, 202, 25_000)
 *         .category("sexual offences", 131, 132, 2_500)
 *         .category("other crime", 211, 220, 35_000)
 *         .build();
 * }</pre>
 *
 * @param name       what the inspection is called (force and date, say); not blank
 * @param categories the audited categories, at least one, names unique ignoring case
 */
public record Inspection(String name, List<Category> categories) {

    /**
     * @throws IllegalArgumentException for a blank name, no categories, a null category or two
     *                                  categories with the same name (ignoring case)
     */
    public Inspection {
        name = Args.notBlank("inspection name", name);
        Args.notNull("categories of inspection '" + name + "'", categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("inspection '" + name + "' has no categories");
        }
        Map<String, String> seen = new HashMap<>();
        for (Category category : categories) {
            Args.notNull("category of inspection '" + name + "'", category);
            String key = category.name().toLowerCase(Locale.ROOT);
            String earlier = seen.putIfAbsent(key, category.name());
            if (earlier != null) {
                throw new IllegalArgumentException("inspection '" + name + "' has category '" + category.name()
                        + "' twice" + (earlier.equals(category.name()) ? "" : " (also as '" + earlier + "')"));
            }
        }
        categories = List.copyOf(categories);
    }

    /** A builder for an inspection called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The category called {@code name} (ignoring case), if any. */
    public Optional<Category> category(String name) {
        return categories.stream().filter(c -> c.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    /** The sum of the categories' volumes. */
    public long totalVolume() {
        long total = 0;
        for (Category category : categories) {
            total = Math.addExact(total, category.volume());
        }
        return total;
    }

    /** The sum of the categories' audited counts. */
    public long totalAudited() {
        long total = 0;
        for (Category category : categories) {
            total = Math.addExact(total, category.tally().audited());
        }
        return total;
    }

    /** The sum of the categories' recorded counts. */
    public long totalRecorded() {
        long total = 0;
        for (Category category : categories) {
            total = Math.addExact(total, category.tally().recorded());
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
        private final List<Category> categories = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a category without a known population. */
        public Builder category(String category, long recorded, long audited, long volume) {
            categories.add(Category.of(category, recorded, audited, volume));
            return this;
        }

        /** Adds a category whose sample was drawn from {@code population} records. */
        public Builder category(String category, long recorded, long audited, long volume, long population) {
            categories.add(Category.of(category, recorded, audited, volume, population));
            return this;
        }

        /** Adds a category. */
        public Builder category(Category category) {
            categories.add(Args.notNull("category", category));
            return this;
        }

        /**
         * The inspection.
         *
         * @throws IllegalArgumentException as {@link Inspection#Inspection(String, List)}
         */
        public Inspection build() {
            return new Inspection(name, categories);
        }
    }
}
