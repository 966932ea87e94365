package org.recordingrate.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recordingrate.report.ResultTable;

import picocli.CommandLine.Option;

/** The options every command shares: the output format and where the output goes. */
final class OutputOptions {

    /** Output formats. */
    enum Format {
        TEXT, CSV, JSON
    }

    @Option(names = "--format", paramLabel = "text|csv|json",
            description = "Output format. Default: text for one case, csv for a file of cases or inspections.")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
    Path out;

    /** The chosen format, or {@code fallback} when none was given. */
    Format formatOr(Format fallback) {
        return format == null ? fallback : format;
    }

    /**
     * Writes a result in the chosen format; text output uses {@code text} instead of the table
     * when it is not null.
     */
    void write(ResultTable table, Format fallback, boolean singleObject, String text, PrintWriter stdout) {
        Format chosen = formatOr(fallback);
        try (Writer writer = open(stdout)) {
            switch (chosen) {
                case CSV:
                    table.writeCsv(writer);
                    break;
                case JSON:
                    if (singleObject) {
                        table.writeJsonObject(writer);
                    } else {
                        table.writeJson(writer);
                    }
                    break;
                default:
                    writer.write(text != null ? text : table.renderText());
                    break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException((out == null ? "standard output" : out.toString()) + ": " + e.getMessage(), e);
        }
    }

    private Writer open(PrintWriter stdout) throws IOException {
        if (out == null) {
            // Do not close standard output: wrap it so that close() only flushes.
            return new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) {
                    stdout.write(buffer, offset, length);
                }

                @Override
                public void flush() {
                    stdout.flush();
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        return new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8);
    }
}
