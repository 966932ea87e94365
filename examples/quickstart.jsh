// Quick start: the seed report's figures (HMICFRS PEEL 2021/22, Cambridgeshire Constabulary).
// Run after startup.jsh, from the project root.

// One category: 188 of 202 audited reports of violence recorded.
var violence = estimate(188, 202)
println(violence)
println(estimate(188, 202, IntervalMethod.CLOPPER_PEARSON, 0.99))

// Every method on a category where every audited crime was recorded: no exception, exact edges.
for (IntervalMethod m : IntervalMethod.values()) println(m.token() + ": " + estimate(132, 132, m))

// The published category figures: rate +/- margin, the standard errors and audited counts they imply,
// and the comparison with 2017 that the report calls a statistically significant improvement.
import java.nio.file.*
var figures = Files.readAllLines(Path.of("examples/data/published-figures.csv"))
for (String line : figures.subList(1, figures.size())) {
    String[] f = line.split(",");
    PublishedFigure now = PublishedFigure.fromPercent(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
    PublishedFigure then = PublishedFigure.fromPercent(Double.parseDouble(f[7]), Double.parseDouble(f[8]));
    PublishedComparison c = now.compareWith(then);
    System.out.printf("%-28s %s, implied audited about %.0f; %s%n", f[2], now, now.impliedAudited(), c);
    if (!c.verdict().words().equals(f[9])) throw new AssertionError(f[2] + ": " + c.verdict() + " but published " + f[9]);
}

// The case-file review tallies of the same report, each with a 95% Wilson interval.
var reviews = Files.readAllLines(Path.of("examples/data/seed-case-reviews.csv"))
for (String line : reviews.subList(1, reviews.size())) {
    String[] f = line.split(",");
    System.out.printf("%-58s %s%n", f[0], estimate(Long.parseLong(f[1]), Long.parseLong(f[2])));
}
