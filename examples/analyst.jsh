// An analyst's whole analysis, for someone who knows R better than Java: no Java to write beyond
// `var x = verb(..)`. Run from the project root with README's jshell command (nothing to import:
// examples/startup.jsh imports every package). Options are the command line's tokens as strings.
// Results print in percent and points; accessors and saved CSVs hold fractions (read.csv in R).

// 1. The published figures (R: by hand, or svyciprop): "93.2 percent (+/- 2.3) ... a statistically
//    significant improvement on 87.8 percent (+/- 1.7) ... didn't record more than 4,500 crimes".
var published = reproduce(93.2, 2.3, 87.8, 1.7)            // the later figure first, as reports print them
var unrecorded = reproduce(93.2, 2.3, "volume=62000", "more_than=4500")
save(published, "target/analyst-published.csv")

// 2. Our own audit, typed in one line (name, then per category: name, recorded, audited, volume),
//    and last time's from its file. R: binom.confint(188, 202, methods = "all").
var peel = inspection("PEEL 2022", "violence", 180, 202, 25000, "sexual offences", 131, 132, 2500, "other crime", 211, 220, 35000)
var cdi = inspection("examples/data/cdi-2017.csv")
var every = estimate(188, 202, "all")                        // every interval method, a row each
save(every, "target/analyst-methods.csv")
var ours = estimate(peel)                                    // each category and all crime (Wilson)
show(ours)
save(ours, "target/analyst-estimate.csv")
estimate(peel, "korn_graubard", "survey")                    // R: svyciprop(.., method = "beta")

// 3. The change since the last inspection, the earlier first (from(..).to(..) makes the order plain).
//    R: prop.test(c(188, 512), c(202, 640)) is the Wald interval with continuity correction.
var change = from(cdi).to(peel)                              // each category (Holm), all crime, CMH
show(change)
save(change, "target/analyst-change.csv")
var propTest = compare(tally(512, 640), tally(188, 202), "wald_cc", "chisq_yates")
save(propTest, "target/analyst-prop-test.csv")
compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact")   // R: fisher.test

// 4. Resampling (R: boot.ci; coin): seeded, the same answer on any machine.
var boot = bootstrap(cdi, peel, "replicates=20000", "seed=2022")
save(boot, "target/analyst-bootstrap.csv")
var perm = permute(cdi, peel, "replicates=20000", "seed=2022")   // two-sided, each category and all crime
save(perm, "target/analyst-permutation.csv")

// 5. Next year's audit: sizes, power, allocation with a floor per category, and the draw.
var size = plan(3, 90)                                       // +/- 3 points at an expected 90%
var pow = power(tally(512, 640), 5, 200)                     // power to detect +5 points with 200 audited
var next = allocate(peel, 3, "minimum=50")                   // without minimum= a small category gets few
save(next, "target/analyst-plan.csv")
var sample = select("examples/data/population.csv", next, "seed=2022")
save(sample, "target/analyst-sample.csv")

// 6. Among the forces (R: metafor rma and blup, FunnelPlotR, csranks).
var forcesNow = forces(inspections("examples/data/forces-2022.csv"), "replicates=2000", "seed=1")
save(forcesNow, "target/analyst-forces.csv")
save(funnel(forcesNow, "highlight=force 07"), "target/analyst-funnel.svg")
save(ranks(forcesNow), "target/analyst-ranks.svg")

// 7. Over time (R: prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022))).
var overTime = trend(2014, tally(150, 200), 2017, tally(171, 205), 2022, tally(188, 202))
save(overTime, "target/analyst-trend.csv")
var series = trend("examples/data/trend-inspections.csv", "time=year", "by=force")
save(trendPlot(series, "force=Northshire"), "target/analyst-trend.svg")

// 8. Bayesian (R: jfa): the probability that the rate improved, and each category's posterior.
var better = posterior(tally(512, 640), tally(188, 202))
save(better, "target/analyst-posterior.csv")
show(posterior(peel, "replicates=20000", "seed=2022"))

// 9. How well the intervals cover at our size (R: binom's binom.coverage).
var cover = coverage(202, "all", "rate=0.93")
save(cover, "target/analyst-coverage.csv")

// 10. The inspectors' report and its plots.
var report = report(cdi, peel, "Our Force")
show(report)
save(report, "target/analyst-report.csv")
save(forest(report), "target/analyst-forest.png")
