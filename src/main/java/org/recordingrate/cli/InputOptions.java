package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.recordingrate.io.CsvInput;

import picocli.CommandLine.Option;

/**
 * The option every command that reads CSV shares: {@code --columns tool=file,...}, which maps the
 * tool's column names to a file's own, so that a published file is read as it is
 * ({@code --columns rate=rate_pct,margin=ci_halfwidth_pct}). Input columns still come back
 * unchanged and in order.
 */
final class InputOptions {

    @Option(names = "--columns", paramLabel = "TOOL=FILE[,...]", split = ",",
            description = "Read the file's column FILE as the tool's column TOOL, e.g. rate=rate_pct,margin=ci_pct.")
    Map<String, String> columns = new LinkedHashMap<>();

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
