package org.recordingrate.compare;

import java.util.ArrayList;

import org.recordingrate.format.ResultTable;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.model.Result;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.format.TextTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;

/**
 * Two inspections compared: a change per category audited in both (with p-values adjusted for
 * the number of categories), the change in the volume-weighted all-crime rate, and the
 * Cochran-Mantel-Haenszel test across the categories.
 *
 * @param before         the earlier inspection
 * @param after          the later inspection
 * @param categories     the categories audited in both, in the later inspection's order
 * @param onlyBefore     categories audited only in the earlier inspection (not compared one by one;
 *                       each still weighs in its own inspection's all-crime rate)
 * @param onlyAfter      categories audited only in the later inspection
 * @param allCrime       the change in the all-crime rate
 * @param mantelHaenszel the test across categories; empty when no category is in both
 * @param adjustment     the p-value adjustment used for the category verdicts
 * @param variance       the variance convention of the all-crime change
 */
public record InspectionChange(Inspection before, Inspection after, List<CategoryChange> categories, List<String> onlyBefore,
                               List<String> onlyAfter, AllCrimeChange allCrime, Optional<MantelHaenszel> mantelHaenszel,
                               PValueAdjustment adjustment, VarianceConvention variance) implements Result {

    /**
     * Checks for nulls and copies the lists (the record is immutable).
     *
     * @param before         the earlier inspection
     * @param after          the later inspection
     * @param categories     the categories audited in both, in the later inspection's order
     * @param onlyBefore     names of categories audited only in the earlier inspection
     * @param onlyAfter      names of categories audited only in the later inspection
     * @param allCrime       the change in the all-crime rate
     * @param mantelHaenszel the test across categories, or empty when no category is in both (never null)
     * @param adjustment     the p-value adjustment used for the category verdicts
     * @param variance       the variance convention of the all-crime change
     * @throws IllegalArgumentException if an argument is null
     * @throws NullPointerException     if a list holds null
     */
    public InspectionChange {
        Args.notNull("before", before);
        Args.notNull("after", after);
        categories = List.copyOf(Args.notNull("categories", categories));
        onlyBefore = List.copyOf(Args.notNull("onlyBefore", onlyBefore));
        onlyAfter = List.copyOf(Args.notNull("onlyAfter", onlyAfter));
        Args.notNull("allCrime", allCrime);
        Args.notNull("mantelHaenszel", mantelHaenszel);
        Args.notNull("adjustment", adjustment);
        Args.notNull("variance", variance);
    }

    /**
     * Whether every category was audited in both inspections.
     *
     * @return true if {@link #onlyBefore()} and {@link #onlyAfter()} are both empty
     */
    public boolean allCategoriesMatched() {
        return onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }

    /**
     * One line with every row: each category's change with its interval, its p-value (adjusted, when
     * an adjustment is chosen) and its verdict, then the all-crime change and its verdict, then the
     * notes (categories audited in one inspection only, ...), so that a one-line view hides nothing:
     * {@code "PEEL 2022 vs CDI 2017: violence +9.1 points (+3.3 to +14.1, holm p = 0.0064: improvement),
     * ...; all crime 86.9% -> 93.3%: +6.4 points (...), z = 4.41, p = 1.01e-05: statistically significant
     * improvement"}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(after.name() + " vs " + before.name() + ": ");
        for (CategoryChange row : categories) {
            Change c = row.change();
            text.append(row.category()).append(' ').append(Percent.points(c.change())).append(" (")
                    .append(Percent.range(c.interval().lower(), c.interval().upper())).append(", ")
                    .append(adjustment == PValueAdjustment.NONE ? "" : adjustment.token() + " ").append("p = ")
                    .append(Percent.pValue(row.adjustedPValue())).append(": ").append(shortVerdict(row.verdict()))
                    .append("), ");
        }
        if (!categories.isEmpty()) {
            text.setLength(text.length() - 2);
            text.append("; ");
        }
        text.append(allCrime);
        for (String note : notes()) {
            text.append("; ").append(note);
        }
        return text.toString();
    }

    /**
     * The categories audited in one inspection only, which are not compared one by one (each still
     * weighs in its own inspection's all-crime rate); and, when the records named their incidents,
     * which rows treat crimes as independent and which use the incidents.
     *
     * @return the note on incidents, "audited only in NAME: a, b (not compared)" for each side that has
     *         some, then the note on an order the names contradict ({@link Names#laterFirst}: the earlier
     *         inspection named with a later year); empty when there is nothing to say
     */
    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        boolean byIncident = categories.stream().anyMatch(c -> c.change().test().test().usesIncidents());
        if ((before.hasIncidents() || after.hasIncidents()) && variance == VarianceConvention.SURVEY) {
            notes.add("incidents: every row uses the survey variance over incidents (the category rows by the z-test"
                    + " on their survey standard errors, in place of the chosen test); the Cochran-Mantel-Haenszel test"
                    + " counts crimes as independent, so its p-value is too small where an incident's crimes are"
                    + " recorded together");
        } else if ((before.hasIncidents() || after.hasIncidents()) && byIncident) {
            notes.add("incidents: the category tests permute whole incidents, but the category intervals and the"
                    + " Cochran-Mantel-Haenszel test count crimes as independent, so those are too narrow or too small"
                    + " where an incident's crimes are recorded together; the all-crime row uses them only under the"
                    + " survey variance (--variance survey); the bootstrap of both inspections resamples incidents in"
                    + " every row");
        } else if (before.hasIncidents() || after.hasIncidents()) {
            notes.add("incidents: the category rows and the Cochran-Mantel-Haenszel test count crimes as"
                    + " independent, so their p-values are too small where an incident's crimes are recorded together;"
                    + " the all-crime row uses them only under the survey variance (--variance survey);"
                    + " the bootstrap of both inspections resamples incidents in every row");
        }
        if (!onlyBefore.isEmpty()) {
            notes.add("audited only in " + before.name() + ": " + String.join(", ", onlyBefore) + " (not compared)");
        }
        if (!onlyAfter.isEmpty()) {
            notes.add("audited only in " + after.name() + ": " + String.join(", ", onlyAfter) + " (not compared)");
        }
        Names.laterFirst(before.name(), after.name()).ifPresent(notes::add);
        return notes;
    }

    /**
     * The comparison as the command line writes it ({@link ChangeColumns#INSPECTION_CHANGE}): a row
     * per category compared and one for all crime, with {@link #notes()}.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return ChangeColumns.inspectionChanges(List.of(this));
    }

    /**
     * A table: each category and all crime, rates before and after, change, interval, the raw
     * p-value, the adjusted one, and the verdict on the adjusted one (all crime is a single test:
     * its verdict rests on its own p-value). The adjusted column is left out under
     * {@link PValueAdjustment#NONE}. Below the table: the Cochran-Mantel-Haenszel test, if any, and
     * the categories audited in one inspection only.
     *
     * @return a title line, the table and the notes; rates in percent, changes in points
     */
    @Override
    public String summary() {
        boolean adjusted = adjustment != PValueAdjustment.NONE;
        TextTable table = adjusted
                ? new TextTable("category", "before", "after", "change", "CI", "p-value", "p (" + adjustment.token() + ")",
                        "verdict")
                : new TextTable("category", "before", "after", "change", "CI", "p-value", "verdict");
        for (CategoryChange row : categories) {
            Change c = row.change();
            String[] cells = {row.category(), Percent.format(c.before().rate()), Percent.format(c.after().rate()),
                Percent.signed(c.change()), Percent.range(c.interval().lower(), c.interval().upper()),
                Percent.pValue(c.test().pValue()), Percent.pValue(row.adjustedPValue()), row.verdict().words()};
            table.row(adjusted ? cells : drop(cells, 6));
        }
        String[] all = {"all crime", Percent.format(allCrime.rateBefore()), Percent.format(allCrime.rateAfter()),
            Percent.signed(allCrime.change()), Percent.range(allCrime.interval().lower(), allCrime.interval().upper()),
            Percent.pValue(allCrime.pValue()), "", allCrime.verdict().words()};
        table.row(adjusted ? all : drop(all, 6));
        StringBuilder out = new StringBuilder(after.name() + " compared with " + before.name() + "\n").append(table.render());
        mantelHaenszel.ifPresent(cmh -> out.append(String.format(Locale.ROOT, "Cochran-Mantel-Haenszel across %d "
                + "categories: chi-square %.3f, p = %s%n", cmh.categories(), cmh.statistic(), Percent.pValue(cmh.pValue()))));
        for (String note : notes()) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    /** "improvement", "deterioration" or "no change": the verdict of a category in a line of many. */
    private static String shortVerdict(Verdict verdict) {
        return switch (verdict) {
            case IMPROVEMENT -> "improvement";
            case DETERIORATION -> "deterioration";
            case NO_CHANGE -> "no change";
        };
    }

    private static String[] drop(String[] cells, int index) {
        String[] fewer = new String[cells.length - 1];
        System.arraycopy(cells, 0, fewer, 0, index);
        System.arraycopy(cells, index + 1, fewer, index, cells.length - index - 1);
        return fewer;
    }
}
