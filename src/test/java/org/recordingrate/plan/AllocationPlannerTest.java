package org.recordingrate.plan;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Category;

/**
 * Allocation across categories. The all-crime margin is recomputed here from its formula,
 * z sqrt(sum W_h^2 p_h(1-p_h)/n_h (N_h - n_h)/(N_h - 1)); the smallest total is checked against
 * every whole-number allocation of small designs (brute force); proportional and Neyman counts
 * against the Sainte-Lague condition that defines them.
 */
class AllocationPlannerTest {

    /** R: qnorm(0.975). */
    private static final double Z95 = 1.959963984540054;

    private static final List<PlanningCategory> SEED_LIKE = List.of(
            PlanningCategory.of(Category.of("violence", 25_000), 89),
            PlanningCategory.of(Category.of("sexual offences", 2_500, 600), 95),
            PlanningCategory.of(Category.of("other crime", 35_000), 93));

    private static double margin(List<PlanningCategory> categories, long[] n) {
        double total = categories.stream().mapToLong(c -> c.category().volume()).sum();
        double v = 0;
        for (int i = 0; i < n.length; i++) {
            PlanningCategory c = categories.get(i);
            double w = c.category().volume() / total;
            double p = c.expected();
            double term = p * (1 - p) / n[i];
            if (c.category().population().isPresent()) {
                long big = c.category().population().getAsLong();
                term *= big == 1 ? 0 : (double) (big - n[i]) / (big - 1);
            }
            v += w * w * term;
        }
        return Z95 * Math.sqrt(v);
    }

    private static long[] counts(AllocationPlan plan) {
        return plan.categories().stream().mapToLong(CategoryAllocation::audited).toArray();
    }

    @Test
    void everyMethodMeetsTheTargetAndReportsItsMargins() {
        for (Allocation allocation : Allocation.values()) {
            AllocationPlan plan = AllocationPlanner.withDefaults().with(allocation).withMinimum(50).plan(SEED_LIKE, 2.5);
            long[] n = counts(plan);
            assertTrue(margin(SEED_LIKE, n) <= 0.025, allocation.toString());
            assertEquals(margin(SEED_LIKE, n), plan.allCrime().margin(), 1e-14);
            assertEquals("all crime", plan.allCrime().category());
            assertEquals(62_500, plan.allCrime().volume());
            assertEquals(n[0] + n[1] + n[2], plan.allCrime().audited());
            assertEquals((25_000 * 0.89 + 2_500 * 0.95 + 35_000 * 0.93) / 62_500, plan.allCrime().expected(), 1e-15);
            for (int i = 0; i < n.length; i++) {
                assertTrue(n[i] >= 50, allocation + " minimum");
                PlanningCategory c = SEED_LIKE.get(i);
                double p = c.expected();
                double fpc = c.category().population().isPresent()
                        ? (600.0 - n[i]) / 599 : 1;
                assertEquals(Z95 * Math.sqrt(p * (1 - p) / n[i] * fpc), plan.categories().get(i).margin(), 1e-14);
            }
        }
    }

    @Test
    void smallestTotalAgainstEveryAllocationOfSmallDesigns() {
        SplittableRandom random = new SplittableRandom(20221);
        for (int design = 0; design < 25; design++) {
            int h = 2 + random.nextInt(2);
            PlanningCategory[] categories = new PlanningCategory[h];
            for (int i = 0; i < h; i++) {
                long volume = 100 + random.nextInt(5_000);
                double p = 0.6 + 0.4 * random.nextDouble();
                boolean withPopulation = random.nextBoolean();
                Category category = withPopulation ? Category.of("c" + i, volume, 5 + random.nextInt(60))
                        : Category.of("c" + i, volume);
                long minimum = random.nextInt(6);
                categories[i] = PlanningCategory.ofFraction(category, p, OptionalLong.of(minimum));
            }
            List<PlanningCategory> list = List.of(categories);
            double target = 0.06 + 0.1 * random.nextDouble();
            AllocationPlan plan = AllocationPlanner.withDefaults().inFractions().with(Allocation.OPTIMAL).plan(list, target);
            long best = bruteForceSmallestTotal(list, target, 0, new long[h], 300);
            assertEquals(best, plan.allCrime().audited(), "design " + design + " " + plan.summary());
            assertTrue(margin(list, counts(plan)) <= target);
        }
    }

