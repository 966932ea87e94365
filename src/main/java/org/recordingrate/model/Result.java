package org.recordingrate.model;

import java.util.List;

import org.recordingrate.format.ResultTable;

/**
 * What every result of the library is: an estimate, a change, a published figure, a plan, a
 * bootstrap or permutation result, a report. One type, so that the command line, JShell's
 * {@code save(..)} and {@code show(..)}, and the inspectors' report write every result the same way,
 * through {@link #table()}, without knowing its class.
 *
 * <ul>
 *   <li>{@link Object#toString()}: one readable line in percent ("93.1% (95% CI 88.7% to 95.8%,
 *       Wilson, 188 of 202)"), what JShell prints;</li>
 *   <li>{@link #summary()}: a few lines for a person, with the method and its reference;</li>
 *   <li>{@link #table()}: the rows and columns the command line writes as CSV, JSON or text
 *       (rates, bounds and margins as fractions at full precision), with {@link #notes()} carried in
 *       every format (a {@code notes} column in CSV, a {@code notes} field in JSON, footnotes in text).</li>
 * </ul>
 *
 * <p>Not sealed: a sealed interface may only be implemented across packages inside one named
 * module, and the library is used from the class path (JShell, the command line, most builds).
 * {@code ResultTypesTest} checks instead that every public result type implements it.
 *
 * <p>Implementations are immutable and thread-safe; {@link #table()} returns a new table each call.
 */
public interface Result {

    /**
     * A few lines for a person: the figures in percent, the method and its reference, and the notes.
     *
     * @return the summary, never null; lines separated by {@code \n}
     */
    String summary();

    /**
     * The result as the command line writes it: the columns of this result type, a row per figure
     * (per category and all crime for an inspection), and {@link #notes()}.
     *
     * @return a new table, never null
     */
    ResultTable table();

    /**
     * What a reader must be told beside the figures: categories audited in one inspection only, a
     * clustered file analysed with the binomial variance, a degenerate bootstrap distribution, ...
     * The same sentences the command line prints on standard error.
     *
     * @return the notes, in order; empty when there is nothing to say
     */
    default List<String> notes() {
        return List.of();
    }
}
