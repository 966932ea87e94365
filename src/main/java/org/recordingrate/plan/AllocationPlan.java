package org.recordingrate.plan;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

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
                             List<CategoryAllocation> categories, CategoryAllocation allCrime) implements Result {

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

    /**
     * One line with every category and the notes: {@code "Neyman: 1,112 audited for +/- 2.50 points on
     * all crime (+/- 2.49 points expected, 95%): violence 402 (+/- 3.05 points), ..."}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline()).append(':');
        for (CategoryAllocation c : categories) {
            text.append(String.format(Locale.ROOT, " %s %,d (%s),", c.category(), c.audited(),
                    Percent.plusMinus(c.margin(), 2)));
        }
        text.setLength(text.length() - 1);
        for (String note : notes()) {
            text.append("; ").append(note);
        }
        return text.toString();
    }

    private String headline() {
        return String.format(Locale.ROOT, "%s: %,d audited for %s on all crime (%s expected, %s)",
                allocation.displayName(), allCrime.audited(), Percent.plusMinus(targetMargin, 2),
                Percent.plusMinus(allCrime.margin(), 2), Percent.level(confidence));
    }

    /**
     * The headline (allocation, total, margins), then a line per category, indented by two spaces,
     * then the notes.
     *
     * @return the summary, lines separated by {@code \n}
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(headline());
        categories.forEach(c -> text.append("\n  ").append(c));
        for (String note : notes()) {
            text.append("\nNote: ").append(note);
        }
        return text.toString();
    }

    /**
     * A note for each category audited whole, to its capacity (its population, else its volume: a
     * category is never asked for more records than it has, whatever its minimum), and a warning for
     * each category whose margin would be more than twice the all-crime target: an optimal
     * allocation gives few records to a small or near-certain category, and its own figure is then
     * too loose to publish (a minimum per category, {@code withMinimum} or {@code --minimum}, fixes
     * that).
     *
     * @return the notes, categories audited whole first; empty when there is nothing to say
     */
    @Override
    public java.util.List<String> notes() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        for (CategoryAllocation c : categories) {
            notes.addAll(notes(c));
        }
        return notes;
    }

    /** The notes about one category: audited whole, or looser than twice the target. */
    private java.util.List<String> notes(CategoryAllocation c) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        long capacity = c.population().orElse(c.volume());
        if (c.audited() >= capacity) {
            notes.add(String.format(Locale.ROOT, "%s: all %,d records audited (its %s): a category is never asked "
                    + "for more records than it has", c.category(), capacity,
                    c.population().isPresent() ? "population" : "volume, no population given"));
        }
        if (c.margin() > 2 * targetMargin) {
            notes.add(String.format(Locale.ROOT, "%s: %,d audited gives %s, more than twice the target %s;"
                    + " set a minimum per category (--minimum N, or withMinimum(N); \"minimum=N\" in JShell)",
                    c.category(), c.audited(), Percent.plusMinus(c.margin(), 1), Percent.plusMinus(targetMargin, 1)));
        }
        return notes;
    }

    /**
     * The plan as the command line writes it (the PLAN file that {@code select} reads): a row per
     * category then all crime ({@link PlanningColumns#ALLOCATION}), each category's notes on its row.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        ResultTable table = new ResultTable(PlanningColumns.ALLOCATION.columns());
        for (CategoryAllocation row : rows()) {
            table.row(PlanningColumns.ALLOCATION.values(row).toArray());
            // each category's notes on its own row (all crime has none of its own)
            table.noteRowsFrom(table.size() - 1, row == allCrime ? java.util.List.of() : notes(row));
        }
        return table;
    }
}
