package org.recordingrate.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;

/**
 * Several results of one kind as one result: the rate of a tally by every interval method
 * ({@code estimate(188, 202, "all")} in JShell, {@code --method all} on the command line), the
 * estimates of every inspection of a file. It is a list (an element by {@link #get(int)}, a loop
 * over it) and a {@link Result}: its table is the elements' tables one after another
 * ({@link ResultTable#concat}, unless made with a table of its own), its notes theirs, so that
 * {@code save} and {@code show} take it like any other result.
 *
 * <p>Immutable and thread-safe when its elements are.
 *
 * @param <R> the kind of result
 */
public final class Results<R extends Result> extends AbstractList<R> implements Result {

    private final String title;
    private final List<R> results;
    private final Function<List<R>, ResultTable> table;

    private Results(String title, List<R> results, Function<List<R>, ResultTable> table) {
        this.title = Args.notBlank("title", title);
        Args.notNull("results", results);
        if (results.isEmpty()) {
            throw new ArgumentException("results", "results (an empty list) holds nothing to show");
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                throw new ArgumentException("results", "results must not hold null (at position " + (i + 1) + ")");
            }
        }
        this.results = List.copyOf(results);
        this.table = Args.notNull("table", table);
    }

    /**
     * Results whose table is their tables one after another ({@link ResultTable#concat}): for results
     * whose tables name what tells their rows apart (a {@code method} column, an inspection).
     *
     * @param title   what they are, for the first line of {@link #toString()} and {@link #summary()},
     *                e.g. {@code "188 of 202 by every interval method"}
     * @param results the results, at least one, none null
     * @param <R>     the kind of result
     * @return the results
     * @throws IllegalArgumentException for a blank title, or a null or empty list or a null element
     *                                  (the message names the position)
     */
    public static <R extends Result> Results<R> of(String title, List<R> results) {
        return new Results<>(title, results, all -> {
            List<ResultTable> tables = new ArrayList<>();
            for (R result : all) {
                tables.add(result.table());
            }
            return ResultTable.concat(tables);
        });
    }

    /**
     * Results with a table of their own, for results of one type whose single tables lack the column
     * that tells them apart (an inspection's estimates by several methods need a {@code method}
     * column, as the command line writes them).
     *
     * @param title   what they are, as {@link #of(String, List)}
     * @param results the results, at least one, none null
     * @param table   makes the table of the results (called for each {@link #table()})
     * @param <R>     the kind of result
     * @return the results
     * @throws IllegalArgumentException as {@link #of(String, List)}, or for a null {@code table}
     */
    public static <R extends Result> Results<R> of(String title, List<R> results, Function<List<R>, ResultTable> table) {
        return new Results<>(title, results, table);
    }

    /**
     * The result at {@code index}.
     *
     * @param index from 0
     * @return the result
     * @throws IndexOutOfBoundsException for an index out of range
     */
    @Override
    public R get(int index) {
        return results.get(index);
    }

    /**
     * How many results.
     *
     * @return at least 1
     */
    @Override
    public int size() {
        return results.size();
    }

    /**
     * What the results are.
     *
     * @return the title given
     */
    public String title() {
        return title;
    }

    /**
     * The elements' tables as one ({@link ResultTable#concat}, or the table this was made with).
     *
     * @return a new table
     * @throws IllegalArgumentException if the elements' tables have different columns
     */
    @Override
    public ResultTable table() {
        return table.apply(results);
    }

    /**
     * The elements' notes, each once, in order.
     *
     * @return the notes; empty when no element has any
     */
    @Override
    public List<String> notes() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (R result : results) {
            all.addAll(result.notes());
        }
        return List.copyOf(all);
    }

    /**
     * The title, then each element's summary, separated by blank lines.
     *
     * @return multi-line text ending in a line break
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (R result : results) {
            String summary = result.summary();
            text.append('\n').append(summary);
            if (!summary.endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * One result: its own line. Several: the title, then a line per result, indented, so that JShell
     * prints every one of them in full: {@code "188 of 202 by every interval method:\n  93.1% (95% CI
     * 88.7% to 95.8%, Wilson, 188 of 202)\n  ..."}.
     */
    @Override
    public String toString() {
        if (results.size() == 1) {
            return results.get(0).toString();
        }
        StringBuilder text = new StringBuilder(title).append(':');
        for (R result : results) {
            text.append("\n  ").append(result.toString().replace("\n", "\n  "));
        }
        return text.toString();
    }
}
