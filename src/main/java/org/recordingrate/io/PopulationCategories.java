package org.recordingrate.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.model.Names;

/**
 * The categories of one read of a population file: each row's category cell resolved to a
 * category (the plan's spelling, the other category, or without a plan the first spelling met,
 * matched by {@link Names}) and counted. The few distinct spellings of a file are resolved once
 * each ({@link Names#key} is a regular expression) and recognised again by comparing the cell's
 * bytes in place, without making a string of it.
 */
final class PopulationCategories {

    private final String file;
    /** The plan's categories by {@link Names#key}, or empty without a plan. */
    private final Map<String, String> plan;
    private final Optional<String> other;
    /** Every spelling's key resolved so far, to its category. */
    private final Map<String, String> resolved;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] names = new String[0];
    private long[] count = new long[8];
    private long toOther;
    private final Spellings spellings = new Spellings();

    /**
     * @param file  the file's name, for messages
     * @param plan  the plan's categories by {@link Names#key} (in the plan's order), or empty
     * @param other the plan's category that takes rows of categories not in the plan, if any
     */
    PopulationCategories(String file, Map<String, String> plan, Optional<String> other) {
        this.file = file;
        this.plan = plan;
        this.other = other;
        this.resolved = new LinkedHashMap<>(plan);
        plan.values().forEach(this::index);
    }

    /**
     * The category of the current row of {@code records} (cell {@code column}), counted.
     *
     * @return its index into {@link #names()}
     * @throws DataFileException naming the line, column and value for a blank category, or one not
     *                           in the plan when no other category takes it
     */
    int count(PopulationRecords records, int column) {
        int known = records.cells == null
                ? spellings.find(records.lines.bytes(), records.cellStart(column), records.cellEnd(column))
                : spellings.find(records.cells.get(column));
        if (known < 0) {
            String written = records.cell(column);
            String category = resolve(records.start, written);
            known = spellings.add(written, index(category), !Names.same(category, written));
        }
        int category = spellings.category[known];
        count[category]++;
        if (spellings.remapped[known]) {
            toOther++;
        }
        return category;
    }

    /** The plan's spelling of a row's category (or the other category), or a located error. */
    private String resolve(long line, String text) {
        if (text.isBlank()) {
            throw new DataFileException(file, line, PopulationLayout.CATEGORY, text, "is blank: a category is needed");
        }
        String key = Names.key(text);
        String found = resolved.get(key);
        if (found != null) {
            return found;
        }
        if (plan.isEmpty()) {
            resolved.put(key, text.strip());
            return text.strip();
        }
        if (other.isPresent()) {
            return other.get();
        }
        throw new DataFileException(file, line, PopulationLayout.CATEGORY, text, "is not a category of the plan ("
                + String.join(", ", plan.values()) + "); name an other category to take such records");
    }

    private int index(String category) {
        Integer i = index.get(category);
        if (i != null) {
            return i;
        }
        int next = names.length;
        // a new array, never changed: batches already handed out keep the one they were given
        names = Arrays.copyOf(names, next + 1);
        names[next] = category;
        if (next == count.length) {
            count = Arrays.copyOf(count, 2 * next);
        }
        index.put(category, next);
        return next;
    }

    /** The categories met (the plan's first, in its order), by index; never changed once returned. */
    String[] names() {
        return names;
    }

    /** Rows per category, in the order of {@link #names()}. */
    Map<String, Long> counts() {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            byCategory.put(names[i], count[i]);
        }
        return byCategory;
    }

    /** Rows whose own category was not in the plan and went to the other category. */
    long toOther() {
        return toOther;
    }

    /** The spellings of categories met so far, with their category (index), and whether remapped to the other. */
    private static final class Spellings {
        String[] written = new String[8];
        byte[][] bytes = new byte[8][];
        int[] category = new int[8];
        boolean[] remapped = new boolean[8];
        int size;
        /** Beyond the first {@value #SCANNED} spellings, a map (a file with many categories). */
        private final Map<String, Integer> more = new HashMap<>();
        private static final int SCANNED = 32;

        /** The index of the spelling in bytes [from, to), or -1. */
        int find(byte[] b, int from, int to) {
            int length = to - from;
            for (int k = 0; k < Math.min(size, SCANNED); k++) {
                byte[] spelling = bytes[k];
                if (spelling.length == length && Arrays.equals(spelling, 0, length, b, from, to)) {
                    return k;
                }
            }
            if (size <= SCANNED) {
                return -1;
            }
            Integer k = more.get(new String(b, from, length, StandardCharsets.UTF_8));
            return k == null ? -1 : k;
        }

        /** The index of the spelling {@code text}, or -1. */
        int find(String text) {
            for (int k = 0; k < Math.min(size, SCANNED); k++) {
                if (written[k].equals(text)) {
                    return k;
                }
            }
            if (size <= SCANNED) {
                return -1;
            }
            Integer k = more.get(text);
            return k == null ? -1 : k;
        }

        int add(String spelling, int index, boolean other) {
            if (size == written.length) {
                written = Arrays.copyOf(written, 2 * size);
                bytes = Arrays.copyOf(bytes, 2 * size);
                category = Arrays.copyOf(category, 2 * size);
                remapped = Arrays.copyOf(remapped, 2 * size);
            }
            written[size] = spelling;
            bytes[size] = spelling.getBytes(StandardCharsets.UTF_8);
            category[size] = index;
            remapped[size] = other;
            if (size >= SCANNED) {
                more.put(spelling, size);
            }
            return size++;
        }
    }
}
