package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.recordingrate.CsvText;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Category;
import org.recordingrate.model.Tally;

/**
 * What the planning results and planners say: the one-line {@code toString}, the summary, the notes
 * and the table as CSV, word for word. The numbers in them were each computed independently when
 * this test was written (Python 3.11, {@code statistics.NormalDist}, z = NormalDist().inv_cdf(0.975)):
 * <ul>
 *   <li>Wald at 90%, 554 and 553 audited: z sqrt(0.09/554) = 0.024981267128249926,
 *       z sqrt(0.09/553) = 0.02500384396713552 (Cochran 1977, eq. 4.1);</li>
 *   <li>Wilson with a population of 2,000 at 503 (453 expected) and 502 (452): the root of the
 *       score quadratic with the finite population correction, 0.0249557576802818 and
 *       0.025010735389757954 (as in {@code SampleSizePlannerTest});</li>
 *   <li>0.95^59 = 0.048494525249423104, 0.95^58 = 0.051046868683603266, 1 - 0.05^(1/59) =
 *       0.049507609888227;</li>
 *   <li>z-test (pooled) power at 640 from 512/640 to 83%: Phi((0.03 - z s0)/s1) = 0.2815237867969864,
 *       and to 85% at 1,454 and 1,453 with 640 before: 0.800001788529403 and 0.7999160796949932;</li>
 *   <li>a Monte Carlo error sqrt(0.401 x 0.599/2000) = 0.010958991741944146;</li>
 *   <li>category margins z sqrt(p(1 - p)/n (N - n)/(N - 1)): 0.04201937952997752 (89%, 213),
 *       0.10899681012115643 (95%, 15 of 600), 0.032080080433279916 (93%, 243), 0.5657928670380857
 *       (50%, 3); all crime sum W^2 p(1 - p)/n ...: 0.024984888748321006, expected 0.9148.</li>
 * </ul>
 */
class PlanTextTest {

    @Test
    void sampleSizes() {
        SampleSizePlanner planner = SampleSizePlanner.withDefaults();
        assertEquals("sample size: Wilson, 95%", planner.toString());
        assertEquals("sample size: Wald, 90%, targets in fractions",
                planner.with(IntervalMethod.WALD).withConfidence(0.9).inFractions().toString());
        assertEquals(IntervalMethod.WALD, planner.with(IntervalMethod.WALD).method());
        assertEquals(0.9, planner.withConfidence(0.9).confidence());

        SampleSize wald = planner.with(IntervalMethod.WALD).plan(2.5, 90);
        String line = "554 audited for a Wald margin of +/- 2.50 points at 90.0% expected (95%): +/- 2.498 points, "
                + "+/- 2.500 points at one fewer";
        assertEquals(line, wald.toString());
        assertEquals(line + "\n", wald.summary());
        assertEquals(List.of(), wald.notes());
        assertEquals("method,confidence,expected,target_margin,population,audited,expected_recorded,margin,"
                + "margin_one_fewer,notes\nwald,0.95,0.9,0.025,,554,499,0.024981267128249926,0.025003843967135515,\n",
                CsvText.of(wald));

        SampleSize wilson = planner.plan(2.5, 90, 2_000);
        assertEquals("503 audited for a Wilson margin of +/- 2.50 points at 90.0% expected (95%, population 2,000): "
                + "+/- 2.496 points, +/- 2.501 points at one fewer", wilson.toString());
        assertEquals("method,confidence,expected,target_margin,population,audited,expected_recorded,margin,"
                + "margin_one_fewer,notes\nwilson,0.95,0.9,0.025,2000,503,453,0.02495575768028324,0.025010735389757732,\n",
                CsvText.of(wilson));

        // at 100% expected Wald's margin is 0: one record, no count below it
        SampleSize one = planner.with(IntervalMethod.WALD).plan(2.5, 100);
        assertEquals("1 audited for a Wald margin of +/- 2.50 points at 100.0% expected (95%): +/- 0.000 points",
                one.toString());
        assertEquals("method,confidence,expected,target_margin,population,audited,expected_recorded,margin,"
                + "margin_one_fewer,notes\nwald,0.95,1,0.025,,1,1,0,,\n", CsvText.of(one));
    }

