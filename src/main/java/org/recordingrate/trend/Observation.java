package org.recordingrate.trend;

import java.util.Optional;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * One inspection in a trend: when it was, and what it found, as a tally, a published figure or an
 * estimate with its standard error.
 *
 * @param time          when, on the trend's scale (a year such as 2017, or a decimal year)
 * @param label         the time as written, for sentences ("2017", "2021/22"); not blank
 * @param rate          the rate, a fraction (a published figure's decimal moved exactly: 89.1 gives 0.891)
 * @param standardError its standard error, a fraction (the binomial sqrt(p(1 - p)/n) for a tally,
 *                      margin / z for a published figure)
 * @param tally         the tally, when the inspection gives one
 * @param figure        the published figure, when the inspection gives one
 */
public record Observation(double time, String label, double rate, double standardError, Optional<Tally> tally,
                          Optional<PublishedFigure> figure) {

    /**
     * Validates the observation.
     *
     * @throws IllegalArgumentException for a time that is not finite, a blank label, a rate outside
     *                                  [0, 1], a negative or non-finite standard error, or null optionals
     */
    public Observation {
        if (!Double.isFinite(time)) {
            throw new ArgumentException("time", "time (" + time + ") must be a finite number");
        }
        label = Args.notBlank("time label", label);
        Args.inRange("rate", rate, 0, 1);
        if (!(standardError >= 0 && standardError < Double.POSITIVE_INFINITY)) {
            throw new ArgumentException("standard error", "standard error (" + standardError
                    + ") must be a finite number, 0 or more");
        }
        Args.notNull("tally", tally);
        Args.notNull("figure", figure);
    }

    /**
     * An inspection's tally at a time: {@code Observation.of(2017, Tally.of(512, 640))}.
     *
     * @param time  when
     * @param tally what it found
     * @return the observation, labelled with the time as a number
     * @throws IllegalArgumentException for a non-finite time or a null tally
     */
    public static Observation of(double time, Tally tally) {
        return of(time, Args.show(time), tally);
    }

    /**
     * An inspection's tally at a time, labelled.
     *
     * @param time  when
     * @param label the time as written
     * @param tally what it found
     * @return the observation
     * @throws IllegalArgumentException for a non-finite time, a blank label or a null tally
     */
    public static Observation of(double time, String label, Tally tally) {
        Args.notNull("tally", tally);
        double p = tally.rate();
        return new Observation(time, label, p, Math.sqrt(p * (1 - p) / tally.audited()), Optional.of(tally),
                Optional.empty());
    }

    /**
     * A published figure at a time: {@code Observation.of(2017, PublishedFigure.fromPercent(87.8, 1.7))}.
     *
     * @param time   when
     * @param figure what was published
     * @return the observation, its standard error margin / z
     * @throws IllegalArgumentException for a non-finite time or a null figure
     */
    public static Observation of(double time, PublishedFigure figure) {
        return of(time, Args.show(time), figure);
    }

    /**
     * A published figure at a time, labelled.
     *
     * @param time   when
     * @param label  the time as written
     * @param figure what was published
     * @return the observation
     * @throws IllegalArgumentException for a non-finite time, a blank label or a null figure
     */
    public static Observation of(double time, String label, PublishedFigure figure) {
        Args.notNull("figure", figure);
        // the published decimal moved to a fraction exactly, then rounded once (89.1 -> 0.891, not 0.8909999999999999)
        return new Observation(time, label, figure.ratePercent().movePointLeft(2).doubleValue(), figure.standardError(),
                Optional.empty(), Optional.of(figure));
    }

    /**
     * An estimate with its standard error at a time (an all-crime estimate, say).
     *
     * @param time          when
     * @param label         the time as written
     * @param rate          the estimate, in [0, 1]
     * @param standardError its standard error, 0 or more
     * @return the observation
     * @throws IllegalArgumentException as the constructor
     */
    public static Observation of(double time, String label, double rate, double standardError) {
        return new Observation(time, label, rate, standardError, Optional.empty(), Optional.empty());
    }

    /** {@code "2017: 512 of 640"}, {@code "2017: 87.8% (+/- 1.7%)"}. */
    @Override
    public String toString() {
        return label + ": " + tally.map(Tally::toString).orElseGet(() -> figure.map(PublishedFigure::toString)
                .orElseGet(() -> org.recordingrate.format.Percent.format(rate) + " (se "
                        + org.recordingrate.format.Percent.format(standardError, 2) + ")"));
    }
}
