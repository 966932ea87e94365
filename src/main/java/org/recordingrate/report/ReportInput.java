package org.recordingrate.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recordingrate.internal.Args;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;

/**
 * Where the report and the plots read their inspections in programs and JShell: either kind of
 * file, through the one entry point that reads both ({@link InspectionSource}): an aggregated
 * inspection file, or a record-level audit file with its volumes file.
 */
public final class ReportInput {

    private ReportInput() {
    }

    /**
     * The inspections in a file of either kind ({@link InspectionSource#read(Path, Optional)}).
     *
     * @param file    an aggregated inspection file ({@code category,recorded,audited,volume[,population][,inspection]})
     *                or a record-level audit file ({@code record_id,category,recorded[,should_record][,inspection][,incident_id]})
     * @param volumes the volumes file that goes with a record-level audit file; empty for an inspection file
     * @return the inspections, in the file's order
     * @throws IllegalArgumentException for bad data (naming file, line, column and value), a record-level
     *                                  file without volumes or an inspection file with them
     */
    public static List<Inspection> inspections(Path file, Optional<Path> volumes) {
        return InspectionSource.read(file, volumes).inspections();
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
