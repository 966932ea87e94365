// The all-crime paragraph of the seed report, and an all-crime estimate from an inspection file.
// Run after startup.jsh, from the project root.

// "We estimate that the force is recording 93.2 percent (+/- 2.3 percent) of all reported crime
//  (excluding fraud). This is a statistically significant improvement compared with our previous
//  2017 inspection, where we found 87.8 percent (+/- 1.7 percent)."
var current = published(93.2, 2.3)
var previous = published(87.8, 1.7)
var change = current.compareWith(previous)
println(change)
if (change.verdict() != Verdict.IMPROVEMENT) throw new AssertionError("published: statistically significant improvement")
System.out.printf("z = %.2f (the reference README gives 3.70)%n", change.z())

// The inspection file: categories weighted by their recorded volume.
var peel = inspections("examples/data/peel-2022.csv").get(0)
var estimate = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD).estimate(peel)
println(estimate.summary())
println("the force didn't record more than " + estimate.allCrime().unrecorded().moreThan().getAsLong() + " crimes")

// The same with the survey variance (no population given: no finite population correction) and Korn-Graubard.
println(InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD).with(VarianceConvention.SURVEY).estimate(peel))
