package org.recordingrate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * The incidents audited in one category: how many incidents (logs of a report to the police) held
 * how many of the category's audited crimes, and how many of those the force recorded. An incident
 * is a cluster: its crimes were sampled together, so the variance of the recording rate is
 * estimated over incidents, not crimes (see the estimate package's {@code VarianceConvention}).
 *
 * <p>Only the counts matter to an estimate, not which incident is which, so the incidents are kept
 * as {@link Group}s of identical incidents: "57 incidents of 2 crimes with 1 recorded". This is
 * exact, small (incidents of one to four crimes give at most 14 groups) and all that a bootstrap
 * over incidents needs. Groups are merged and sorted by crimes then recorded, so two equal
 * collections of incidents are {@link #equals equal} whatever order they were counted in.
 *
 * <p>An incident whose crimes fall into several categories is one incident in each (categories are
 * sampled separately: R's {@code svydesign(..., nest = TRUE)}).
 *
 * @param groups the incidents, grouped by their counts; at least one group
 */
public record Incidents(List<Group> groups) {

    /**
     * Identical incidents: {@code incidents} incidents, each holding {@code crimes} audited crimes of
     * the category of which {@code recorded} were recorded.
     *
     * @param crimes    audited crimes in each incident, at least 1
     * @param recorded  of them recorded, 0 to {@code crimes}
     * @param incidents how many such incidents, at least 1
     */
    public record Group(long crimes, long recorded, long incidents) {

        /**
         * Validates the counts.
         *
         * @param crimes    audited crimes in each incident, at least 1
         * @param recorded  of them recorded, 0 to {@code crimes}
         * @param incidents how many such incidents, at least 1
         * @throws IllegalArgumentException for crimes below 1, recorded outside 0..crimes, or
         *                                  incidents below 1
         */
        public Group {
            if (crimes < 1) {
                throw new ArgumentException("crimes", "crimes of an incident (" + crimes + ") must be at least 1");
            }
            if (recorded < 0 || recorded > crimes) {
                throw new ArgumentException("recorded", "recorded crimes of an incident (" + recorded
                        + ") must lie between 0 and its crimes (" + crimes + ")");
            }
            if (incidents < 1) {
                throw new ArgumentException("incidents", "incidents of a group (" + incidents + ") must be at least 1");
            }
        }
    }

    private static final Comparator<Group> ORDER = Comparator.comparingLong(Group::crimes)
            .thenComparingLong(Group::recorded);

    /**
     * Merges groups with the same counts, sorts them and checks that the totals fit in a
     * {@code long}.
     *
     * @param groups the incidents, grouped by their counts, in any order and possibly with repeated
     *               (crimes, recorded) pairs; at least one group
     * @throws IllegalArgumentException if {@code groups} is null, empty or holds null, or the
     *                                  total of incidents or crimes exceeds {@link Long#MAX_VALUE}
     */
    public Incidents {
        Args.notNull("groups", groups);
        if (groups.isEmpty()) {
            throw new ArgumentException("groups", "incidents need at least one group");
        }
        Map<Group, long[]> merged = new TreeMap<>(ORDER);
        long incidents = 0;
        long crimes = 0;
        for (Group group : groups) {
            Args.notNull("group of incidents", group);
            merged.computeIfAbsent(group, g -> new long[1])[0] += group.incidents();
            try {
                incidents = Math.addExact(incidents, group.incidents());
                crimes = Math.addExact(crimes, Math.multiplyExact(group.crimes(), group.incidents()));
            } catch (ArithmeticException e) {
                throw new ArgumentException("groups", "the incidents' total of crimes exceeds " + Long.MAX_VALUE);
            }
        }
        List<Group> sorted = new ArrayList<>(merged.size());
        merged.forEach((g, count) -> sorted.add(new Group(g.crimes(), g.recorded(), count[0])));
        groups = List.copyOf(sorted);
    }

    /**
     * Incidents of one crime each: how a tally reads when its records name no incident (every
     * crime sampled on its own).
     *
     * @param tally recorded of audited
     * @return at most two groups: {@code unrecorded()} incidents of one unrecorded crime and
     *         {@code recorded()} incidents of one recorded crime (a group is left out when its count
     *         is 0)
     * @throws IllegalArgumentException if {@code tally} is null
     */
    public static Incidents ofSingleCrimes(Tally tally) {
        Args.notNull("tally", tally);
        List<Group> groups = new ArrayList<>(2);
        if (tally.unrecorded() > 0) {
            groups.add(new Group(1, 0, tally.unrecorded()));
        }
        if (tally.recorded() > 0) {
            groups.add(new Group(1, 1, tally.recorded()));
        }
        return new Incidents(groups);
    }

    /**
     * The incidents from one pair of counts per incident.
     *
     * @param crimes   audited crimes of each incident, each at least 1
     * @param recorded recorded crimes of each incident, in the same order
     * @return the incidents
     * @throws IllegalArgumentException if an array is null or empty, their lengths differ, or a
     *                                  pair is invalid (see {@link Group})
     */
    public static Incidents of(long[] crimes, long[] recorded) {
        Args.notNull("crimes", crimes);
        Args.notNull("recorded", recorded);
        if (crimes.length != recorded.length) {
            throw new ArgumentException("recorded", "recorded (" + recorded.length + " incidents) and crimes ("
                    + crimes.length + " incidents) must have the same length");
        }
        List<Group> groups = new ArrayList<>(crimes.length);
        for (int i = 0; i < crimes.length; i++) {
            groups.add(new Group(crimes[i], recorded[i], 1));
        }
        return new Incidents(groups);
    }

    /**
     * The number of incidents (clusters) m, the sum of the groups' {@code incidents}.
     *
     * @return m, at least 1 (fits in a {@code long}: checked on construction)
     */
    public long count() {
        long total = 0;
        for (Group group : groups) {
            total += group.incidents();
        }
        return total;
    }

    /**
     * The audited crimes in all the incidents, n = sum of crimes x incidents over the groups.
     *
     * @return n, at least {@link #count()} (fits in a {@code long}: checked on construction)
     */
    public long crimes() {
        long total = 0;
        for (Group group : groups) {
            total += group.crimes() * group.incidents();
        }
        return total;
    }

    /**
     * The recorded crimes in all the incidents, x = sum of recorded x incidents over the groups.
     *
     * @return x, 0 to {@link #crimes()}
     */
    public long recorded() {
        long total = 0;
        for (Group group : groups) {
            total += group.recorded() * group.incidents();
        }
        return total;
    }

    /**
     * The tally of the crimes in all the incidents.
     *
     * @return {@link #recorded()} of {@link #crimes()}
     */
    public Tally tally() {
        return new Tally(recorded(), crimes());
    }

    /**
     * The size of the largest cluster.
     *
     * @return the most crimes held by one incident, at least 1
     */
    public long largest() {
        return groups.get(groups.size() - 1).crimes();
    }

    /**
     * Whether some incident holds more than one crime. When none does, the estimate over incidents
     * equals the estimate over crimes.
     *
     * @return true if {@link #largest()} exceeds 1
     */
    public boolean isGrouped() {
        return largest() > 1;
    }

    /** {@code "120 incidents of 1 to 4 crimes"}. */
    @Override
    public String toString() {
        long count = count();
        long smallest = groups.get(0).crimes();
        long largest = largest();
        return count + (count == 1 ? " incident" : " incidents") + " of "
                + (smallest == largest ? String.valueOf(smallest) : smallest + " to " + largest)
                + (largest == 1 ? " crime" : " crimes");
    }
}
