package org.recordingrate.select;

import java.util.List;
import java.util.Map;

import org.recordingrate.io.PopulationFile;
import org.recordingrate.io.PopulationSummary;
import org.recordingrate.model.Token;

/**
 * A way of drawing each category's planned records, without replacement, from a population file.
 * {@link SelectionMethod} holds the published ones; implementations are immutable and seeded, so
 * the same seed and the same file give the same sample.
 */
public interface SampleSelectionMethod extends Token {

    /**
     * The name for people, as selection summaries print it.
     *
     * @return the display name, e.g. {@code "permanent random numbers (sequential Poisson sampling)"}
     */
    @Override
    String displayName();

    /**
     * How to reproduce a draw by hand, for the manifest: the algorithm, its order and its random
     * numbers, precisely enough to re-implement.
     *
     * @return the recipe, one paragraph of plain text
     */
    String reproduction();

    /**
     * Draws the planned records of each category.
     *
     * @param population the file, its categories already set to the plan's
     * @param plan       the categories and their planned counts, in the plan's order
     * @param seed       the seed; the same seed and file give the same sample
     * @return the records drawn per category (in selection order), {@code min(planned, population)} of
     *         each, and what the file held
     * @throws IllegalArgumentException if the file holds a category that is not in the plan (read it
     *                                  with the plan's categories)
     */
    Draw draw(PopulationFile population, List<PlannedCategory> plan, long seed);

    /**
     * The outcome of {@link #draw}.
     *
     * @param population what was read
     * @param records    per category of the plan, in its order: the records drawn, in selection order
     */
    record Draw(PopulationSummary population, Map<String, List<SelectedRecord>> records) {
    }
}