    /**
     * The least total of any allocation within minimums and caps that meets the target: every
     * count of the first categories up to its cap (or {@code limit}), and for the last the fewest
     * that meet the target (the margin falls as its count grows), by bisection.
     */
    private static long bruteForceSmallestTotal(List<PlanningCategory> categories, double target, int i, long[] n,
                                                long limit) {
        PlanningCategory c = categories.get(i);
        // a category is never asked for more than it has: its population, else its volume
        long cap = Math.min(limit, c.category().population().orElse(c.category().volume()));
        long from = Math.min(cap, c.minimum().getAsLong());
        if (i == n.length - 1) {
            n[i] = cap;
            if (margin(categories, n) > target) {
                return Long.MAX_VALUE;
            }
            long low = from - 1;
            long high = cap;
            while (high - low > 1) {
                long middle = (low + high) / 2;
                n[i] = middle;
                if (margin(categories, n) <= target) {
                    high = middle;
                } else {
                    low = middle;
                }
            }
            n[i] = high;
            return margin(categories, n) <= target ? java.util.Arrays.stream(n).sum() : Long.MAX_VALUE;
        }
        long best = Long.MAX_VALUE;
        for (long k = from; k <= cap; k++) {
            n[i] = k;
            best = Math.min(best, bruteForceSmallestTotal(categories, target, i + 1, n, limit));
        }
        return best;
    }

    @Test
    void proportionalAndNeymanFollowTheSainteLagueRule() {
        for (Allocation allocation : new Allocation[] {Allocation.PROPORTIONAL, Allocation.NEYMAN}) {
            AllocationPlan plan = AllocationPlanner.withDefaults().with(allocation).withMinimum(0).plan(SEED_LIKE, 2);
            long[] n = counts(plan);
            // Sainte-Lague: some divisor d has n_h = round(s_h / d): max (n_h - 1/2)/s_h <= min (n_h + 1/2)/s_h,
            // with the share s_h = W_h (proportional) or W_h S_h (Neyman), S_h^2 = p q N/(N - 1)
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            for (int i = 0; i < n.length; i++) {
                PlanningCategory c = SEED_LIKE.get(i);
                double s = c.category().volume();
                if (allocation == Allocation.NEYMAN) {
                    double scale = c.category().population().isPresent() ? 600.0 / 599 : 1;
                    s *= Math.sqrt(c.expected() * (1 - c.expected()) * scale);
                }
                highest = Math.max(highest, (n[i] - 0.5) / s);
                lowest = Math.min(lowest, (n[i] + 0.5) / s);
            }
            assertTrue(highest <= lowest, allocation + " " + plan.summary());
        }
    }

    @Test
    void neymanAndTheSmallestTotalAgreeToARecordOrTwo() {
        // Neyman rounded is near-optimal; the exact optimum is never larger
        AllocationPlan neyman = AllocationPlanner.withDefaults().with(Allocation.NEYMAN).plan(SEED_LIKE, 2);
        AllocationPlan optimal = AllocationPlanner.withDefaults().with(Allocation.OPTIMAL).plan(SEED_LIKE, 2);
        AllocationPlan proportional = AllocationPlanner.withDefaults().with(Allocation.PROPORTIONAL).plan(SEED_LIKE, 2);
        assertTrue(optimal.allCrime().audited() <= neyman.allCrime().audited());
        assertTrue(neyman.allCrime().audited() - optimal.allCrime().audited() <= 3, neyman + " vs " + optimal);
        assertTrue(optimal.allCrime().audited() <= proportional.allCrime().audited());
    }

