package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recordingrate.plan.CategoryAllocation;
import org.recordingrate.select.CategoryDraw;
import org.recordingrate.plan.PowerPoint;
import org.recordingrate.plan.PowerSize;
import org.recordingrate.plan.SampleSize;
import org.recordingrate.select.SelectedRecord;
import org.recordingrate.select.Selection;
import org.recordingrate.select.SelectionManifest;
import org.recordingrate.plan.UpperBoundSize;
import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of the planning and selection results, defined once: sample sizes, allocations
 * (whose CSV is the PLAN file that {@code select} reads), attribute sample sizes, power, the
 * sample list and the manifest. Rates, margins and powers are fractions at full precision in CSV
 * and JSON.
 */
public final class PlanColumns {

    private PlanColumns() {
    }

    /**
     * One category's sample size:
     * {@code method,confidence,expected,target_margin,population,audited,expected_recorded,margin,margin_one_fewer}.
     */
    public static final ResultColumns<SampleSize> SAMPLE_SIZE = ResultColumns.<SampleSize>of()
            .add("method", Kind.TEXT, s -> s.method().token())
            .add("confidence", Kind.NUMBER, SampleSize::confidence)
            .add("expected", Kind.FRACTION, SampleSize::expected)
            .add("target_margin", Kind.FRACTION, SampleSize::targetMargin)
            .add("population", Kind.COUNT, SampleSize::population)
            .add("audited", Kind.COUNT, SampleSize::audited)
            .add("expected_recorded", Kind.COUNT, SampleSize::expectedRecorded)
            .add("margin", Kind.FRACTION, SampleSize::margin)
            .add("margin_one_fewer", Kind.FRACTION, SampleSize::marginOneFewer);

    /**
     * A row of an allocation, the PLAN file: {@code category,volume,expected,audited,margin}, a row
     * per category then {@code all crime}.
     */
    public static final ResultColumns<CategoryAllocation> ALLOCATION = ResultColumns.<CategoryAllocation>of()
            .add("category", Kind.TEXT, CategoryAllocation::category)
            .add("volume", Kind.COUNT, CategoryAllocation::volume)
            .add("expected", Kind.FRACTION, CategoryAllocation::expected)
            .add("audited", Kind.COUNT, CategoryAllocation::audited)
            .add("margin", Kind.FRACTION, CategoryAllocation::margin);

    /**
     * An attribute sample size:
     * {@code confidence,tolerable,expected_errors,population,tolerable_count,audited,risk,risk_one_fewer,upper_bound}.
     */
    public static final ResultColumns<UpperBoundSize> UPPER_BOUND = ResultColumns.<UpperBoundSize>of()
            .add("confidence", Kind.NUMBER, UpperBoundSize::confidence)
            .add("tolerable", Kind.FRACTION, UpperBoundSize::tolerable)
            .add("expected_errors", Kind.COUNT, UpperBoundSize::expectedErrors)
            .add("population", Kind.COUNT, UpperBoundSize::population)
            .add("tolerable_count", Kind.COUNT, UpperBoundSize::tolerableCount)
            .add("audited", Kind.COUNT, UpperBoundSize::audited)
            .add("risk", Kind.PVALUE, UpperBoundSize::risk)
            .add("risk_one_fewer", Kind.PVALUE, UpperBoundSize::riskOneFewer)
            .add("upper_bound", Kind.FRACTION, UpperBoundSize::upperBound);

    /**
     * A point of a power curve:
     * {@code previous_recorded,previous_audited,previous_rate,change,rate,test,power_method,alternative,
     * significance,audited,power,mc_error}.
     */
    public static final ResultColumns<PowerPoint> POWER = ResultColumns.<PowerPoint>of()
            .add("previous_recorded", Kind.COUNT, p -> p.previous().recorded())
            .add("previous_audited", Kind.COUNT, p -> p.previous().audited())
            .add("previous_rate", Kind.FRACTION, p -> p.previous().rate())
            .add("change", Kind.CHANGE, PowerPoint::change)
            .add("rate", Kind.FRACTION, PowerPoint::rate)
            .add("test", Kind.TEXT, p -> p.test().token())
            .add("power_method", Kind.TEXT, p -> p.method().token())
            .add("alternative", Kind.TEXT, p -> p.alternative().token())
            .add("significance", Kind.NUMBER, PowerPoint::significance)
            .add("audited", Kind.COUNT, PowerPoint::audited)
            .add("power", Kind.NUMBER, PowerPoint::power)
            .add("mc_error", Kind.NUMBER, p -> p.monteCarlo().map(mc -> mc.standardError()));

