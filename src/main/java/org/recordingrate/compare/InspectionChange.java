package org.recordingrate.compare;

import java.util.List;

import org.recordingrate.format.Percent;
import org.recordingrate.format.TextTable;

/**
 * Two inspections compared: a change per category audited in both (with p-values adjusted for
 * the number of categories), the change in the volume-weighted all-crime rate, and the
 * Cochran-Mantel-Haenszel test across the categories.
 *
 * @param before        the earlier inspection's name
 * @param after         the later inspection's name
 * @param categories    the categories audited in both, in the later inspection's order
 * @param unmatched     categories audited in only one of the two (not compared one by one; each
 *                      still weighs in its own inspection's all-crime rate)
 * @param allCrime      the change in the all-crime rate
 * @param mantelHaenszel the test across categories, or null when no category is in both
 * @param adjustment    the p-value adjustment used for the category verdicts
 */
public record InspectionChange(String before, String after, List<CategoryChange> categories, List<String> unmatched,
                               AllCrimeChange allCrime, MantelHaenszel mantelHaenszel, PValueAdjustment adjustment) {

    /** Copies the lists. */
    public InspectionChange {
        categories = List.copyOf(categories);
        unmatched = List.copyOf(unmatched);
    }

    /** One line: the all-crime change and its verdict. */
    @Override
    public String toString() {
        return after + " vs " + before + ": " + allCrime;
    }

    /** A table: each category and all crime, rates before and after, change, interval, p-value, verdict. */
    public String summary() {
        TextTable table = new TextTable("category", "before", "after", "change", "CI", "p-value",
                adjustment == PValueAdjustment.NONE ? "verdict" : "verdict (" + adjustment.token() + ")");
        for (CategoryChange row : categories) {
            Change c = row.change();
            table.row(row.category(), Percent.format(c.before().rate()), Percent.format(c.after().rate()),
                    Percent.signed(c.change()), Percent.range(c.interval().lower(), c.interval().upper()),
                    Percent.pValue(c.test().pValue()), row.verdict().words());
        }
        table.row("all crime", Percent.format(allCrime.rateBefore()), Percent.format(allCrime.rateAfter()),
                Percent.signed(allCrime.change()),
                Percent.range(allCrime.interval().lower(), allCrime.interval().upper()),
                Percent.pValue(allCrime.pValue()), allCrime.verdict().words());
        StringBuilder out = new StringBuilder(after + " compared with " + before + "\n").append(table.render());
        if (mantelHaenszel != null) {
            out.append(String.format(java.util.Locale.ROOT, "Cochran-Mantel-Haenszel across %d categories: "
                    + "chi-square %.3f, p = %s%n", mantelHaenszel.categories(), mantelHaenszel.statistic(),
                    Percent.pValue(mantelHaenszel.pValue())));
        }
        if (!unmatched.isEmpty()) {
            out.append("audited in only one inspection: ").append(String.join(", ", unmatched)).append('\n');
        }
        return out.toString();
    }
}
