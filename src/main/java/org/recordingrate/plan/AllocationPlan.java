package org.recordingrate.plan;

import java.util.List;
import java.util.Locale;

import org.recordingrate.format.Percent;
import org.recordingrate.select.PlannedCategory;

/**
 * Audited counts per category for a target all-crime margin, with the margins they are expected
 * to give.
 *
 * @param allocation   how records were shared
 * @param confidence   the two-sided confidence level of the margins
 * @param targetMargin the all-crime margin wanted, a fraction
 * @param categories   a row per category, in the order given
 * @param allCrime     the all-crime row: total volume, sum W_h p_h, total audited, expected margin
 */
public record AllocationPlan(Allocation allocation, double confidence, double targetMargin,
                             List<CategoryAllocation> categories, CategoryAllocation allCrime) {

    /**
     * Copies the list, so the plan is immutable. No other check: the plan is built by
     * {@link AllocationPlanner#plan}, which has validated its inputs.
     *
     * @param allocation   how records were shared
     * @param confidence   the two-sided confidence level of the margins
     * @param targetMargin the all-crime margin wanted, a fraction
     * @param categories   a row per category, in the order given; copied, must not be null nor hold null
     * @param allCrime     the all-crime row: total volume, sum W_h p_h, total audited, expected margin
     * @throws NullPointerException if {@code categories} is null or holds null
     */
    public AllocationPlan {
        categories = List.copyOf(categories);
    }

    /**
     * The rows for selection: category and audited count, without the all-crime row, which is not
     * a stratum to draw from.
     *
     * @return a {@link PlannedCategory} per category, in the plan's order
     */
    public List<PlannedCategory> plannedCategories() {
        return categories.stream().map(c -> new PlannedCategory(c.category(), c.audited())).toList();
    }

    /**
     * The category rows, then the all-crime row, as a table prints them.
     *
     * @return an unmodifiable list of {@code categories().size() + 1} rows
     */
    public List<CategoryAllocation> rows() {
        List<CategoryAllocation> rows = new java.util.ArrayList<>(categories);
        rows.add(allCrime);
        return List.copyOf(rows);
    }

    /** {@code "Neyman: 1,112 audited for +/- 2.50% on all crime (+/- 2.49% expected, 95%)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d audited for +/- %s on all crime (+/- %s expected, %s)",
                allocation.displayName(), allCrime.audited(), Percent.format(targetMargin, 2),
                Percent.format(allCrime.margin(), 2), Percent.level(confidence));
    }

    /**
     * The one-line summary ({@link #toString()}), then a line per category, indented by two spaces.
     *
     * @return the summary, lines separated by {@code \n}
     */
    public String summary() {
        StringBuilder text = new StringBuilder(toString());
        categories.forEach(c -> text.append("\n  ").append(c));
        return text.toString();
    }
}
