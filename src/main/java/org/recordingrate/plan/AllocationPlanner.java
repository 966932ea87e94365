package org.recordingrate.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Units;
import org.recordingrate.model.Names;

/**
 * Allocation of the audit across categories for a target margin on the all-crime rate: see
 * {@link Allocation} for the methods. Immutable and thread-safe.
 *
 * <pre>{@code
 * AllocationPlan plan = AllocationPlanner.withDefaults().with(Allocation.NEYMAN).withMinimum(50)
 *         .plan(List.of(PlanningCategory.of(Category.of("violence", 25_000), 89), ...), 2.5);
 * }</pre>
 *
 * <p><b>Units.</b> The margin is given in points (2.5 for +/- 2.5 points) and the categories'
 * expected rates in percent (see {@link PlanningCategory}), as every planning target; a margin
 * that looks like a fraction (0.025) is refused with the library's one units hint, and
 * {@link #inFractions()} gives a planner that takes the margin as a fraction (also the way to ask
 * for a margin truly below 1 point). The plan holds fractions.
 *
 * <p>The margin is the Wald (published "+/-") margin of the all-crime rate, z sqrt(V) with V as
 * in {@link Allocation}: the binomial variance of the volume-weighted rate, with each category's
 * finite population correction (N_h - n_h)/(N_h - 1) when its population is known. A category's
 * count lies between its minimum (its own, else the planner's, default 1) and its capacity: a
 * category is never asked for more records than it has, its population when known, else its
 * volume ({@link PlanningCategory#capacity()}); a minimum above the capacity is cut to it. A
 * category at its population is taken whole and adds no variance; one at its volume without a
 * population still does (no finite population correction is known), so a margin that even every
 * such category audited in full cannot reach is refused, with the margin that can be reached.
 *
 * <p>Cost: one priority-queue step per record planned; milliseconds for audit-sized plans.
 * Plans above {@value #MAX_TOTAL} records are refused.
 */
public final class AllocationPlanner {

    /** The default minimum audited per category. */
    public static final long DEFAULT_MINIMUM = 1;
    /** The largest total planned. */
    public static final long MAX_TOTAL = 100_000_000;

    private static final AllocationPlanner DEFAULTS = new AllocationPlanner(Allocation.OPTIMAL, 0.95, DEFAULT_MINIMUM,
            false);

    private final Allocation allocation;
    private final double confidence;
    private final long minimum;
    private final boolean fractions;
    private final double z;

    private AllocationPlanner(Allocation allocation, double confidence, long minimum, boolean fractions) {
        this.allocation = Args.notNull("allocation", allocation);
        this.confidence = Args.confidence(confidence);
        if (minimum < 0) {
            throw new ArgumentException("minimum", "minimum (" + minimum + ") must not be negative");
        }
        this.minimum = minimum;
        this.fractions = fractions;
        this.z = Normal.twoSidedCritical(confidence);
    }

    /**
     * The planner for the smallest total ({@link Allocation#OPTIMAL}), at 95%, with at least
     * {@value #DEFAULT_MINIMUM} record per category.
     *
     * @return the shared default planner
     */
    public static AllocationPlanner withDefaults() {
        return DEFAULTS;
    }

    /**
     * This planner with another allocation.
     *
     * @param allocation how records are shared among categories
     * @return a new planner with this one's confidence and minimum
     * @throws IllegalArgumentException if {@code allocation} is null
     */
    public AllocationPlanner with(Allocation allocation) {
        return new AllocationPlanner(allocation, confidence, minimum, fractions);
    }

    /**
     * This planner at another two-sided confidence level, which sets z in the margin z sqrt(V).
     *
     * @param confidence the two-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new planner with this one's allocation and minimum
     * @throws IllegalArgumentException if {@code confidence} is outside that supported range or NaN
     */
    public AllocationPlanner withConfidence(double confidence) {
        return new AllocationPlanner(allocation, confidence, minimum, fractions);
    }

    /**
     * This planner with another minimum audited count for categories without their own. A minimum
     * above a category's capacity (its population, else its volume) is cut to it.
     *
     * @param minimum the fewest records to audit per category, 0 or more
     * @return a new planner with this one's allocation and confidence
     * @throws IllegalArgumentException if {@code minimum} is negative
     */
    public AllocationPlanner withMinimum(long minimum) {
        return new AllocationPlanner(allocation, confidence, minimum, fractions);
    }

    /**
     * This planner taking the all-crime margin as a fraction (0.025 for 2.5 points), not refused as
     * looking like one: the way to ask for a margin truly below 1 point.
     *
     * @return a new planner with this one's allocation, confidence and minimum
     */
    public AllocationPlanner inFractions() {
        return new AllocationPlanner(allocation, confidence, minimum, true);
    }

    /**
     * The allocation this planner uses.
     *
     * @return how records are shared among categories
     */
    public Allocation allocation() {
        return allocation;
    }