    /** The audited count for a power: {@code target_power}, the {@link #POWER} columns at it, {@code power_one_fewer}. */
    public static final ResultColumns<PowerSize> POWER_SIZE = ResultColumns.<PowerSize>of()
            .add("target_power", Kind.NUMBER, PowerSize::targetPower)
            .then(POWER.from(PowerSize::achieved))
            .add("power_one_fewer", Kind.NUMBER, s -> s.oneFewer().map(PowerPoint::power));

    /** Per category of a draw: {@code category,planned,population,drawn,shortfall}. */
    public static final ResultColumns<CategoryDraw> DRAW = ResultColumns.<CategoryDraw>of()
            .add("category", Kind.TEXT, CategoryDraw::category)
            .add("planned", Kind.COUNT, CategoryDraw::planned)
            .add("population", Kind.COUNT, CategoryDraw::population)
            .add("drawn", Kind.COUNT, CategoryDraw::drawn)
            .add("shortfall", Kind.TEXT, d -> d.shortfall() ? "yes" : "no");

    /**
     * The sample list for the auditors: {@code record_id,category,selection_order}, then the
     * population file's other columns exactly as written (the three keep their names; a carried
     * column with one of them, say {@code selection_order}, is written as {@code selection_order_population}).
     *
     * @param selection the drawn sample
     * @return the table, a row per record in the sample's order
     */
    public static ResultTable sampleList(Selection selection) {
        List<Column> columns = new ArrayList<>(List.of(new Column("record_id", Kind.TEXT),
                new Column("category", Kind.TEXT), new Column("selection_order", Kind.COUNT)));
        List<String> taken = new ArrayList<>(List.of("record_id", "category", "selection_order"));
        for (String name : selection.population().carriedHeader()) {
            String unique = name;
            while (taken.contains(unique.strip().toLowerCase(java.util.Locale.ROOT))) {
                unique = unique + "_population";
            }
            taken.add(unique.strip().toLowerCase(java.util.Locale.ROOT));
            columns.add(new Column(unique, Kind.TEXT));
        }
        ResultTable table = new ResultTable(columns);
        for (SelectedRecord record : selection.records()) {
            List<Object> values = new ArrayList<>(List.of(record.recordId(), record.category(), record.selectionOrder()));
            values.addAll(record.carried());
            table.row(values.toArray());
        }
        return table;
    }

    /**
     * The manifest as a JSON object: tool, seed, method, how to reproduce it, the population file
     * (name, rows, SHA-256), any {@code extra} entries (the plan file, say), and the plan with what
     * each category gave.
     *
     * @param manifest the manifest
     * @param extra    more text entries, in order, written after the population's
     * @return the JSON text, ending with a line break
     */
    public static String manifestJson(SelectionManifest manifest, Map<String, String> extra) {
        StringBuilder json = new StringBuilder("{\n");
        entry(json, "method", Json.string(manifest.method()));
        entry(json, "method_name", Json.string(manifest.methodName()));
        entry(json, "seed", Long.toString(manifest.seed()));
        entry(json, "reproduction", Json.string(manifest.reproduction()));
        entry(json, "other_category", manifest.other().map(Json::string).orElse("null"));
        entry(json, "population_file", Json.string(manifest.populationFile()));
        entry(json, "population_rows", Long.toString(manifest.populationRows()));
        entry(json, "population_sha256", Json.string(manifest.sha256()));
        extra.forEach((key, value) -> entry(json, key, Json.string(value)));
        json.append("  \"plan\": [");
        List<CategoryDraw> categories = manifest.categories();
        for (int i = 0; i < categories.size(); i++) {
            CategoryDraw c = categories.get(i);
            json.append(i == 0 ? "\n    " : ",\n    ").append("{\"category\": ").append(Json.string(c.category()))
                    .append(", \"planned\": ").append(c.planned()).append(", \"population\": ").append(c.population())
                    .append(", \"drawn\": ").append(c.drawn()).append(", \"shortfall\": ").append(c.shortfall()).append('}');
        }
        json.append(categories.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return json.toString();
    }

    private static void entry(StringBuilder json, String key, String value) {
        json.append("  ").append(Json.string(key)).append(": ").append(value).append(",\n");
    }
}
