package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recordingrate.internal.DecimalText;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.ToolColumns;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The option every command that reads CSV shares: {@code --columns tool=file,...}, which maps the
 * tool's column names to a file's own, so that a published file is read as it is
 * ({@code --columns rate=rate_pct,margin=ci_halfwidth_pct}). Input columns still come back
 * unchanged and in order.
 */
final class InputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    Map<String, String> columns = new LinkedHashMap<>();

    /**
     * Takes the mapping; a TOOL name no reader reads is a usage error naming it and the nearest names
     * ({@code --columns rte=rate_pct}), never a mapping silently ignored and a column left blank.
     */
    @Option(names = "--columns", paramLabel = "TOOL=FILE[,...]", split = ",",
            description = "Read the file's column FILE as the tool's column TOOL, e.g. rate=rate_pct,margin=ci_pct.")
    void columns(Map<String, String> given) {
        for (String tool : given.keySet()) {
            if (!ToolColumns.known(tool)) {
                List<String> near = ToolColumns.nearest(tool);
                throw Cli.usage(spec, "invalid value for --columns: '" + DecimalText.printable(tool) + "' is no column the"
                        + " tool reads" + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)")
                        + "; the tool's names: " + String.join(", ", ToolColumns.names()));
            }
        }
        columns = given;
    }

    /**
     * Reads a CSV file with the mapping applied.
     *
     * @throws org.recordingrate.io.DataFileException as {@link CsvInput#read(Path)}, or for a mapped column missing
     */
    CsvInput read(Path file) {
        CsvInput input = CsvInput.read(file);
        return columns.isEmpty() ? input : input.withColumns(columns);
    }
}