    @Test
    void upperBoundSizes() {
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults();
        UpperBoundSize size = planner.plan(5, 0);
        String line = "59 audited to show under 5.0% unrecorded with 0 found (95% one-sided; risk 0.04849 at 59, "
                + "0.05105 at 58)";
        assertEquals(line, size.toString());
        assertEquals(line + "\n", size.summary());
        assertEquals("confidence,tolerable,expected_errors,population,tolerable_count,audited,risk,risk_one_fewer,"
                + "upper_bound,notes\n0.95,0.05,0,,,59,0.048494525249423215,0.0510468686836034,0.04950760988822693,\n",
                CsvText.of(size));
        UpperBoundSize finite = planner.plan(5, 1, 1_000);
        assertEquals("90 audited to show under 5.0% unrecorded with 1 found (95% one-sided, population 1,000; "
                + "risk 0.04918 at 90, 0.05150 at 89)", finite.toString());
        assertEquals("confidence,tolerable,expected_errors,population,tolerable_count,audited,risk,risk_one_fewer,"
                + "upper_bound,notes\n0.95,0.05,1,1000,50,90,0.0491812416190188,0.051501853474389736,0.049,\n",
                CsvText.of(finite));
        // one audited, no count below it
        assertEquals("1 audited to show under 96.0% unrecorded with 0 found (95% one-sided; risk 0.04000 at 1)",
                planner.plan(96, 0).toString());
    }

    @Test
    void power() {
        PowerPlanner planner = PowerPlanner.withDefaults();
        assertEquals("power: z-test (pooled variance), two_sided at 0.05, normal approximation", planner.toString());
        assertEquals("power: Fisher's exact test, improved at 0.1, exact enumeration, changes in fractions",
                planner.with(ChangeTest.FISHER_EXACT).with(Alternative.IMPROVED).withSignificance(0.1).inFractions()
                        .toString());
        assertEquals(7, planner.withSimulation(2_000, 7).seed());
        assertEquals(2_000, planner.withSimulation(2_000, 7).replicates());

        PowerPoint point = planner.power(Tally.of(512, 640), 3, 640);
        String line = "power 0.2815 at 640 audited to detect +3.0 points from 80.0% (z-test (pooled variance), "
                + "two-sided, 5%)";
        assertEquals(line, point.toString());
        assertEquals(line + "\n", point.summary());
        assertEquals(0.83, point.rate(), 1e-15);
        assertEquals("previous_recorded,previous_audited,previous_rate,change,rate,test,power_method,alternative,"
                + "significance,audited,power,mc_error,notes\n512,640,0.8,0.03,0.8300000000000001,z_pooled,normal,"
                + "two_sided,0.05,640,0.2815237867969865,,\n", CsvText.of(point));

        PowerPoint simulated = planner.with(PowerMethod.SIMULATION).withSimulation(2_000, 7)
                .power(Tally.of(80, 100), -10, 120);
        assertEquals("power 0.4010 at 120 audited to detect -10.0 points from 80.0% (z-test (pooled variance), "
                + "two-sided, 5%), 2,000 replicates, seed 7, MC error 0.011", simulated.toString());
        assertEquals(0.7, simulated.rate(), 1e-15);
        assertEquals("previous_recorded,previous_audited,previous_rate,change,rate,test,power_method,alternative,"
                + "significance,audited,power,mc_error,notes\n80,100,0.8,-0.1,0.7000000000000001,z_pooled,simulation,"
                + "two_sided,0.05,120,0.401,0.010958991741944146,\n", CsvText.of(simulated));

        PowerSize size = planner.plan(Tally.of(512, 640), 5, 0.8);
        String sized = "1,454 audited for power 0.80: power 0.8000 at 1,454 audited to detect +5.0 points from 80.0% "
                + "(z-test (pooled variance), two-sided, 5%); 0.7999 at 1,453";
        assertEquals(sized, size.toString());
        assertEquals(sized + "\n", size.summary());
        assertEquals("target_power,previous_recorded,previous_audited,previous_rate,change,rate,test,power_method,"
                + "alternative,significance,audited,power,mc_error,power_one_fewer,notes\n0.8,512,640,0.8,0.05,"
                + "0.8500000000000001,z_pooled,normal,two_sided,0.05,1454,0.800001788529403,,0.7999160796949933,\n",
                CsvText.of(size));
        PowerSize first = planner.plan(Tally.of(0, 1_000), 95, 0.5);
        assertEquals("1 audited for power 0.50: power 1.0000 at 1 audited to detect +95.0 points from 0.0% "
                + "(z-test (pooled variance), two-sided, 5%)", first.toString());

        assertEquals(List.of("normal approximation", "exact enumeration", "seeded simulation"),
                java.util.Arrays.stream(PowerMethod.values()).map(PowerMethod::displayName).toList());
    }

