package org.recordingrate.reproduce;

import java.util.List;
import java.util.Optional;

import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;

/**
 * A published figure with what was asked of it: the comparison with a previous figure, the
 * unrecorded crimes for a volume, and the volumes consistent with a published "more than N", each
 * when given. What {@code reproduce} writes a row of.
 *
 * @param figure     the figure
 * @param comparison its comparison with the previous figure
 * @param unrecorded its unrecorded crimes for a volume
 * @param volumes    the volumes consistent with a published "more than N"
 */
public record FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison,
                           Optional<UnrecordedCrimes> unrecorded, Optional<VolumeRange> volumes) implements Result {

    /**
     * Checks for nulls.
     *
     * @param figure     the figure
     * @param comparison its comparison with the previous figure, or empty
     * @param unrecorded its unrecorded crimes for a volume, or empty
     * @param volumes    the volumes consistent with a published "more than N", or empty
     * @throws IllegalArgumentException if an argument is null
     */
    public FigureResult {
        Args.notNull("figure", figure);
        Args.notNull("comparison", comparison);
        Args.notNull("unrecorded", unrecorded);
        Args.notNull("volumes", volumes);
    }

    /**
     * A figure alone, or with its comparison, without unrecorded crimes or volumes.
     *
     * @param figure     the figure
     * @param comparison its comparison with the previous figure, or empty
     * @throws IllegalArgumentException if an argument is null
     */
    public FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison) {
        this(figure, comparison, Optional.empty(), Optional.empty());
    }

    /** The comparison's line when there is one, else the figure's; then the unrecorded crimes. */
    @Override
    public String toString() {
        String line = comparison.map(PublishedComparison::toString).orElseGet(figure::toString);
        return line + unrecorded.map(u -> "; " + u).orElse("") + volumes.map(v -> "; " + v).orElse("");
    }

    /**
     * The figure's summary (or its comparison's), then the unrecorded crimes and the volumes
     * consistent with "more than N", when asked.
     *
     * @return multi-line text
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(comparison.map(PublishedComparison::summary).orElseGet(figure::summary));
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        unrecorded.ifPresent(u -> text.append("unrecorded crimes: ").append(u).append('\n'));
        volumes.ifPresent(v -> text.append("volumes consistent with the published figure: ").append(v).append('\n'));
        return text.toString();
    }

    /**
     * The figure as the command line writes it: one row of {@link FigureColumns#FIGURE_INPUTS} and
     * {@link FigureColumns#figure(long)}, {@code more_than} at its default unit.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return FigureColumns.figures(List.of(this), 0);
    }
}
