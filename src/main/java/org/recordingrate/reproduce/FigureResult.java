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
 * unrecorded crimes for a volume, the volumes consistent with a published "more than N", each
 * when given, and the check of what was published with it ({@link FigureCheck}: whether a whole
 * tally gives the figure, whether the published verdict and "more than N" agree with the numbers).
 * What {@code reproduce} writes a row of.
 *
 * @param figure     the figure
 * @param comparison its comparison with the previous figure
 * @param unrecorded its unrecorded crimes for a volume
 * @param volumes    the volumes consistent with a published "more than N"
 * @param check      the check of the figure and what was published with it
 */
public record FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison,
                           Optional<UnrecordedCrimes> unrecorded, Optional<VolumeRange> volumes, FigureCheck check)
        implements Result {

    /**
     * Checks for nulls.
     *
     * @param figure     the figure
     * @param comparison its comparison with the previous figure, or empty
     * @param unrecorded its unrecorded crimes for a volume, or empty
     * @param volumes    the volumes consistent with a published "more than N", or empty
     * @param check      the check
     * @throws IllegalArgumentException if an argument is null
     */
    public FigureResult {
        Args.notNull("figure", figure);
        Args.notNull("comparison", comparison);
        Args.notNull("unrecorded", unrecorded);
        Args.notNull("volumes", volumes);
        Args.notNull("check", check);
    }

    /**
     * A figure with its comparison, unrecorded crimes and volumes, checked for a tally behind it (a
     * category's figure) with nothing else published: {@link FigureCheck#of}.
     *
     * @param figure     the figure
     * @param comparison its comparison with the previous figure, or empty
     * @param unrecorded its unrecorded crimes for a volume, or empty
     * @param volumes    the volumes consistent with a published "more than N", or empty
     * @throws IllegalArgumentException if an argument is null
     */
    public FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison,
                        Optional<UnrecordedCrimes> unrecorded, Optional<VolumeRange> volumes) {
        this(figure, comparison, unrecorded, volumes, FigureCheck.of(figure,
                Args.notNull("comparison", comparison).map(PublishedComparison::previous), Optional.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), false, 0,
                comparison.map(PublishedComparison::significance).orElse(PublishedComparison.DEFAULT_SIGNIFICANCE),
                comparison.map(PublishedComparison::alternative).orElse(org.recordingrate.compare.Alternative.TWO_SIDED)));
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

    /**
     * The check's notes: why the figure is not consistent, and remarks.
     *
     * @return the notes, in order
     */
    @Override
    public List<String> notes() {
        return check.notes();
    }

    /**
     * The comparison's line when there is one, else the figure's; then the unrecorded crimes, the
     * volumes a published "more than N" allows, and why the figure is not consistent when it is not:
     * {@code "93.2% (+/- 2.3%); unrecorded crimes more than 4,500 (estimate 4,524; 2,921 to 6,207);
     * volumes consistent with 'more than 4,500': 61,194 to 63,548"}.
     */
    @Override
    public String toString() {
        String line = comparison.map(PublishedComparison::toString).orElseGet(figure::toString);
        return line + unrecorded.map(u -> "; unrecorded crimes " + u).orElse("")
                + volumes.map(v -> "; volumes consistent with the published 'more than N': " + v).orElse("")
                + (check.consistent().equals(Optional.of(false)) ? "; not consistent: " + check.notes().get(0) : "");
    }

    /**
     * The figure's summary (or its comparison's), then the unrecorded crimes and the volumes
     * consistent with "more than N", when asked, the audited counts the rounding allows, and the
     * check with its notes.
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
        check.tally().ifPresent(t -> text.append(String.format(java.util.Locale.ROOT,
                "audited           %,d to %,d allow for the rounding of rate and margin%n", t.auditedLower(),
                t.auditedUpper())));
        text.append("consistent        ").append(check.consistent().map(c -> c ? "yes" : "no").orElse("not checked"))
                .append('\n');
        for (String note : check.notes()) {
            text.append("note              ").append(note).append('\n');
        }
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
