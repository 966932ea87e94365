package org.recordingrate.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recordingrate.internal.Args;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;

/**
 * Where the report and the plots read their inspections: the one place to switch when record-level
 * audit files can be read. Today it reads aggregated inspection files ({@link InspectionFile}); the
 * entry point that reads either kind of file (an aggregated one, or a record-level audit file with
 * its volumes file) replaces the body of {@link #inspections(Path, Optional)}.
 */
public final class ReportInput {

    private ReportInput() {
    }

    /**
     * The inspections in a file.
     *
     * @param file    an aggregated inspection file ({@code category,recorded,audited,volume[,population][,inspection]})
     * @param volumes the volumes file that goes with a record-level audit file
     * @return the inspections, in the file's order
     * @throws IllegalArgumentException for bad data (naming file, line, column and value), or a volumes
     *                                  file given while record-level audit files cannot yet be read
     */
    public static List<Inspection> inspections(Path file, Optional<Path> volumes) {
        Args.notNull("file", file);
        Args.notNull("volumes", volumes);
        if (volumes.isPresent()) {
            throw new IllegalArgumentException("--volumes " + volumes.get() + ": a volumes file goes with a record-level "
                    + "audit file, which this build does not read yet; give an aggregated inspection file "
                    + "(category,recorded,audited,volume) instead of " + file);
        }
        return InspectionFile.read(file);
    }

    /**
     * The inspection of one force: the file's only inspection whatever its name, else the one named
     * {@code force} (matched as names are, ignoring case and spacing).
     *
     * @param inspections a file's inspections
     * @param force       the force's name
     * @param file        the file, for the message
     * @return the inspection
     * @throws IllegalArgumentException if the file holds several inspections and none has that name
     */
    public static Inspection of(List<Inspection> inspections, String force, String file) {
        Args.notNull("inspections", inspections);
        if (inspections.size() == 1) {
            return inspections.get(0);
        }
        return inspections.stream().filter(i -> Names.same(i.name(), force)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " holds " + inspections.size()
                        + " inspections and none is called '" + force + "': name one of "
                        + inspections.stream().limit(5).map(i -> "'" + i.name() + "'").collect(Collectors.joining(", "))
                        + (inspections.size() > 5 ? ", ..." : "")));
    }
}
