package org.recordingrate.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.io.PopulationFile;

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
                        PopulationFile.Summary population, List<CategoryDraw> categories,
                        List<SelectedRecord> records) {

    /** Copies the lists. */
    public Selection {
        categories = List.copyOf(categories);
        records = List.copyOf(records);
    }

    /** The categories that had fewer records than planned (each taken whole). */
    public List<CategoryDraw> shortfalls() {
        return categories.stream().filter(CategoryDraw::shortfall).toList();
    }

    /** Records drawn in all. */
    public long drawn() {
        return records.size();
    }

    /** What a reviewer needs to re-run this draw and check it. */
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

    /** The one-line description, then a line per category. */
    public String summary() {
        StringBuilder text = new StringBuilder(toString());
        categories.forEach(c -> text.append("\n  ").append(c));
        return text.toString();
    }
}
