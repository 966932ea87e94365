package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.Json;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.model.RowKind;
import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The report's documents: text, markdown, JSON and HTML, all from the same paragraphs and tables
 * ({@link Report#paragraphs()}, {@link Report#shownTable()}, {@link Report#table()}).
 */
final class ReportDocument {

    /** Text output wraps paragraphs at this many characters. */
    static final int TEXT_WIDTH = 96;

    private ReportDocument() {
    }

    private static String heading(Paragraph paragraph) {
        return paragraph.kind() == RowKind.ALL_CRIME ? "All crime" : paragraph.category();
    }

    private static String subtitle(Report report) {
        return report.after().name() + " compared with " + report.before().name()
                + (report.previousLabel().equals(report.before().name()) ? "" : " (\"our previous "
                        + report.previousLabel() + " inspection\")");
    }

    static String text(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("Recording rates: ").append(report.force()).append('\n').append(subtitle(report)).append("\n\n");
        for (Paragraph paragraph : report.paragraphs()) {
            out.append(heading(paragraph)).append('\n').append(wrap(paragraph.text(), TEXT_WIDTH)).append("\n\n");
        }
        Optional<Paragraph> among = report.amongForces();
        if (among.isPresent()) {
            out.append(amongHeading(report)).append('\n').append(wrap(among.get().text(), TEXT_WIDTH)).append("\n\n");
        }
        out.append(report.shownTable().renderText()).append('\n');
        out.append(wrap(report.methods(), TEXT_WIDTH)).append('\n');
        for (String note : report.notes()) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    static String markdown(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("# Recording rates: ").append(markdownText(report.force())).append("\n\n")
                .append(markdownText(subtitle(report))).append(".\n\n");
        for (Paragraph paragraph : report.paragraphs()) {
            out.append("## ").append(markdownText(heading(paragraph))).append("\n\n")
                    .append(markdownText(paragraph.text())).append("\n\n");
        }
        Optional<Paragraph> among = report.amongForces();
        if (among.isPresent()) {
            out.append("## ").append(markdownText(amongHeading(report))).append("\n\n")
                    .append(markdownText(among.get().text())).append("\n\n");
        }
        out.append("## Table\n\n");
        ResultTable table = report.shownTable();
        List<Column> columns = table.columns();
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column column : columns) {
            header.append(' ').append(markdownCell(column.name())).append(" |");
            rule.append(column.kind() == Kind.TEXT ? " --- |" : " ---: |");
        }
        out.append(header).append('\n').append(rule).append('\n');
        for (List<String> row : table.textCells()) {
            out.append('|');
            for (String cell : row) {
                out.append(' ').append(markdownCell(cell)).append(" |");
            }
            out.append('\n');
        }
        out.append("\n## Methods\n\n").append(markdownText(report.methods())).append('\n');
        for (String note : report.notes()) {
            out.append('\n').append(markdownText(note)).append('\n');
        }
        return out.toString();
    }

    static String json(Report report) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"force\": ").append(Json.string(report.force())).append(",\n");
        out.append("  \"inspection\": ").append(Json.string(report.after().name())).append(",\n");
        out.append("  \"inspection_before\": ").append(Json.string(report.before().name())).append(",\n");
        out.append("  \"previous_label\": ").append(Json.string(report.previousLabel())).append(",\n");
        out.append("  \"methods\": ").append(Json.string(report.methods())).append(",\n");
        out.append("  \"paragraphs\": [");
        List<Paragraph> paragraphs = report.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"category\": ").append(Json.string(p.category()))
                    .append(", \"kind\": ").append(Json.string(p.kind().name().toLowerCase(Locale.ROOT)))
                    .append(", \"text\": ").append(Json.string(p.text())).append('}');
        }
        out.append("\n  ],\n  \"among_forces\": ").append(report.amongForces().map(p -> Json.string(p.text())).orElse("null"));
        out.append(",\n  \"notes\": [");
        List<String> notes = report.notes();
        for (int i = 0; i < notes.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(Json.string(notes.get(i)));
        }
        out.append("],\n  \"rows\": ");
        StringWriter rows = new StringWriter();
        report.table().writeJson(rows);
        out.append(rows.toString().strip().replace("\n", "\n  ")).append("\n}\n");
        return out.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: " + SvgCanvas.FONTS + "; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;",
            "       color: #000; line-height: 1.45; }",
            "h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.8rem; }",
            "p.meta, figcaption, p.methods { color: #555; }",
            "table { border-collapse: collapse; font-size: 0.9rem; }",
            "th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }",
            "th { text-align: left; background: #f4f4f4; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }",
            "tr.all td { font-weight: bold; }",
            "figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }");

    static String html(Report report) {
        StringBuilder out = new StringBuilder();
        String title = "Recording rates: " + report.force();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(SvgCanvas.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<h1>").append(SvgCanvas.escape(title)).append("</h1>\n")
                .append("<p class=\"meta\">").append(SvgCanvas.escape(subtitle(report))).append(".</p>\n");
        for (Paragraph paragraph : report.paragraphs()) {
            out.append("<h2>").append(SvgCanvas.escape(heading(paragraph))).append("</h2>\n<p>")
                    .append(SvgCanvas.escape(paragraph.text())).append("</p>\n");
        }
        out.append("<h2>Table</h2>\n<table>\n<thead><tr>");
        ResultTable table = report.shownTable();
        List<Column> columns = table.columns();
        for (Column column : columns) {
            out.append(column.kind() == Kind.TEXT ? "<th>" : "<th class=\"n\">").append(SvgCanvas.escape(column.name()))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        List<ReportRow> rows = report.rows();
        List<List<String>> cells = table.textCells();
        for (int r = 0; r < cells.size(); r++) {
            out.append(rows.get(r).kind() == RowKind.ALL_CRIME ? "<tr class=\"all\">" : "<tr>");
            for (int c = 0; c < columns.size(); c++) {
                out.append(columns.get(c).kind() == Kind.TEXT ? "<td>" : "<td class=\"n\">")
                        .append(SvgCanvas.escape(cells.get(r).get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<h2>Forest plot</h2>\n<figure>\n").append(report.forestPlot().svg())
                .append("<figcaption>Each category and all crime: the earlier rate (orange circle) and the later "
                        + "(blue square) with their intervals; on the right the change in points and the verdict."
                        + "</figcaption>\n</figure>\n");
        Optional<FunnelPlot> funnel = report.funnelPlot();
        if (funnel.isPresent()) {
            out.append("<h2>").append(SvgCanvas.escape(amongHeading(report))).append("</h2>\n<p>")
                    .append(SvgCanvas.escape(report.amongForces().orElseThrow().text())).append("</p>\n");
            out.append("<h2>Funnel plot</h2>\n<figure>\n").append(funnel.get().svg()).append("<figcaption>")
                    .append(SvgCanvas.escape(funnel.get().caption())).append("</figcaption>\n</figure>\n");
            RanksPlot ranks = report.ranksPlot().orElseThrow();
            out.append("<h2>Ranks</h2>\n<figure>\n").append(ranks.svg()).append("<figcaption>")
                    .append(SvgCanvas.escape(ranks.result().ranks().toString()))
                    .append(" (Mogstad, Romano, Shaikh and Wilhelm 2024).</figcaption>\n</figure>\n");
        }
        out.append("<h2>Methods</h2>\n<p class=\"methods\">").append(SvgCanvas.escape(report.methods())).append("</p>\n");
        for (String note : report.notes()) {
            out.append("<p class=\"methods\">").append(SvgCanvas.escape(note)).append("</p>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** "Among the 43 forces". */
    private static String amongHeading(Report report) {
        return "Among the " + report.forcesResult().orElseThrow().forces().size() + " forces";
    }

    /** Words wrapped at {@code width} characters (a longer word stands alone on its line). */
    static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }

    /** Markdown text with the characters that would start markup escaped. */
    static String markdownText(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    private static String markdownCell(String cell) {
        return markdownText(cell).replace("\n", " ");
    }
}
