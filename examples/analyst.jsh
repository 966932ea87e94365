// An analyst's session, for someone who knows R better than Java. Run after startup.jsh, from
// the project root (README shows the one-line jshell command). Lines ending without ';' are fine.
// In R terms: estimate() is binom.confint, compare() is prop.test / fisher.test, published() is
// the report's "rate +/- margin", save() is write.csv.

// 1. The seed report's paragraph, from its published figures alone (percent, as printed):
//    "93.2 percent (+/- 2.3 percent) ... a statistically significant improvement on 87.8 percent
//    (+/- 1.7 percent) ... didn't record more than 4,500 crimes".
var now = published(93.2, 2.3)
var then = published(87.8, 1.7)
var change = now.compareWith(then)          // two-sample z-test on the standard errors margin / 1.96
println(change)                             // prints in percent; change.z(), change.pValue() are numbers
show(change)                                // summary(): both figures, change, test, verdict
if (change.verdict() != Verdict.IMPROVEMENT) throw new AssertionError("the report says improvement")
// "more than 4,500": the force recorded about 62,000 crimes; the rule is documented in UnrecordedCrimes
println(now.unrecorded(62_000))

// 2. Our own audit: 180 of 202 violence reports recorded (like binom.confint(180, 202, methods = "wilson")).
var violence = estimate(180, 202)
println(violence)                           // 89.1% (95% CI ...); violence.lower() is a fraction
println(estimate(180, 202, "jeffreys"))     // any method by its name; methods() lists them
println(estimate(180, 202, "clopper_pearson", 0.99))

// 3. The whole inspection from its file (a row per category with its volume), and last time's.
var peel = inspection("examples/data/peel-2022.csv")
var cdi = inspection("examples/data/cdi-2017.csv")
show(estimate(peel))                        // categories and all crime, weighted by volume
println(estimate(peel, AllCrimeMethod.KORN_GRAUBARD, VarianceConvention.SURVEY))

// 4. Compared with last year's (like prop.test(c(x2, x1), c(n2, n1)) per category, p.adjust(..., "holm")).
var since = compare(cdi, peel)
show(since)
println(compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact"))

// 5. Saved with the command line's columns, for R: read.csv("target/analyst-estimate.csv").
println(save(estimate(peel), "target/analyst-estimate.csv"))
println(save(since, "target/analyst-change.json"))

// 6. The auditors' own record-level files (a row per audited crime, crimes grouped in incidents),
//    with the categories' volumes: the survey variance allows for the incidents (design effect).
var records = inspection("examples/data/audit-2022.csv", "examples/data/volumes.csv")
show(estimate(records, AllCrimeMethod.WALD, VarianceConvention.SURVEY))
