// Trends over inspections and the Bayesian view, one line each. Run after startup.jsh, from the
// project root (README's jshell command, then /open examples/trend-and-posterior.jsh).

// A force's violence tallies at three inspections: the Cochran-Armitage trend (R's prop.trend.test).
var violence = TrendAnalysis.of(new double[] {2014, 2017, 2022}, tally(150, 200), tally(171, 205), tally(188, 202))
println(violence.sentence())

// The same from published figures (percent): the fixed-effect meta-regression (metafor's rma, method "FE").
var published = TrendAnalysis.of(new double[] {2014, 2017, 2022}, published(74.5, 3.6), published(80.0, 3.1), published(89.1, 4.3))
println(published)

// Every series of an inspection file with a year column: each category and all crime of each force.
var trends = TrendAnalysis.withDefaults().trends(TrendFile.read(CsvInput.read(java.nio.file.Path.of("examples/data/trend-inspections.csv")), "year", java.util.List.of("force")))
println(trends.trend("Southshire", "all crime").sentence())

// A tally's posterior (Jeffreys' prior), the probability that the rate improved, an inspection's all crime.
println(BayesEstimator.of(188, 202))
var change = BayesEstimator.change(tally(512, 640), tally(188, 202))
println(change.sentence())
println(BayesEstimator.withDefaults().with(Prior.UNIFORM).withReplicates(20_000).estimate(inspection("examples/data/peel-2022.csv")))

// Many forces at once: the hierarchical beta-binomial model's shrunken violence rates.
var shrunk = BayesEstimator.withDefaults().acrossInspections(inspections("examples/data/forces-2022.csv"), "violence")
println(shrunk)
println(shrunk.forces().get(0))
if (!(change.probabilityImproved() > 0.999)) throw new AssertionError(change.toString())