    /**
     * The allocation for a target all-crime margin.
     *
     * @param categories the categories with their expected rates, at least one, distinct under {@link Names}
     * @param marginPoints the all-crime margin wanted in points, strictly between 0 and 100 (a
     *                   fraction with {@link #inFractions()})
     * @return the counts per category and the expected margins, in fractions
     * @throws IllegalArgumentException for no categories, a repeated name, a margin out of range or
     *                                  looking like a fraction, a total above {@value #MAX_TOTAL}, or
     *                                  a margin that every category audited to its capacity cannot
     *                                  reach (the message gives the margin reached there)
     */
    public AllocationPlan plan(List<PlanningCategory> categories, double marginPoints) {
        Args.notNull("categories", categories);
        Targets.units(fractions, "AllocationPlanner", Units.Figure.of("margin", marginPoints, false));
        double margin = Targets.open("margin", marginPoints, fractions);
        if (categories.isEmpty()) {
            throw new ArgumentException("categories", "categories must not be empty");
        }
        Set<String> names = new HashSet<>();
        long totalVolume = 0;
        for (PlanningCategory category : categories) {
            Args.notNull("category", category);
            if (!names.add(Names.key(category.name()))) {
                throw new ArgumentException("category name", "category '" + category.name() + "' appears twice");
            }
            totalVolume = Math.addExact(totalVolume, category.category().volume());
        }
        int h = categories.size();
        double[] weight = new double[h];
        double[] sd = new double[h];
        long[] cap = new long[h];
        long[] n = new long[h];
        for (int i = 0; i < h; i++) {
            PlanningCategory c = categories.get(i);
            weight[i] = (double) c.category().volume() / totalVolume;
            double p = c.expected();
            OptionalLong population = c.category().population();
            double scale = population.isPresent() && population.getAsLong() > 1
                    ? population.getAsLong() / (population.getAsLong() - 1.0) : 1;
            sd[i] = Math.sqrt(p * (1 - p) * scale);
            cap[i] = c.capacity();
            n[i] = Math.min(cap[i], c.minimum().orElse(minimum));
        }
        double target = (margin / z) * (margin / z);
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> {
            int byPriority = Double.compare(allocation.priority(weight[b], sd[b], n[b]),
                    allocation.priority(weight[a], sd[a], n[a]));
            return byPriority != 0 ? byPriority : Integer.compare(a, b);
        });
        for (int i = 0; i < h; i++) {
            if (n[i] < cap[i]) {
                queue.add(i);
            }
        }
        long total = 0;
        for (long count : n) {
            total += count;
        }
        while (allCrimeVariance(weight, n, categories) > target) {
            if (queue.isEmpty()) {
                // every category at its capacity; those without a population still have variance
                throw new ArgumentException("margin", "margin (" + Args.show(marginPoints) + (fractions ? "" : " points")
                        + ") cannot be reached: with every category audited to its capacity (its population, or its"
                        + " volume when no population is given) the all-crime margin is "
                        + org.recordingrate.format.Percent.format(z * Math.sqrt(allCrimeVariance(weight, n, categories)), 3)
                        + "; give the categories' populations (a census has no sampling error) or a wider margin");
            }
            if (total >= MAX_TOTAL) {
                throw new ArgumentException("margin", "margin (" + Args.show(marginPoints) + (fractions ? "" : " points")
                        + ") needs more than " + MAX_TOTAL + " audited records in all");
            }
            int next = queue.poll();
            n[next]++;
            total++;
            if (n[next] < cap[next]) {
                queue.add(next);
            }
        }
        List<CategoryAllocation> rows = new ArrayList<>();
        boolean allPopulations = true;
        long totalPopulation = 0;
        double expected = 0;
        for (int i = 0; i < h; i++) {
            PlanningCategory c = categories.get(i);
            OptionalLong population = c.category().population();
            allPopulations &= population.isPresent();
            totalPopulation += population.orElse(0);
            expected += weight[i] * c.expected();
            double own = term(c.expected() * (1 - c.expected()), n[i], population);
            rows.add(new CategoryAllocation(c.name(), c.category().volume(), population, c.expected(), n[i],
                    z * Math.sqrt(own)));
        }
        CategoryAllocation allCrime = new CategoryAllocation(Names.ALL_CRIME, totalVolume,
                allPopulations ? OptionalLong.of(totalPopulation) : OptionalLong.empty(), expected, total,
                z * Math.sqrt(allCrimeVariance(weight, n, categories)));
        return new AllocationPlan(allocation, confidence, margin, rows, allCrime);
    }

    /**
     * V = sum W^2 p(1-p)/n (N-n)/(N-1); infinite when a category with variance has no records.
     * Recomputed in full each step (the categories are few), so no rounding accumulates.
     */
    private static double allCrimeVariance(double[] weight, long[] n, List<PlanningCategory> categories) {
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            PlanningCategory c = categories.get(i);
            sum += weight[i] * weight[i] * term(c.expected() * (1 - c.expected()), n[i], c.category().population());
        }
        return sum;
    }

    /** p(1-p)/n (N-n)/(N-1): 0 at a census or with no variance, infinite with no records. */
    private static double term(double pq, long n, OptionalLong population) {
        if (pq == 0) {
            return 0;
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double value = pq / n;
        if (population.isPresent()) {
            long big = population.getAsLong();
            value *= big == 1 ? 0 : (double) (big - n) / (big - 1);
        }
        return value;
    }

    @Override
    public String toString() {
        return "allocation: " + allocation.displayName() + ", " + org.recordingrate.format.Percent.level(confidence)
                + ", minimum " + minimum + (fractions ? ", margin in fractions" : "");
    }
}
