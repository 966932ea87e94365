package org.recordingrate.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Token;
import org.recordingrate.plan.Allocation;
import org.recordingrate.plan.PowerMethod;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.Enumeration;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.Shrinkage;
import org.recordingrate.select.SelectionMethod;
import org.recordingrate.trend.TrendMethod;

/**
 * What {@code help()} and {@code help("verb")} print: every verb of {@link RecordingRate}, grouped as
 * an analysis runs, each with its forms and examples, and the options it takes (read from the
 * verb's own option declarations, so the list of tokens cannot drift from what the verb accepts).
 */
final class Help {

    /** A verb: the group it is listed under, its one-line example, its forms, and its options. */
    private record Entry(String group, String line, String forms, List<Supplier<Options>> options) {
    }

    private static final Map<String, Entry> VERBS = new LinkedHashMap<>();

    private static void verb(String name, String group, String line, String forms, List<Supplier<Options>> options) {
        VERBS.put(Args.token(name), new Entry(group, line, forms, options));
    }

    static {
        String data = "Data";
        verb("tally", data, "tally(188, 202)                            188 of 202 audited reports recorded",
                """
                tally(188, 202)                 recorded, audited
                tally("188/202")                as the command line writes it""", List.of());
        verb("inspection", data, "inspection(\"PEEL 2022\", \"violence\", 180, 202, 25000, ...)   an inspection in one line",
                """
                inspection("PEEL 2022", "violence", 180, 202, 25000, "other crime", 211, 220, 35000)
                                                per category: name, recorded, audited, volume[, population]
                inspection("examples/data/peel-2022.csv")          the one inspection of a file
                inspection("examples/data/audit-2022.csv", "examples/data/volumes.csv")
                                                a record-level audit file (a row per audited crime) with its volumes
                A year in the name ("PEEL 2022") lets comparisons check their order.""", List.of());
        verb("inspections", data, "inspections(\"examples/data/forces-2022.csv\")   every inspection of a file",
                """
                inspections("examples/data/forces-2022.csv")       every inspection (force) of a file, in order
                inspections("examples/data/audit-2022.csv", "examples/data/volumes.csv")""", List.of());
        verb("published", data, "published(93.2, 2.3)                       a published \"rate +/- margin\", in percent",
                """
                published(93.2, 2.3)            rate and "+/-" in percent, as printed (0.932 is refused: say 93.2)
                published(93.2, 2.3).unrecorded(62000)               the crimes not recorded, for a volume""",
                List.of());

        String estimates = "Estimates (R: binom.confint, svyciprop)";
        verb("estimate", estimates, "estimate(188, 202)   estimate(188, 202, \"all\")   estimate(peel, \"korn_graubard\", \"survey\")",
                """
                estimate(188, 202)                          rate with a 95% Wilson interval
                estimate(180, 202, "jeffreys")              another method by its token (methods() lists them)
                estimate(188, 202, "all")                   every method, as binom.confint(188, 202, methods = "all")
                estimate(188, 202, "clopper_pearson", 0.99) or "confidence=0.99"
                estimate(188, 202, IntervalMethod.JEFFREYS) by the method itself: the estimate, not a list
                estimate(peel)                              every category and all crime (Wilson, binomial variance)
                estimate(peel, "korn_graubard", "survey")   as estimate FILE --method korn_graubard --variance survey
                estimate(peel, "all")                       every all-crime method, with a method column
                estimate(inspections("examples/data/forces-2022.csv"))   every force
                With tokens the answer is a list (Results): .get(0) is the estimate; it prints and saves as one.""",
                List.of(RecordingRate::estimateTallyOptions, RecordingRate::estimateInspectionOptions));

        String changes = "Change between inspections (R: prop.test, fisher.test, mantelhaen.test, p.adjust)";
        verb("compare", changes, "compare(tally(512, 640), tally(188, 202))   compare(cdi, peel)   the earlier first",
                """
                compare(tally(512, 640), tally(188, 202))            the earlier first: change = later - earlier
                compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact", "improved")
                compare(tally(512, 640), tally(188, 202), "wald_cc", "chisq_yates")
                                                            R's prop.test(c(188, 512), c(202, 640)): interval and p
                compare(before, after, "permutation", "seed=42")     a permutation test (replicates=, seed=)
                compare(cdi, peel)                          each category (Holm), all crime, Cochran-Mantel-Haenszel
                compare(cdi, peel, "fisher_exact", "survey", "adjust=none")
                compare(published(87.8, 1.7), published(93.2, 2.3))  published figures, the earlier first
                Defaults: Miettinen-Nurminen interval, pooled z-test, two-sided, 95%, 5%, Holm
                (report uses the inspectors' Wald interval and two-sample z-test: its table names the test).
                R's prop.test takes the later group first; here the earlier comes first. To make the order
                plain, write from(before).to(after). Names with years in the other order get a note.""",
                List.of(RecordingRate::compareInspectionOptions));
        verb("from", changes, "from(cdi).to(peel)                         the order-proof way to compare",
                """
                from(tally(512, 640)).to(tally(188, 202))            the same as compare(before, after)
                from(cdi).to(peel, "fisher_exact")                   options as compare's
                from(published(87.8, 1.7)).to(published(93.2, 2.3))""", List.of(RecordingRate::compareInspectionOptions));

        String figures = "Published figures";
        verb("reproduce", figures, "reproduce(93.2, 2.3, 87.8, 1.7)            the published comparison: z, p, verdict",
                """
                reproduce(93.2, 2.3, 87.8, 1.7)             the later figure first, as reports print them
                reproduce(93.2, 2.3, "volume=62000", "more_than=4500", "category=all crime")
                                                            unrecorded crimes, the volumes "more than 4,500" allows
                reproduce(86.5, 4.6, 88.9, 3.9, "verdict=statistically significant deterioration")
                                                            do the published words fit the figures? (consistent)""",
                List.of(RecordingRate::reproduceOptions));
        verb("fromText", figures, "fromText(\"examples/data/report-paragraph.txt\")   every figure in a report's text, checked",
                """
                fromText("examples/data/report-paragraph.txt")       text or PDF files, or folders of them
                fromText("report.txt").withVolume("all crime", 72000)   checks "didn't record more than N"
                fromText("reports").inconsistent()                    the figures the words contradict""", List.of());

        String resampling = "Resampling (R: boot, boot.ci; coin)";
        verb("bootstrap", resampling, "bootstrap(tally(180, 202))   bootstrap(peel)   bootstrap(cdi, peel)",
                """
                bootstrap(tally(180, 202))                  BCa, 100,000 replicates, seed 1, 95%
                bootstrap(tally(180, 202), "percentile", "replicates=1000000", "seed=42")
                bootstrap(peel)                             every category and all crime (incidents when named)
                bootstrap(tally(512, 640), tally(188, 202)) the change, the earlier first
                bootstrap(cdi, peel)                        the change per category and all crime""",
                List.of(RecordingRate::bootstrapOptions));
        verb("permute", resampling, "permute(tally(512, 640), tally(188, 202))   permute(cdi, peel)   two-sided",
                """
                permute(tally(512, 640), tally(188, 202))   the permutation test of the change, two-sided
                permute(cdi, peel)                          each category, then all crime stratified by category
                permute(cdi, peel, "improved", "seed=42")   one-sided; enumerated when cheap (Fisher's test)""",
                List.of(RecordingRate::permuteOptions));

        String planning = "Planning the next audit";
        verb("plan", planning, "plan(3, 90)   plan(tally(512, 640), 5, 0.8)   audited for +/- 3 points; for power",
                """
                plan(3, 90)                                 audited for +/- 3 points at an expected 90% (Wilson, 95%)
                plan(2.5, 90, "wald")                       by another method; "population=2000" for a finite one
                plan(tally(512, 640), 5, 0.8)               audited to detect +5 points with power 0.8 (pooled z)
                Targets in percent, as published figures: plan(0.03, 0.9) is refused with the way out.""",
                List.of(RecordingRate::planOptions, RecordingRate::powerOptions));
        verb("power", planning, "power(tally(512, 640), 5, 200)             the power of 200 audited to detect +5 points",
                """
                power(tally(512, 640), 5, 200)              normal approximation, pooled z-test, two-sided 5%
                power(tally(512, 640), 5, 200, "fisher_exact", "exact")   exact power of Fisher's test""",
                List.of(RecordingRate::powerOptions));
        verb("upperBound", planning, "upperBound(5, 0)                           59 records with none unrecorded show < 5%",
                """
                upperBound(5, 0)                            at 95% one-sided: 59 (0.95^59 < 0.05)
                upperBound(5, 1, "population=1000")         one unrecorded allowed, from 1,000 records""", List.of());
        verb("allocate", planning, "allocate(peel, 3, \"minimum=50\")             next audit's counts per category for +/- 3 points",
                """
                allocate(peel, 3)                           optimal allocation for +/- 3 points on all crime,
                                                            with this audit's volumes and rates as expected
                allocate(peel, 3, "minimum=50")             at least 50 in each category: without it the optimum
                                                            may audit a small category so little that its own
                                                            margin is wide (the plan's notes say when it passes
                                                            twice the target)
                allocate(List.of(planning("violence", 25000, 89), planning("other crime", 35000, 93)), 3, "neyman")""",
                List.of(RecordingRate::allocateOptions));
        verb("planning", planning, "planning(\"violence\", 25000, 89)            a category to plan: volume, expected %",
                """
                planning("violence", 25000, 89)             name, volume, expected rate in percent (for allocate)""",
                List.of());

        verb("select", planning, "select(\"examples/data/population.csv\", plan, \"seed=2022\")   draw the planned records",
                """
                select("examples/data/population.csv", allocate(peel, 3, "minimum=50"), "seed=2022")
                                                            the records to audit, drawn by permanent random numbers
                select("examples/data/population.csv", Map.of("violence", 120, "other crime", 150), "seed=7", "srs")
                save(sample, "sample.csv")                  the sample list, as select --out writes it
                The seed is required: write it down (the same seed draws the same records).""",
                List.of(RecordingRate::selectOptions));

        String across = "Many forces, over time, Bayesian (R: metafor rma and blup, FunnelPlotR, csranks, prop.trend.test, jfa)";
        verb("forces", across, "forces(inspections(\"examples/data/forces-2022.csv\"))   funnel, shrinkage, ranks, national rate",
                """
                forces(inspections("examples/data/forces-2022.csv"))     all crime of every force
                forces(inspections("examples/data/forces-2022.csv"), "category=violence")
                forces("examples/data/published-forces.csv", "columns=force=Force,rate=Recording rate (%),\
                margin=Confidence interval (+/- %),volume=Crimes recorded (12 months),category=Crime type",
                       "category=all crime (excluding fraud)", "by=Region")   published figures, as forces FILE --columns
                f.force("Northmoor Police")   f.national()   save(f, "forces.csv")   funnel(f)   ranks(f)""",
                List.of(RecordingRate::forcesOptions));
        verb("ranks", across, "save(ranks(f), \"ranks.svg\")                every force's rank with its intervals",
                """
                ranks(forces(inspections("examples/data/forces-2022.csv")))   marginal and simultaneous rank intervals
                ranks(f, "highlight=force 07", "title=Ranks")""", List.of());
        verb("trend", across, "trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202))   slope a year",
                """
                trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202))
                                                            Cochran-Armitage, as prop.trend.test(.., score = years)
                trend(2014, published(74.5, 3.6), 2017, published(80.0, 3.1), 2022, published(89.1, 4.3))
                                                            published figures: fixed-effect meta-regression on time
                trend("examples/data/trend-inspections.csv", "time=year", "by=force")   every series of a file
                trend("examples/data/trend-figures.csv", "time=inspection_year",
                      "columns=category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct")""",
                List.of(RecordingRate::trendOptions));
        verb("trendPlot", across, "save(trendPlot(t, \"force=Northshire\"), \"trend.svg\")   rates over time, fitted lines",
                """
                trendPlot(trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202)))
                trendPlot(trend("examples/data/trend-inspections.csv", "time=year", "by=force"), "force=Northshire")""",
                List.of());
        verb("posterior", across, "posterior(tally(512, 640), tally(188, 202))   P(improvement); posterior(tally(188, 202))",
                """
                posterior(tally(188, 202))                  Beta posterior (Jeffreys), credible and HPD intervals
                posterior(tally(188, 202), "prior=uniform") or "prior=2,1" for Beta(2, 1)
                posterior(tally(512, 640), tally(188, 202)) P(later rate higher), the change's posterior
                posterior(peel)                             each category and all crime (seeded simulation)
                posterior(inspections("examples/data/forces-2022.csv"), "category=violence")   hierarchical""",
                List.of(RecordingRate::posteriorOptions));
        verb("coverage", across, "coverage(202, \"wald\", \"rates=0.8:0.999:0.001\")   how often an interval covers",
                """
                coverage(202, "all", "rate=0.93")           exact coverage of every method at a true rate (a fraction)
                coverage(202, "wald", "rates=0.8:0.999:0.001")   over a grid of true rates
                coverage(640, 202, "newcombe", "rate_before=0.8", "rate_after=0.93")   a change interval
                coverage(peel, "all", "replicates=20000", "seed=2022")   the all-crime interval, simulated""",
                List.of(RecordingRate::coverageOptions, RecordingRate::changeCoverageOptions,
                        RecordingRate::designCoverageOptions));
        verb("coveragePlot", across, "save(coveragePlot(coverage(202, \"all\", \"rates=0.8:0.99:0.001\")), \"c.svg\")",
                """
                coveragePlot(coverage(202, "wald", "rates=0.8:0.999:0.001"))   up to 8 curves; "title=.." """,
                List.of());

        String reports = "Reports and plots";
        verb("report", reports, "report(cdi, peel, \"Cambridgeshire\")      the inspectors' paragraphs; show(r)",
                """
                report(cdi, peel, "Cambridgeshire")         the published convention: Wald "+/-", two-sample z-test
                report(cdi, peel, "Cambridgeshire", "since=2017", "wilson", "change_method=newcombe")
                show(r)   r.markdown()   r.html()   save(r, "report.csv")   forest(r)
                Its table names the test beside every p-value; compare's defaults differ.""",
                List.of(RecordingRate::reportOptions));
        verb("forest", reports, "save(forest(r), \"forest.png\")             the changes with their intervals",
                """
                forest(report)                              the report's changes and intervals
                forest(cdi, peel, "newcombe")               of a comparison (options as compare's)
                save(forest(cdi, peel), "forest.svg")       SVG, or PNG for a .png name""",
                List.of(RecordingRate::compareInspectionOptions));
        verb("funnel", reports, "save(funnel(inspections(\"examples/data/forces-2022.csv\")), \"funnel.svg\")",
                """
                funnel(inspections("examples/data/forces-2022.csv"))            all crime, 95% and 99.8% limits
                funnel(forces, "category=violence", "highlight=Force 07", "target=88")
                funnel(forces("examples/data/published-forces.csv", ..), "highlight=Northmoor Police")
                                                            the funnel of a forces analysis (its limits and allowance)""", List.of());

        String saving = "Saving and showing (R: write.csv)";
        verb("save", saving, "save(result, \"out.csv\")                    the command line's columns; .json for JSON",
                """
                save(result, "out.csv")                     any result, with the command line's columns and notes
                save(result, "out.json")                    JSON
                save(List.of(a, b), "both.csv")             several results of one kind as one table
                save(plot, "plot.png")                      a plot: .svg or .png
                In R: read.csv("out.csv"); rates, bounds and margins are fractions.""", List.of());
        verb("show", saving, "show(result)                               the result's summary: every row, the notes",
                """
                show(result)                                prints result.summary()""", List.of());
        verb("help", saving, "help(\"compare\")                            one verb; methods() for every token",
                """
                help()                                      every verb
                help("compare")                             one verb: forms, examples, options""", List.of());
        verb("methods", saving, "methods()                                  every method and test by token",
                """
                methods()                                   the tokens the verbs' options accept""", List.of());
    }

