package org.recordingrate.select;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of the selection results, defined once beside them: per category of a draw, the
 * sample list ({@link Selection#table()}) and the manifest as JSON.
 */
public final class SelectionColumns {

    private SelectionColumns() {
    }

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
        ResultTable table = new ResultTable(columns).notes(selection.notes());
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
