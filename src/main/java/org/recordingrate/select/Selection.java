package org.recordingrate.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.ResultTable;
import org.recordingrate.io.PopulationSummary;
import org.recordingrate.model.Result;

/**
 * A drawn sample: the records for the auditors and what a reviewer needs to re-run the draw.
 *
 * @param method     how the records were drawn
 * @param seed       the seed
 * @param other      the plan's category that took records of categories not in the plan, if any
 * @param population what the population file held: rows, SHA-256, carried columns, counts
 * @param categories per category of the plan: planned, population, drawn (shortfalls flagged)
 * @param records    the sample list: the plan's categories in order, each in selection order
 */
public record Selection(SampleSelectionMethod method, long seed, Optional<String> other,
                        PopulationSummary population, List<CategoryDraw> categories,
                        List<SelectedRecord> records) implements Result {

    /**
     * Copies the lists, so the selection is immutable; nothing else is checked.
     *
     * @param method     how the records were drawn
     * @param seed       the seed
     * @param other      the plan's category that took records of categories not in the plan, if any
     * @param population what the population file held: rows, SHA-256, carried columns, counts
     * @param categories per category of the plan: planned, population, drawn; copied, not null
     * @param records    the sample list, the plan's categories in order, each in selection order;
     *                   copied, not null
     * @throws NullPointerException if {@code categories} or {@code records} is null or holds null
     */
    public Selection {
        categories = List.copyOf(categories);
        records = List.copyOf(records);
    }

    /**
     * The categories that had fewer records than planned (each taken whole), which a report should
     * flag since their audit is smaller than the plan assumed.
     *
     * @return the rows with {@link CategoryDraw#shortfall()}, in the plan's order; empty when none
     */
    public List<CategoryDraw> shortfalls() {
        return categories.stream().filter(CategoryDraw::shortfall).toList();
    }

    /**
     * Records drawn in all, over every category.
     *
     * @return {@code records().size()}
     */
    public long drawn() {
        return records.size();
    }

    /**
     * What a reviewer needs to re-run this draw and check it: the method and its recipe, the seed,
     * the file's name, row count and SHA-256, and the per-category counts (not the records).
     *
     * @return a new manifest of this selection
     */
    public SelectionManifest manifest() {
        return new SelectionManifest(method.token(), method.displayName(), method.reproduction(), seed, other,
                population.file(), population.rows(), population.sha256(), categories);
    }

    /** {@code "1,200 records drawn by permanent random numbers (...), seed 2022, from population.csv (12,000 rows)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d records drawn by %s, seed %d, from %s (%,d rows)", drawn(),
                method.displayName(), seed, population.file(), population.rows());
    }

    /**
     * The sample list for the auditors ({@link SelectionColumns#sampleList}):
     * {@code record_id,category,selection_order}, then the population file's other columns exactly
     * as written, a row per record in the sample's order; the notes with it.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return SelectionColumns.sampleList(this);
    }

    /**
     * What a reader of the sample must know: each category with fewer records than planned (taken
     * whole), the records that went to the other category, and the blank rows of the population
     * file that were skipped.
     *
     * @return the notes, in that order; empty when there is nothing to say
     */
    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (CategoryDraw shortfall : shortfalls()) {
            notes.add("shortfall: " + shortfall);
        }
        if (population.toOther() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d records of categories not in the plan went to '%s'",
                    population.toOther(), other.orElse("")));
        }
        if (population.blankRows() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d blank row%s of %s skipped", population.blankRows(),
                    population.blankRows() == 1 ? "" : "s", population.file()));
        }
        return notes;
    }

    /**
     * The one-line description ({@link #toString()}), then a line per category, indented by two
     * spaces.
     *
     * @return the summary, lines separated by {@code \n}
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(toString());
        categories.forEach(c -> text.append("\n  ").append(c));
        return text.toString();
    }
}
