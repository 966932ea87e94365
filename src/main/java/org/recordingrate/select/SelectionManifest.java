package org.recordingrate.select;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything needed to re-run a draw and check it: the method and how to reproduce it by hand,
 * the seed, the population file by its row count and SHA-256 (so a reviewer knows it is the same
 * export), and the plan with what each category gave.
 *
 * @param method         the method's token, e.g. {@code prn}
 * @param methodName     the method's name for people
 * @param reproduction   the algorithm precisely enough to re-implement
 * @param seed           the seed
 * @param other          the category that took records of categories not in the plan, if any
 * @param populationFile the population file as named
 * @param populationRows its data rows
 * @param sha256         its SHA-256, lower-case hex
 * @param categories     the plan: per category planned, population and drawn
 */
public record SelectionManifest(String method, String methodName, String reproduction, long seed, Optional<String> other,
                                String populationFile, long populationRows, String sha256,
                                List<CategoryDraw> categories) {

    /**
     * Copies the list, so the manifest is immutable; nothing else is checked.
     *
     * @param method         the method's token, e.g. {@code prn}
     * @param methodName     the method's name for people
     * @param reproduction   the algorithm precisely enough to re-implement
     * @param seed           the seed
     * @param other          the category that took records of categories not in the plan, if any
     * @param populationFile the population file as named
     * @param populationRows its data rows
     * @param sha256         its SHA-256, lower-case hex
     * @param categories     the plan: per category planned, population and drawn; copied, not null
     * @throws NullPointerException if {@code categories} is null or holds null
     */
    public SelectionManifest {
        categories = List.copyOf(categories);
    }

    /** {@code "prn, seed 2022, population.csv: 12,000 rows, SHA-256 ab12..."}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, seed %d, %s: %,d rows, SHA-256 %s", method, seed, populationFile,
                populationRows, sha256);
    }
}
