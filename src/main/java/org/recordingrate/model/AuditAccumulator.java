package org.recordingrate.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * Turns audited records into tallies, one per category, as they come: for programs that produce
 * records themselves and for readers of record-level files. Categories are matched under
 * {@link Names} and keep the order and spelling in which they were first met.
 *
 * <p>Records that name their incident ({@link AuditRecord#incident()}) are also counted per
 * category and incident (crimes, and crimes recorded), which is what the estimate over incidents
 * needs; the inspection's categories then carry {@link Incidents}. An incident is matched by its
 * exact id (surrounding space ignored) within a category.
 *
 * <p><b>All or none.</b> Either every record names its incident or none does, as in a record-level
 * file, where an incident column needs a cell on every row: a record without an incident among
 * records with one (or the other way round), added or merged, is refused, naming that record and
 * the first record of the other kind. (Counting it as an incident of its own would quietly take a
 * forgotten incident for a cluster of one and narrow the interval.) {@link #add(String, boolean)}
 * adds a record without an incident.
 *
 * <p>Record ids must be unique: a second record with an id already added (exact match, surrounding
 * space ignored) is refused, also across {@link #merge merged} accumulators.
 *
 * <p>Not thread-safe: give each thread its own accumulator and {@link #merge} them. Counts are sums
 * (an incident split between threads is joined again on merging), so the order of merging does
 * not change the tallies or the incidents.
 *
 * <pre>{@code
 * AuditAccumulator audit = new AuditAccumulator();
 * audit.add(AuditRecord.of("R1", "violence", true, "INC-7")).add(AuditRecord.of("R2", "violence", false, "INC-7"));
 * Inspection i = audit.inspection("PEEL 2022", List.of(Category.of("violence", 25_000)));
 * }</pre>
 */
public final class AuditAccumulator {

    /** One category's counts: all records, and each incident's. */
    private static final class Counts {
        final String spelling;
        long recorded;
        long audited;
        /** Per incident id: {crimes, recorded}. */
        final Map<String, long[]> incidents = new HashMap<>();

        Counts(String spelling) {
            this.spelling = spelling;
        }
    }

    private final Map<String, Counts> counts = new LinkedHashMap<>();
    /** The same counts by spelling as met, so that the name rule (a regular expression) runs once per spelling. */
    private final Map<String, Counts> bySpelling = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private long records;
    private boolean grouped;
    /** The first record met with an incident, and the first without, for messages ("record 'R1'"). */
    private Optional<String> firstWith = Optional.empty();
    private Optional<String> firstWithout = Optional.empty();

    /**
     * Adds one audited record.
     *
     * @param record the record; its id must be new to this accumulator, and it names its incident
     *               exactly when the records before it did
     * @return this accumulator
     * @throws IllegalArgumentException if {@code record} is null, a record with the same id was
     *                                  added before (argument {@code "record id"}), or it names an
     *                                  incident where the records before did not, or the other way
     *                                  round (argument {@code "incident"}; the message names both
     *                                  records)
     */
    public AuditAccumulator add(AuditRecord record) {
        Args.notNull("record", record);
        String self = "record '" + record.id() + "'";
        checkKind(record.incident().isPresent(), self);
        if (!ids.add(record.id())) {
            throw new ArgumentException("record id", "record id '" + record.id() + "' appears twice");
        }
        note(record.incident().isPresent(), self);
        Counts c = slot(record.category());
        count(c, record.recorded());
        if (record.incident().isPresent()) {
            grouped = true;
            long[] incident = c.incidents.computeIfAbsent(record.incident().get(), k -> new long[2]);
            incident[0]++;
            incident[1] += record.recorded() ? 1 : 0;
        }
        return this;
    }

    /**
     * Adds one audited record of {@code category}, without an id (so not checked for duplicates)
     * and without an incident.
     *
     * @param category the crime category, matched under {@link Names}; not blank
     * @param recorded whether the force recorded the crime
     * @return this accumulator
     * @throws IllegalArgumentException if the category is null or blank, or records with incidents
     *                                  were added before (see the class comment)
     */
    public AuditAccumulator add(String category, boolean recorded) {
        String self = "a record of category '" + Args.notBlank("category", category) + "' (no id)";
        checkKind(false, self);
        note(false, self);
        Counts c = slot(category);
        count(c, recorded);
        return this;
    }

    private void count(Counts c, boolean recorded) {
        c.recorded += recorded ? 1 : 0;
        c.audited++;
        records++;
    }

    /**
     * Adds another accumulator's counts to this one; categories new to this one follow in the
     * other's order. Nothing is added when the two share a record id. {@code other} is not changed.
     *
     * @param other another accumulator, not this one
     * @return this accumulator
     * @throws IllegalArgumentException if {@code other} is null or this one, or a record id was
     *                                  added to both (argument {@code "record id"})
     */
    public AuditAccumulator merge(AuditAccumulator other) {
        Args.notNull("other", other);
        if (other == this) {
            throw new ArgumentException("other", "other must not be this accumulator");
        }
        if (other.firstWith.isPresent() && firstWithout.isPresent()) {
            throw mixed(true, other.firstWith.get(), firstWithout.get());
        }
        if (other.firstWithout.isPresent() && firstWith.isPresent()) {
            throw mixed(false, other.firstWithout.get(), firstWith.get());
        }
        Set<String> smaller = ids.size() <= other.ids.size() ? ids : other.ids;
        Set<String> larger = smaller == ids ? other.ids : ids;
        for (String id : smaller) {
            if (larger.contains(id)) {
                throw new ArgumentException("record id", "record id '" + id + "' appears twice (in both accumulators)");
            }
        }
        ids.addAll(other.ids);
        other.counts.values().forEach(theirs -> {
            Counts mine = slot(theirs.spelling);
            mine.recorded += theirs.recorded;
            mine.audited += theirs.audited;
            theirs.incidents.forEach((id, c) -> {
                long[] incident = mine.incidents.computeIfAbsent(id, k -> new long[2]);
                incident[0] += c[0];
                incident[1] += c[1];
            });
        });
        records += other.records;
        grouped |= other.grouped;
        if (firstWith.isEmpty()) {
            firstWith = other.firstWith;
        }
        if (firstWithout.isEmpty()) {
            firstWithout = other.firstWithout;
        }
        return this;
    }

    /** Refuses a record of one kind (with or without an incident) after records of the other. */
    private void checkKind(boolean withIncident, String self) {
        Optional<String> other = withIncident ? firstWithout : firstWith;
        if (other.isPresent()) {
            throw mixed(withIncident, self, other.get());
        }
    }

    private void note(boolean withIncident, String self) {
        if (withIncident && firstWith.isEmpty()) {
            firstWith = Optional.of(self);
        } else if (!withIncident && firstWithout.isEmpty()) {
            firstWithout = Optional.of(self);
        }
    }

    private static ArgumentException mixed(boolean withIncident, String self, String other) {
        return new ArgumentException("incident", self + (withIncident ? " names its incident, but " + other
                + " did not" : " has no incident, but " + other + " named its") + ": either every record names its "
                + "incident or none does");
    }

    /**
     * The number of records added so far.
     *
     * @return records added, merged ones included (0 for a new accumulator)
     */
    public long records() {
        return records;
    }

    /**
     * Whether some record named its incident.
     *
     * @return true if the inspection's categories will carry {@link Incidents}
     */
    public boolean isGrouped() {
        return grouped;
    }

    /**
     * The tallies so far, by category.
     *
     * @return recorded of audited by category name (first spelling met, stripped), in the order first
     *         met; a new map each call, empty before the first record
     */
    public Map<String, Tally> tallies() {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        counts.values().forEach(c -> tallies.put(c.spelling, new Tally(c.recorded, c.audited)));
        return tallies;
    }

    /**
     * The incidents by category name (first spelling met), in the order first met: empty unless
     * {@link #isGrouped()} (then every record named its incident).
     *
     * @return the incidents by category name (first spelling met, stripped); a new map each call, empty
     *         when no record named its incident
     */
    public Map<String, Incidents> incidents() {
        Map<String, Incidents> incidents = new LinkedHashMap<>();
        if (grouped) {
            counts.values().forEach(c -> incidents.put(c.spelling, incidents(c)));
        }
        return incidents;
    }

    private static Incidents incidents(Counts c) {
        List<Incidents.Group> groups = new ArrayList<>(c.incidents.size());
        c.incidents.values().forEach(i -> groups.add(new Incidents.Group(i[0], i[1], 1)));
        return new Incidents(groups);
    }

    /**
     * The inspection: each designed category with its tally (and its incidents when
     * {@link #isGrouped()}), in the design's order.
     *
     * <p>Two categories of the design with the same name under {@link Names} are not refused: the
     * later one silently replaces the earlier (its volume and spelling are used, at the earlier's
     * place in the order).
     *
     * @param name   the inspection's name
     * @param design the categories with their volumes (and populations), matched by name under {@link Names}
     * @return the inspection
     * @throws IllegalArgumentException if the design or one of its categories is null, a category was
     *                                  audited but is not in the design (it has no volume), a designed
     *                                  category has no audited record, or as {@link Inspection} and
     *                                  {@link AuditedCategory} (a blank name, a population below the
     *                                  units audited)
     */
    public Inspection inspection(String name, List<Category> design) {
        Args.notNull("design", design);
        Map<String, Category> designed = new LinkedHashMap<>();
        for (Category category : design) {
            Category earlier = designed.putIfAbsent(Names.key(Args.notNull("category of the design", category).name()),
                    category);
            if (earlier != null) {
                throw new ArgumentException("category", "the design has category '" + category.name() + "' twice"
                        + (earlier.name().equals(category.name()) ? "" : " (also as '" + earlier.name() + "')"));
            }
        }
        for (Map.Entry<String, Counts> entry : counts.entrySet()) {
            if (!designed.containsKey(entry.getKey())) {
                throw new ArgumentException("category", "category '" + entry.getValue().spelling
                        + "' was audited but has no volume: add it to the design");
            }
        }
        List<AuditedCategory> categories = new ArrayList<>();
        for (Map.Entry<String, Category> entry : designed.entrySet()) {
            Counts c = counts.get(entry.getKey());
            if (c == null) {
                throw new ArgumentException("category", "category '" + entry.getValue().name()
                        + "' has a volume but no audited record");
            }
            categories.add(new AuditedCategory(entry.getValue(), new Tally(c.recorded, c.audited),
                    grouped ? Optional.of(incidents(c)) : Optional.empty()));
        }
        return new Inspection(name, categories);
    }

    private Counts slot(String category) {
        Counts known = bySpelling.get(category);
        if (known != null) {
            return known;
        }
        Counts c = counts.computeIfAbsent(Names.key(category), k -> new Counts(category.strip()));
        bySpelling.put(category, c);
        return c;
    }
}