    private Help() {
    }

    /** The verbs that have help, as typed ({@code fromtext} for {@code fromText}: names are matched ignoring case). */
    static List<String> verbs() {
        return new ArrayList<>(VERBS.keySet());
    }

    static String overview() {
        StringBuilder text = new StringBuilder("recording-rate in JShell: results print in percent and points,"
                + " accessors give fractions.\nOptions are the command line's tokens as strings, in any order:"
                + " estimate(188, 202, \"jeffreys\", \"confidence=0.99\").\n");
        String group = "";
        for (Entry entry : VERBS.values()) {
            if (!entry.group().equals(group)) {
                group = entry.group();
                text.append('\n').append(group).append('\n');
            }
            text.append("  ").append(entry.line()).append('\n');
        }
        text.append("\nhelp(\"verb\") for one verb and its options; Shift-Tab after a verb's \"(\" for its forms "
                + "(twice, with README's command, for its documentation).\n");
        return text.toString();
    }

    static String verb(String verb) {
        Entry entry = VERBS.get(Args.token(verb));
        if (entry == null) {
            throw new ArgumentException("verb", "verb (" + (verb == null ? "null" : "'" + verb + "'")
                    + ") must be one of " + String.join(", ", VERBS.keySet()));
        }
        StringBuilder text = new StringBuilder(entry.forms().strip()).append('\n');
        for (Supplier<Options> options : entry.options()) {
            text.append("options: ").append(options.get().accepted().replaceFirst("^it takes ", "")).append('\n');
        }
        return text.toString();
    }

