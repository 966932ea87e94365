package org.recordingrate.plan;

import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Category;

/**
 * A category as allocation needs it: its design (name, volume as the weight, population as the
 * cap and for the finite population correction), the recording rate expected there, and
 * optionally its own minimum audited count.
 *
 * @param category the category's design
 * @param expected the expected recording rate, in [0, 1]
 * @param minimum  the fewest records to audit there, when it has its own (else the planner's)
 */
public record PlanningCategory(Category category, double expected, OptionalLong minimum) {

    /**
     * Validates the category. An expected rate of 0 or 1 is allowed: such a category has no variance,
     * so it gets only its minimum under {@link Allocation#NEYMAN} and {@link Allocation#OPTIMAL}.
     *
     * @param category the category's design, not null
     * @param expected the expected recording rate, in [0, 1]
     * @param minimum  the fewest records to audit there, 0 or more, when it has its own; empty for the
     *                 planner's; not null
     * @throws IllegalArgumentException for a null {@code category} or {@code minimum}, an
     *                                  {@code expected} rate outside [0, 1] or NaN, or a negative
     *                                  {@code minimum}
     */
    public PlanningCategory {
        Args.notNull("category", category);
        Args.inRange("expected rate of category '" + category.name() + "'", expected, 0, 1);
        Args.notNull("minimum", minimum);
        if (minimum.isPresent() && minimum.getAsLong() < 0) {
            throw new ArgumentException("minimum", "minimum of category '" + category.name() + "' ("
                    + minimum.getAsLong() + ") must not be negative");
        }
    }

    /**
     * A category with the planner's minimum.
     *
     * @param category the category's design, not null
     * @param expected the expected recording rate, in [0, 1]
     * @return the planning category, without a minimum of its own
     * @throws IllegalArgumentException for a null {@code category} or an {@code expected} rate outside
     *                                  [0, 1] or NaN
     */
    public static PlanningCategory of(Category category, double expected) {
        return new PlanningCategory(category, expected, OptionalLong.empty());
    }

    /**
     * The category's name, which plans and selections key rows by.
     *
     * @return {@code category().name()}
     */
    public String name() {
        return category.name();
    }
}
