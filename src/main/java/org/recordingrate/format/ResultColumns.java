package org.recordingrate.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.recordingrate.internal.Args;
import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of one kind of result, each with its name, its kind and how to read it from the
 * result: defined once, beside the result type whose table they make, and shared by the command line, JShell's
 * {@code save(..)} and the inspectors' report, so that a column means the same everywhere.
 * Immutable: {@link #add} and {@link #then} return new column sets.
 *
 * <p>A value may be a {@code String}, a number, a {@code Boolean}, an {@code Optional}, {@code OptionalDouble} or
 * {@code OptionalLong} (empty gives an empty cell), or null (an empty cell).
 *
 * @param <T> the result type
 */
public final class ResultColumns<T> {

    private final List<Column> columns;
    private final List<Function<? super T, ?>> getters;

    private ResultColumns(List<Column> columns, List<Function<? super T, ?>> getters) {
        this.columns = Collections.unmodifiableList(columns);
        this.getters = Collections.unmodifiableList(getters);
    }

    /**
     * An empty column set, to {@link #add} to.
     *
     * @param <T> the result type the columns will read
     * @return a set of no columns
     */
    public static <T> ResultColumns<T> of() {
        return new ResultColumns<>(List.of(), List.of());
    }

    /**
     * These columns and one more.
     *
     * @param name   the header name, e.g. {@code "rate"}
     * @param kind   how values are written
     * @param getter reads the value from a result
     * @return a new column set
     * @throws IllegalArgumentException if an argument is null, the name is blank or the name is
     *                                  taken (compared exactly)
     */
    public ResultColumns<T> add(String name, Kind kind, Function<? super T, ?> getter) {
        Args.notBlank("name", name);
        Args.notNull("kind", kind);
        Args.notNull("getter", getter);
        for (Column column : columns) {
            if (column.name().equals(name)) {
                throw new IllegalArgumentException("column '" + name + "' is already in the set");
            }
        }
        List<Column> more = new ArrayList<>(columns);
        more.add(new Column(name, kind));
        List<Function<? super T, ?>> moreGetters = new ArrayList<>(getters);
        moreGetters.add(getter);
        return new ResultColumns<>(more, moreGetters);
    }

    /**
     * These columns followed by those of {@code more}.
     *
     * @param more the columns to append, read from the same result
     * @return a new column set
     * @throws IllegalArgumentException if a name appears in both
     * @throws NullPointerException     if {@code more} is null
     */
    public ResultColumns<T> then(ResultColumns<? super T> more) {
        ResultColumns<T> all = this;
        for (int i = 0; i < more.columns.size(); i++) {
            all = all.add(more.columns.get(i).name(), more.columns.get(i).kind(), more.getters.get(i));
        }
        return all;
    }

    /**
     * These columns read from a part of another result: {@code RATE.from(CaseResult::estimate)}.
     *
     * @param part how to get this set's result from the other
     * @param <U>  the other result type
     * @return the column set for U
     */
    public <U> ResultColumns<U> from(Function<? super U, ? extends T> part) {
        Args.notNull("part", part);
        List<Function<? super U, ?>> mapped = new ArrayList<>();
        for (Function<? super T, ?> getter : getters) {
            mapped.add(u -> getter.apply(part.apply(u)));
        }
        return new ResultColumns<>(new ArrayList<>(columns), mapped);
    }

    /**
     * The columns, in order: names and kinds, without the getters.
     *
     * @return an unmodifiable list
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The header names, in order.
     *
     * @return an unmodifiable list of the columns' names
     */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The values of one result, one per column, as the getters return them (not yet written).
     *
     * @param result the result to read
     * @return a mutable list of {@code columns().size()} values, each possibly null or empty
     * @throws IllegalArgumentException if {@code result} is null
     */
    public List<Object> values(T result) {
        Args.notNull("result", result);
        List<Object> values = new ArrayList<>(getters.size());
        for (Function<? super T, ?> getter : getters) {
            values.add(getter.apply(result));
        }
        return values;
    }

    /**
     * A table of these columns with a row per result.
     *
     * @param results the results, a row each in this order; empty for a table of no rows
     * @return a new table
     * @throws IllegalArgumentException if the list or a result is null
     */
    public ResultTable table(List<? extends T> results) {
        Args.notNull("results", results);
        ResultTable table = new ResultTable(columns);
        for (T result : results) {
            table.row(values(result).toArray());
        }
        return table;
    }

    /**
     * A table of one row.
     *
     * @param result the result
     * @return a new table of one row
     * @throws NullPointerException if {@code result} is null
     */
    public ResultTable table(T result) {
        return table(List.of(result));
    }
}
