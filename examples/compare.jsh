// Change between inspections: two tallies, then two inspection files.
// Run after startup.jsh, from the project root.

// Violence: 512 of 640 recorded in 2017, 188 of 202 in 2022.
var before = tally(512, 640)
var after = tally(188, 202)
println(Comparison.withDefaults().compare(before, after))

// Every interval for the change, and every test, on the same tables.
for (DifferenceMethod m : DifferenceMethod.values()) System.out.printf("%-20s %s%n", m.token(), m.interval(before, after, 0.95));
for (ChangeTest t : ChangeTest.values()) println(t.test(before, after, Alternative.TWO_SIDED))

// Small tallies, where exact tests matter: 7 of 34 against 1 of 34 (Fagerland, Lydersen and Laake 2015).
println(ChangeTest.BOSCHLOO.test(tally(1, 34), tally(7, 34), Alternative.TWO_SIDED))
println(ChangeTest.FISHER_EXACT.test(tally(1, 34), tally(7, 34), Alternative.TWO_SIDED))

// Two inspection files: each category (Holm-adjusted verdicts), all crime, Cochran-Mantel-Haenszel.
var earlier = inspections("examples/data/cdi-2017.csv").get(0)
var later = inspections("examples/data/peel-2022.csv").get(0)
var change = Comparison.withDefaults().with(ChangeTest.FISHER_EXACT).compare(earlier, later)
println(change.summary())
if (change.allCrime().verdict() != Verdict.IMPROVEMENT) throw new AssertionError("expected an improvement")