    @Test
    void capsAtPopulationTakeSmallCategoriesWhole() {
        List<PlanningCategory> small = List.of(
                PlanningCategory.of(Category.of("violence", 25_000), 89),
                new PlanningCategory(Category.of("sexual offences", 2_500, 40), 95, OptionalLong.of(100)));
        AllocationPlan plan = AllocationPlanner.withDefaults().plan(small, 3);
        // a minimum above the population takes the category whole, and it adds no variance
        assertEquals(40, plan.categories().get(1).audited());
        assertEquals(0, plan.categories().get(1).margin());
        assertTrue(margin(small, counts(plan)) <= 0.03);
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AllocationPlanner.withDefaults().plan(List.of(), 2));
        assertTrue(e.getMessage().contains("categories"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AllocationPlanner.withDefaults().plan(
                List.of(PlanningCategory.of(Category.of("a", 1), 90), PlanningCategory.of(Category.of(" A ", 2), 90)), 2));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AllocationPlanner.withDefaults().withMinimum(-1));
        assertTrue(e.getMessage().contains("minimum (-1)"), e.getMessage());
        assertEquals(Allocation.NEYMAN, Token.parse(Allocation.class, "allocation", "Neyman"));
        e = assertThrows(IllegalArgumentException.class, () -> Token.parse(Allocation.class, "allocation", "best"));
        assertTrue(e.getMessage().contains("proportional, neyman, optimal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlanningCategory.of(Category.of("a", 1), 120));
        assertTrue(e.getMessage().contains("(120)"), e.getMessage());
    }

    /**
     * Issue 16: {@code plan --minimum 10^8} planned more records than the volume. A category is never
     * asked for more records than it has: its population, else its volume; the minimum is cut to it.
     */
    @Test
    void noCategoryIsAskedForMoreRecordsThanItHas() {
        for (long minimum : new long[] {100_000_000L, 30_000, 25_001, Long.MAX_VALUE}) {
            for (Allocation allocation : Allocation.values()) {
                AllocationPlan plan = AllocationPlanner.withDefaults().with(allocation).withMinimum(minimum)
                        .plan(SEED_LIKE, 2.5);
                for (int i = 0; i < SEED_LIKE.size(); i++) {
                    PlanningCategory c = SEED_LIKE.get(i);
                    long has = c.category().population().orElse(c.category().volume());
                    assertEquals(has, c.capacity());
                    assertEquals(Math.min(minimum, has), plan.categories().get(i).audited(), allocation + " " + c);
                }
            }
        }
        AllocationPlan all = AllocationPlanner.withDefaults().withMinimum(100_000_000L).plan(SEED_LIKE, 2.5);
        assertEquals(List.of(
                "violence: all 25,000 records audited (its volume, no population given): a category is never asked for "
                        + "more records than it has",
                "sexual offences: all 600 records audited (its population): a category is never asked for more records "
                        + "than it has",
                "other crime: all 35,000 records audited (its volume, no population given): a category is never asked for "
                        + "more records than it has"), all.notes());
        assertTrue(all.summary().contains("Note: violence: all 25,000 records audited"), all.summary());
        // a category's own minimum too
        AllocationPlan own = AllocationPlanner.withDefaults().plan(List.of(
                PlanningCategory.of(Category.of("violence", 250), 89, OptionalLong.of(1_000)),
                PlanningCategory.of(Category.of("other crime", 35_000), 93)), 3);
        assertEquals(250, own.categories().get(0).audited());
        // without populations a margin that even every category audited in full cannot give is refused
        ArgumentException e = assertThrows(ArgumentException.class, () -> AllocationPlanner.withDefaults().plan(List.of(
                PlanningCategory.of(Category.of("violence", 100), 50), PlanningCategory.of(Category.of("other", 300), 50)),
                2));
        assertEquals("margin", e.argument());
        // z sqrt(sum W^2 p q / N_h) = 1.959964 x sqrt(0.0625 x 0.25/100 + 0.5625 x 0.25/300) = 4.90%
        assertTrue(e.getMessage().contains("cannot be reached") && e.getMessage().contains("4.900%"), e.getMessage());
    }

    /** The margin in points and expected rates in percent; fraction-looking ones refused with the one hint. */
    @Test
    void targetsAreInPercent() {
        AllocationPlan percent = AllocationPlanner.withDefaults().plan(SEED_LIKE, 2.5);
        assertEquals(0.025, percent.targetMargin());
        assertEquals(percent, AllocationPlanner.withDefaults().inFractions().plan(SEED_LIKE, 0.025));
        assertEquals(0.891, PlanningCategory.of(Category.of("violence", 25_000), 89.1).expected());
        assertEquals(PlanningCategory.of(Category.of("violence", 25_000), 89.1),
                PlanningCategory.ofFraction(Category.of("violence", 25_000), 0.891, OptionalLong.empty()));
        for (double fraction : new double[] {0.025, 0.03, 0.5}) {
            ArgumentException e = assertThrows(ArgumentException.class,
                    () -> AllocationPlanner.withDefaults().plan(SEED_LIKE, fraction));
            assertTrue(e.getMessage().startsWith("margin (" + fraction + ") looks like a fraction, but planning targets"
                    + " are taken in percent"), e.getMessage());
            assertTrue(e.getMessage().contains("AllocationPlanner.inFractions()"), e.getMessage());
        }
        for (double fraction : new double[] {0.891, 0.5, 1}) {
            ArgumentException e = assertThrows(ArgumentException.class,
                    () -> PlanningCategory.of(Category.of("violence", 25_000), fraction));
            assertTrue(e.getMessage().startsWith("expected (" + fraction + ") looks like a fraction"), e.getMessage());
            assertTrue(e.getMessage().contains("PlanningCategory.ofFraction"), e.getMessage());
        }
        // 0 is 0 in either unit
        assertEquals(0, PlanningCategory.of(Category.of("violence", 25_000), 0).expected());
    }
}
