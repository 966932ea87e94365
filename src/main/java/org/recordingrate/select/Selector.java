package org.recordingrate.select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.internal.Args;
import org.recordingrate.io.PopulationFile;

/**
 * Draws the planned records of each category from a population file, reproducibly: the seed,
 * the method and the file decide the sample, and the {@link Selection#manifest() manifest} says
 * all three so a reviewer can re-run it.
 *
 * <pre>{@code
 * Selection s = Selector.withSeed(2022).select(Path.of("population.csv"),
 *         List.of(new PlannedCategory("violence", 202), new PlannedCategory("other crime", 220)));
 * }</pre>
 *
 * <p>Immutable and thread-safe to share; each {@link #select} reads the file afresh.
 */
public final class Selector {

    private final long seed;
    private final SampleSelectionMethod method;
    private final Optional<String> other;

    private Selector(long seed, SampleSelectionMethod method, Optional<String> other) {
        this.seed = seed;
        this.method = method;
        this.other = other;
    }

    /**
     * A selector with {@link SelectionMethod#PRN permanent random numbers} and the given seed
     * (there is no default seed: it is part of the record of the audit).
     *
     * @param seed any long; write it down
     * @return the selector
     */
    public static Selector withSeed(long seed) {
        return new Selector(seed, SelectionMethod.PRN, Optional.empty());
    }

    /**
     * This selector with another method, e.g. {@link SelectionMethod#SRS} or
     * {@link SelectionMethod#SYSTEMATIC}.
     *
     * @param method how records are drawn
     * @return a new selector with this one's seed and other category
     * @throws IllegalArgumentException if {@code method} is null
     */
    public Selector with(SampleSelectionMethod method) {
        return new Selector(seed, Args.notNull("method", method), other);
    }

    /**
     * This selector with records whose category is not in the plan sent to the plan's category
     * {@code name} (instead of being an error). Whether {@code name} is in the plan is checked only
     * by {@link #select}.
     *
     * @param name the plan's category that takes the others; stripped
     * @return a new selector with this one's seed and method
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Selector withOther(String name) {
        return new Selector(seed, method, Optional.of(Args.notBlank("other category", name)));
    }

    /**
     * The seed, which with the method and the file decides the sample.
     *
     * @return the seed given to {@link #withSeed}
     */
    public long seed() {
        return seed;
    }

    /**
     * The method records are drawn by.
     *
     * @return the method, {@link SelectionMethod#PRN} unless set
     */
    public SampleSelectionMethod method() {
        return method;
    }

    /**
     * Draws {@code min(planned, population)} records of each planned category.
     *
     * @param population the population file ({@code record_id,category} and carried columns)
     * @param plan       the categories and counts, in the order the sample list should follow
     * @return the sample list, per-category counts and the manifest
     * @throws IllegalArgumentException for a null {@code population} or {@code plan}, an empty plan or
     *                                  one naming a category twice (under
     *                                  {@link org.recordingrate.model.Names}), an other category
     *                                  not in the plan
     * @throws org.recordingrate.io.DataFileException for a bad population file (see
     *                                  {@link PopulationFile})
     */
    public Selection select(Path population, List<PlannedCategory> plan) {
        Args.notNull("population file", population);
        Args.notNull("plan", plan);
        List<PlannedCategory> rows = List.copyOf(plan);
        PopulationFile file = PopulationFile.of(population)
                .withCategories(rows.stream().map(PlannedCategory::category).toList());
        if (other.isPresent()) {
            file = file.withOther(other.get());
        }
        SampleSelectionMethod.Draw draw = method.draw(file, rows, seed);
        List<CategoryDraw> categories = new ArrayList<>();
        List<SelectedRecord> records = new ArrayList<>();
        for (PlannedCategory category : rows) {
            List<SelectedRecord> drawn = draw.records().get(category.category());
            categories.add(new CategoryDraw(category.category(), category.audited(),
                    draw.population().count(category.category()), drawn.size()));
            records.addAll(drawn);
        }
        return new Selection(method, seed, other, draw.population(), categories, records);
    }

    /**
     * The plan as a list from a map of category to count, in the map's order (use a
     * {@link java.util.LinkedHashMap} to fix the order of the sample list).
     *
     * @param counts category name to records to draw
     * @return a mutable list of a {@link PlannedCategory} per entry; empty for an empty map
     * @throws IllegalArgumentException as {@link PlannedCategory}: for a blank or reserved category or a
     *                                  negative count
     * @throws NullPointerException     if {@code counts} is null or holds a null count
     */
    public static List<PlannedCategory> plan(Map<String, Long> counts) {
        List<PlannedCategory> rows = new ArrayList<>();
        counts.forEach((category, audited) -> rows.add(new PlannedCategory(category, audited)));
        return rows;
    }
}
