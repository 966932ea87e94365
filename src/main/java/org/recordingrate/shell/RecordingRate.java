package org.recordingrate.shell;

import java.nio.file.Path;
import java.util.List;

import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.model.Tally;

/**
 * Short static entry points for JShell and scripts ({@code import static
 * org.recordingrate.shell.RecordingRate.*}); each delegates to the configurable procedure named in its
 * Javadoc, which programs should prefer.
 */
public final class RecordingRate {

    private RecordingRate() {
    }

    /**
     * A tally: {@code tally(188, 202)}.
     *
     * @throws IllegalArgumentException as {@link Tally#Tally(long, long)}
     */
    public static Tally tally(long recorded, long audited) {
        return new Tally(recorded, audited);
    }

    /**
     * The recording rate with a 95% Wilson interval ({@link RateEstimator#withDefaults()}).
     *
     * @throws IllegalArgumentException for invalid counts
     */
    public static RateEstimate estimate(long recorded, long audited) {
        return RateEstimator.withDefaults().estimate(recorded, audited);
    }

    /**
     * The recording rate with a 95% interval by {@code method}.
     *
     * @throws IllegalArgumentException for invalid counts or a null method
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method) {
        return RateEstimator.withDefaults().with(method).estimate(recorded, audited);
    }

    /**
     * The recording rate with an interval by {@code method} at {@code confidence}.
     *
     * @throws IllegalArgumentException for invalid counts, a null method or a confidence outside (0, 1)
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method, double confidence) {
        return RateEstimator.withDefaults().with(method).withConfidence(confidence).estimate(recorded, audited);
    }

    /**
     * Every category and all crime of an inspection, with the default estimator (Wilson, binomial
     * variance, 95%; {@link InspectionEstimator#withDefaults()}).
     *
     * @throws IllegalArgumentException if {@code inspection} is null
     */
    public static InspectionEstimate estimate(Inspection inspection) {
        return InspectionEstimator.withDefaults().estimate(inspection);
    }

    /**
     * The inspections in an aggregated inspection file ({@link InspectionFile#read(Path)}).
     *
     * @throws IllegalArgumentException for bad data, naming file, line, column and value
     */
    public static List<Inspection> inspections(String file) {
        return InspectionFile.read(Path.of(file));
    }

    /**
     * A published "rate +/- margin" in percent at 95% ({@link PublishedFigure#fromPercent(double, double)}).
     *
     * @throws IllegalArgumentException for a rate outside [0, 100] or a margin not above 0
     */
    public static PublishedFigure published(double ratePercent, double marginPercent) {
        return PublishedFigure.fromPercent(ratePercent, marginPercent);
    }
}