    @Test
    void allocations() {
        AllocationPlanner planner = AllocationPlanner.withDefaults();
        assertEquals("allocation: smallest total (exact optimum), 95%, minimum 1", planner.toString());
        assertEquals("allocation: Neyman, 90%, minimum 5, margin in fractions",
                planner.with(Allocation.NEYMAN).withConfidence(0.9).withMinimum(5).inFractions().toString());
        assertEquals(Allocation.NEYMAN, planner.with(Allocation.NEYMAN).allocation());
        assertEquals(List.of("proportional", "Neyman", "smallest total (exact optimum)"),
                java.util.Arrays.stream(Allocation.values()).map(Allocation::displayName).toList());

        AllocationPlan plan = planner.plan(List.of(PlanningCategory.of(Category.of("violence", 25_000), 89),
                PlanningCategory.of(Category.of("sexual offences", 2_500, 600), 95),
                PlanningCategory.of(Category.of("other crime", 35_000), 93)), 2.5);
        String loose = "sexual offences: 15 audited gives +/- 10.9 points, more than twice the target +/- 2.5 points; "
                + "set a minimum per category (--minimum N, or withMinimum(N); \"minimum=N\" in JShell)";
        String headline = "smallest total (exact optimum): 471 audited for +/- 2.50 points on all crime (+/- 2.50 points "
                + "expected, 95%)";
        assertEquals(headline + ": violence 213 (+/- 4.20 points), sexual offences 15 (+/- 10.90 points), other crime "
                + "243 (+/- 3.21 points); " + loose, plan.toString());
        assertEquals(headline + "\n  violence: 213 audited, +/- 4.20 points at 89.0%\n  sexual offences: 15 audited, "
                + "+/- 10.90 points at 95.0%\n  other crime: 243 audited, +/- 3.21 points at 93.0%\nNote: " + loose,
                plan.summary());
        assertEquals(List.of(loose), plan.notes());
        assertEquals("category,volume,expected,audited,margin,notes\nviolence,25000,0.89,213,0.04201937952997752,\n"
                + "sexual offences,2500,0.95,15,0.10899681012115643,\"" + loose.replace("\"", "\"\"") + "\"\n"
                + "other crime,35000,0.93,243,0.032080080433279916,\nall crime,62500,0.9148,471,0.024984888748321003,\n",
                CsvText.of(plan));
        assertEquals("[violence: 213, sexual offences: 15, other crime: 243]", plan.plannedCategories().toString());
        assertEquals(List.of("violence", "sexual offences", "other crime", "all crime"),
                plan.rows().stream().map(CategoryAllocation::category).toList());

        // categories audited whole, by their volume (no population) and by their population
        AllocationPlan whole = planner.plan(List.of(PlanningCategory.of(Category.of("violence", 25_000), 89),
                PlanningCategory.of(Category.of("tiny", 3), 50, OptionalLong.of(10)),
                PlanningCategory.of(Category.of("rare", 40, 4), 80, OptionalLong.of(10)),
                PlanningCategory.of(Category.of("other crime", 35_000), 93)), 2.5);
        String tinyWhole = "tiny: all 3 records audited (its volume, no population given): a category is never asked "
                + "for more records than it has";
        String tinyLoose = "tiny: 3 audited gives +/- 56.6 points, more than twice the target +/- 2.5 points; set a "
                + "minimum per category (--minimum N, or withMinimum(N); \"minimum=N\" in JShell)";
        String rareWhole = "rare: all 4 records audited (its population): a category is never asked for more records "
                + "than it has";
        assertEquals(List.of(tinyWhole, tinyLoose, rareWhole), whole.notes());
        assertEquals("rare: 4 audited, +/- 0.00 points at 80.0%", whole.categories().get(2).toString());
        assertEquals("tiny,3,0.5,3,0.5657928670380857,\"" + tinyWhole + "; " + tinyLoose.replace("\"", "\"\"") + "\"",
                CsvText.of(whole).split("\n")[2]);
        assertEquals("rare,40,0.8,4,0," + rareWhole, CsvText.of(whole).split("\n")[3]);
    }
}
