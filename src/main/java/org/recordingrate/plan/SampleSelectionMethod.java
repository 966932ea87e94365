package org.recordingrate.plan;

import java.util.List;
import java.util.Map;

import org.recordingrate.io.PopulationFile;

/**
 * A way of drawing each category's planned records, without replacement, from a population file.
 * {@link SelectionMethod} holds the published ones; implementations are immutable and seeded, so
 * the same seed and the same file give the same sample.
 */
public interface SampleSelectionMethod {

    /** The command-line token, e.g. {@code prn}. */
    String token();

    /** The name for people, e.g. {@code "permanent random numbers (sequential Poisson sampling)"}. */
    String displayName();

    /**
     * How to reproduce a draw by hand, for the manifest: the algorithm, its order and its random
     * numbers, precisely enough to re-implement.
     */
    String reproduction();

    /**
     * Draws the planned records of each category.
     *
     * @param population the file, its categories already set to the plan's
     * @param plan       the categories and their planned counts, in the plan's order
     * @param seed       the seed
     * @return the records drawn per category (in selection order) and what the file held
     */
    Draw draw(PopulationFile population, List<PlannedCategory> plan, long seed);

    /**
     * The outcome of {@link #draw}.
     *
     * @param population what was read
     * @param records    per category of the plan, in its order: the records drawn, in selection order
     */
    record Draw(PopulationFile.Summary population, Map<String, List<SelectedRecord>> records) {
    }
}
