package org.recordingrate.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.ArgumentException;

/**
 * Turns audited records into tallies, one per category, as they come: for programs that produce
 * records themselves and for readers of record-level files. Categories are matched under
 * {@link Names} and keep the order and spelling in which they were first met.
 *
 * <p>Not thread-safe: give each thread its own accumulator and {@link #merge} them (counts are
 * sums, so the order of merging does not change the tallies).
 *
 * <pre>{@code
 * AuditAccumulator audit = new AuditAccumulator();
 * audit.add(AuditRecord.of("R1", "violence", true)).add(AuditRecord.of("R2", "violence", false));
 * Inspection i = audit.inspection("PEEL 2022", List.of(Category.of("violence", 25_000)));
 * }</pre>
 */
public final class AuditAccumulator {

    /** Per category key: {recorded, audited}. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private long records;

    /**
     * Adds one audited record.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if {@code record} is null
     */
    public AuditAccumulator add(AuditRecord record) {
        Args.notNull("record", record);
        return add(record.category(), record.recorded());
    }

    /**
     * Adds one audited record of {@code category}.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the category is blank
     */
    public AuditAccumulator add(String category, boolean recorded) {
        long[] c = slot(Args.notBlank("category", category));
        c[0] += recorded ? 1 : 0;
        c[1]++;
        records++;
        return this;
    }

    /**
     * Adds another accumulator's counts to this one; categories new to this one follow in the
     * other's order.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if {@code other} is null or this one
     */
    public AuditAccumulator merge(AuditAccumulator other) {
        Args.notNull("other", other);
        if (other == this) {
            throw new ArgumentException("other", "other must not be this accumulator");
        }
        other.counts.forEach((key, c) -> {
            long[] mine = slot(other.spelling.get(key));
            mine[0] += c[0];
            mine[1] += c[1];
        });
        records += other.records;
        return this;
    }

    /** The number of records added (merged ones included). */
    public long records() {
        return records;
    }

    /** The tallies by category name (first spelling met), in the order first met. */
    public Map<String, Tally> tallies() {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        counts.forEach((key, c) -> tallies.put(spelling.get(key), new Tally(c[0], c[1])));
        return tallies;
    }

    /**
     * The inspection: each designed category with its tally, in the design's order.
     *
     * @param name   the inspection's name
     * @param design the categories with their volumes (and populations), matched by name under {@link Names}
     * @return the inspection
     * @throws IllegalArgumentException if a category was audited but is not in the design (it has
     *                                  no volume), a designed category has no audited record, or
     *                                  as {@link Inspection}
     */
    public Inspection inspection(String name, List<Category> design) {
        Args.notNull("design", design);
        Map<String, Category> designed = new LinkedHashMap<>();
        for (Category category : design) {
            designed.put(Names.key(Args.notNull("category of the design", category).name()), category);
        }
        for (String key : counts.keySet()) {
            if (!designed.containsKey(key)) {
                throw new ArgumentException("category", "category '" + spelling.get(key)
                        + "' was audited but has no volume: add it to the design");
            }
        }
        List<AuditedCategory> categories = new ArrayList<>();
        for (Map.Entry<String, Category> entry : designed.entrySet()) {
            long[] c = counts.get(entry.getKey());
            if (c == null) {
                throw new ArgumentException("category", "category '" + entry.getValue().name()
                        + "' has a volume but no audited record");
            }
            categories.add(new AuditedCategory(entry.getValue(), new Tally(c[0], c[1])));
        }
        return new Inspection(name, categories);
    }

    private long[] slot(String category) {
        String key = Names.key(category);
        spelling.putIfAbsent(key, category.strip());
        return counts.computeIfAbsent(key, k -> new long[2]);
    }
}
