package org.recordingrate.select;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Names;

/**
 * One row of a plan as selection needs it: a category and the number of its records to audit.
 *
 * @param category the category, not blank, not {@code "all crime"}
 * @param audited  records to draw, 0 or more
 */
public record PlannedCategory(String category, long audited) {

    /**
     * Validates the row and strips the category's name.
     *
     * @param category the category, not blank, not {@code "all crime"} (under {@link Names}); stripped
     * @param audited  records to draw, 0 or more
     * @throws IllegalArgumentException for a null, blank or reserved {@code category} or a negative
     *                                  {@code audited}
     */
    public PlannedCategory {
        category = Args.notBlank("category", category);
        if (Names.isAllCrime(category)) {
            throw new ArgumentException("category", "category ('" + category + "') is reserved for the combined row");
        }
        if (audited < 0) {
            throw new ArgumentException("audited", "audited of category '" + category + "' (" + audited
                    + ") must not be negative");
        }
    }

    /** {@code "violence: 202"}. */
    @Override
    public String toString() {
        return category + ": " + audited;
    }
}
