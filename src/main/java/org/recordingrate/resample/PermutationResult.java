package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;

/**
 * The outcome of a permutation test of change (after - before).
 *
 * @param change      the observed change: one category's rate after minus before, or the
 *                    all-crime (volume-weighted) rate after minus before
 * @param alternative the alternative hypothesis
 * @param pValue      the p-value, in (0, 1]: never 0 (Phipson and Smyth 2010)
 * @param method      Monte Carlo or exact enumeration
 * @param monteCarlo  replicates, seed and the Monte Carlo standard error sqrt(p(1 - p)/B) when
 *                    drawn; empty when enumerated
 * @param notes       what a reader must be told beside the p-value (that whole incidents were
 *                    permuted, say); empty when there is nothing to say
 */
public record PermutationResult(double change, Alternative alternative, double pValue, PermutationMethod method,
                                Optional<MonteCarlo> monteCarlo, List<String> notes) implements Result {

    /**
     * Validates the components.
     *
     * @param change the observed change: one category's rate after minus before, or the
     *               all-crime (volume-weighted) rate after minus before
     * @param alternative the alternative hypothesis
     * @param pValue the p-value, in (0, 1]: never 0 (Phipson and Smyth 2010)
     * @param method Monte Carlo or exact enumeration
     * @param monteCarlo replicates, seed and the Monte Carlo standard error sqrt(p(1 - p)/B) when
     *                   drawn; empty when enumerated
     * @param notes the notes, in order (copied)
     * @throws IllegalArgumentException for a null reference, a null or blank note, a NaN change, a
     *                                  p-value outside [0, 1], or Monte Carlo details present exactly
     *                                  when enumerated
     */
    public PermutationResult {
        Args.notNull("notes", notes);
        for (String note : notes) {
            Args.notBlank("note", note);
        }
        notes = List.copyOf(notes);
        Args.notNull("alternative", alternative);
        Args.notNull("method", method);
        Args.notNull("monteCarlo", monteCarlo);
        Args.inRange("pValue", pValue, 0, 1);
        if (Double.isNaN(change)) {
            throw new IllegalArgumentException("change (NaN) must be a number");
        }
        if (monteCarlo.isPresent() != (method == PermutationMethod.MONTE_CARLO)) {
            throw new IllegalArgumentException("Monte Carlo details go with the Monte Carlo method only");
        }
    }

    /**
     * A result without notes.
     *
     * @param change the observed change
     * @param alternative the alternative hypothesis
     * @param pValue the p-value, in (0, 1]
     * @param method Monte Carlo or exact enumeration
     * @param monteCarlo replicates, seed and Monte Carlo error when drawn; empty when enumerated
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PermutationResult(double change, Alternative alternative, double pValue, PermutationMethod method,
                             Optional<MonteCarlo> monteCarlo) {
        this(change, alternative, pValue, method, monteCarlo, List.of());
    }

    /**
     * Replicates drawn, 0 when enumerated.
     *
     * @return B, or 0 when enumerated
     */
    public long replicates() {
        return monteCarlo.map(MonteCarlo::replicates).orElse(0L);
    }

    /** {@code "+9.1 points, improved: p = 0.00012 (monte carlo, 100,000 replicates, seed 42)"}. */
    @Override
    public String toString() {
        return Percent.points(change) + ", " + alternative.token().replace('_', '-') + ": p = " + Percent.pValue(pValue)
                + " (" + method.words() + monteCarlo.map(mc -> String.format(Locale.ROOT,
                ", %,d replicates, seed %d, MC error %.2g", mc.replicates(), mc.seed(), mc.standardError())).orElse("")
                + ")";
    }

    /**
     * The one line: it says all of it.
     *
     * @return the line, with a line end
     */
    @Override
    public String summary() {
        return this + "\n" + Resampled.noteLines(notes);
    }

    /**
     * The test alone as a table: {@code alternative} then {@link ResampleColumns#PERMUTATION}
     * ({@link TallyPermutation} adds the tallies).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return org.recordingrate.format.ResultColumns.<PermutationResult>of()
                .add("alternative", org.recordingrate.format.ResultTable.Kind.TEXT, r -> r.alternative().token())
                .then(ResampleColumns.PERMUTATION).table(this).notes(notes);
    }
}
