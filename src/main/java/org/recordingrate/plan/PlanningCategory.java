package org.recordingrate.plan;

import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.Units;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Category;

/**
 * A category as allocation needs it: its design (name, volume as the weight, population as the
 * cap and for the finite population correction), the recording rate expected there, and
 * optionally its own minimum audited count.
 *
 * <p><b>Units.</b> The expected rate is held in percent as given ({@code 89.1}), as every planning
 * target; {@link #expected()} gives it as a fraction. {@link #of(Category, double)} refuses an
 * expected rate that looks like a fraction (0.891) with the library's one units hint;
 * {@link #ofFraction} takes a fraction (also the way to state a rate truly below 1 percent). The
 * canonical constructor takes percent whatever the number is.
 *
 * @param category        the category's design
 * @param expectedPercent the expected recording rate in percent, in [0, 100]
 * @param minimum         the fewest records to audit there, when it has its own (else the planner's)
 */
public record PlanningCategory(Category category, double expectedPercent, OptionalLong minimum) {

    /**
     * Validates the category. An expected rate of 0 or 100 percent is allowed: such a category has
     * no variance, so it gets only its minimum under {@link Allocation#NEYMAN} and
     * {@link Allocation#OPTIMAL}. Unlike {@link #of(Category, double)} it does not refuse rates that
     * look like fractions: the number is percent whatever it is.
     *
     * @param category        the category's design, not null
     * @param expectedPercent the expected recording rate in percent, in [0, 100]
     * @param minimum         the fewest records to audit there, 0 or more, when it has its own; empty
     *                        for the planner's; not null
     * @throws IllegalArgumentException for a null {@code category} or {@code minimum}, an expected
     *                                  rate outside [0, 100] or NaN, or a negative {@code minimum}
     */
    public PlanningCategory {
        Args.notNull("category", category);
        Args.inRange("expected rate of category '" + category.name() + "' (percent)", expectedPercent, 0, 100);
        Args.notNull("minimum", minimum);
        if (minimum.isPresent() && minimum.getAsLong() < 0) {
            throw new ArgumentException("minimum", "minimum of category '" + category.name() + "' ("
                    + minimum.getAsLong() + ") must not be negative");
        }
    }

    /**
     * A category with the planner's minimum, its expected rate in percent: {@code of(violence, 89.1)}.
     *
     * @param category        the category's design, not null
     * @param expectedPercent the expected recording rate in percent, in [0, 100]
     * @return the planning category, without a minimum of its own
     * @throws IllegalArgumentException for a null {@code category}, an expected rate outside [0, 100]
     *                                  or NaN, or one that looks like a fraction (at most 1, not 0)
     */
    public static PlanningCategory of(Category category, double expectedPercent) {
        return of(category, expectedPercent, OptionalLong.empty());
    }

    /**
     * A category with its own minimum (or the planner's, when empty), its expected rate in percent.
     *
     * @param category        the category's design, not null
     * @param expectedPercent the expected recording rate in percent, in [0, 100]
     * @param minimum         the fewest records to audit there, when it has its own; not null
     * @return the planning category
     * @throws IllegalArgumentException as {@link #of(Category, double)}, or a negative minimum
     */
    public static PlanningCategory of(Category category, double expectedPercent, OptionalLong minimum) {
        Args.notNull("category", category);
        Units.requirePercent("planning targets", "PlanningCategory.ofFraction, or --units fraction on the command line",
                Units.Figure.of("expected", expectedPercent, true));
        return new PlanningCategory(category, expectedPercent, minimum);
    }

    /**
     * A category whose expected rate is given as a fraction ({@code ofFraction(violence, 0.891, empty)}):
     * also the way to state a rate truly below 1 percent.
     *
     * @param category the category's design, not null
     * @param expected the expected recording rate as a fraction, in [0, 1]
     * @param minimum  the fewest records to audit there, when it has its own; not null
     * @return the planning category
     * @throws IllegalArgumentException for a null argument, a rate outside [0, 1] or NaN, or a negative minimum
     */
    public static PlanningCategory ofFraction(Category category, double expected, OptionalLong minimum) {
        Args.notNull("category", category);
        Args.inRange("expected rate of category '" + category.name() + "'", expected, 0, 1);
        return new PlanningCategory(category, java.math.BigDecimal.valueOf(expected).movePointRight(2).doubleValue(),
                minimum);
    }

    /**
     * The expected recording rate as a fraction.
     *
     * @return {@code expectedPercent / 100}, in [0, 1], computed in decimal (89.1 gives 0.891)
     */
    public double expected() {
        return Targets.fraction(expectedPercent);
    }

    /**
     * The category's name, which plans and selections key rows by.
     *
     * @return {@code category().name()}
     */
    public String name() {
        return category.name();
    }

    /**
     * The most records this category can be asked for: its population when known, else its volume
     * (the records it holds; a sample never asks for more records than a category has).
     *
     * @return the population, or the volume without one
     */
    public long capacity() {
        return category.population().orElse(category.volume());
    }
}