    static String methods() {
        return "one category (estimate):      " + Token.tokens(IntervalMethod.class) + ", all\n"
                + "all crime (estimate):         " + Token.tokens(AllCrimeMethod.class) + ", all\n"
                + "variance (all crime):         " + Token.tokens(VarianceConvention.class) + "\n"
                + "change interval (compare):    " + Token.tokens(DifferenceMethod.class) + "\n"
                + "change test (compare):        " + Token.tokens(ChangeTest.class) + ", permutation\n"
                + "alternative:                  " + Token.tokens(Alternative.class) + "\n"
                + "p-value adjustment:           " + Token.tokens(PValueAdjustment.class) + "\n"
                + "bootstrap interval:           " + Token.tokens(BootstrapInterval.class) + "\n"
                + "permutation enumeration:      " + Token.tokens(Enumeration.class) + "\n"
                + "power method (plan):          " + Token.tokens(PowerMethod.class) + "\n"
                + "allocation (allocate):        " + Token.tokens(Allocation.class) + "\n"
                + "selection (select):           " + Token.tokens(SelectionMethod.class) + "\n"
                + "over-dispersion (forces):     " + Token.tokens(Overdispersion.class) + "\n"
                + "funnel limits (forces):       " + Token.tokens(FunnelLimits.class) + "\n"
                + "shrinkage (forces):           " + Token.tokens(Shrinkage.class) + "\n"
                + "trend method (trend):         " + Token.tokens(TrendMethod.class) + "\n"
                + "prior (posterior):            jeffreys, uniform, A,B\n";
    }
}
