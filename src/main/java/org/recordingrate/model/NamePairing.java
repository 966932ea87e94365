package org.recordingrate.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * Two lists of named things (inspections, categories) paired by name under {@link Names}: the
 * pairs in the later list's order, and what is found on one side only. The one place where the
 * library matches the earlier and the later inspection, or their categories.
 *
 * @param <T>    what is paired
 * @param pairs  the items found on both sides, in the later list's order
 * @param onlyBefore items of the earlier list with no partner, in their order
 * @param onlyAfter  items of the later list with no partner, in their order
 */
public record NamePairing<T>(List<Pair<T>> pairs, List<T> onlyBefore, List<T> onlyAfter) {

    /**
     * An earlier and a later item of the same name.
     *
     * @param <T>    what is paired
     * @param before the earlier
     * @param after  the later
     */
    public record Pair<T>(T before, T after) {
    }

    /**
     * Copies the lists (the record is immutable).
     *
     * @param pairs      the items found on both sides, in the later list's order
     * @param onlyBefore items of the earlier list with no partner, in their order
     * @param onlyAfter  items of the later list with no partner, in their order
     * @throws NullPointerException if a list is null or holds null (this constructor does not check
     *                              names: use {@link #byName})
     */
    public NamePairing {
        pairs = List.copyOf(pairs);
        onlyBefore = List.copyOf(onlyBefore);
        onlyAfter = List.copyOf(onlyAfter);
    }

    /**
     * Pairs by name.
     *
     * @param before the earlier items
     * @param after  the later items
     * @param name   how to name an item
     * @param <T>    what is paired
     * @return the pairing
     * @throws IllegalArgumentException if a list or an item is null, or two items on one side share
     *                                  a name (under {@link Names})
     */
    public static <T> NamePairing<T> byName(List<T> before, List<T> after, Function<T, String> name) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Map<String, T> earlier = index(before, name, "before");
        Map<String, T> later = index(after, name, "after");
        List<Pair<T>> pairs = new ArrayList<>();
        List<T> onlyAfter = new ArrayList<>();
        later.forEach((key, item) -> {
            T partner = earlier.remove(key);
            if (partner == null) {
                onlyAfter.add(item);
            } else {
                pairs.add(new Pair<>(partner, item));
            }
        });
        return new NamePairing<>(pairs, new ArrayList<>(earlier.values()), onlyAfter);
    }

    /**
     * Whether every item found a partner.
     *
     * @return true if {@link #onlyBefore()} and {@link #onlyAfter()} are both empty
     */
    public boolean isComplete() {
        return onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name, String side) {
        Map<String, T> index = new LinkedHashMap<>();
        for (T item : items) {
            Args.notNull(side + " item", item);
            T earlier = index.putIfAbsent(Names.key(name.apply(item)), item);
            if (earlier != null) {
                throw new ArgumentException(side, side + " has '" + name.apply(item) + "' twice (also as '"
                        + name.apply(earlier) + "')");
            }
        }
        return index;
    }
}
