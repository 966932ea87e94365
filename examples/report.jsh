// The inspectors' report and its plots from JShell. Run after startup.jsh, from the project root:
//   jshell --class-path target/recording-rate-cli.jar --startup DEFAULT --startup PRINTING --startup examples/startup.jsh examples/report.jsh
import org.recordingrate.report.*;

// Two inspections of one force; the report says them in the inspectors' words (published convention).
var before = inspections("examples/data/cdi-2017.csv").get(0)
var after = inspections("examples/data/peel-2022.csv").get(0)
var report = Report.of(before, after).force("Cambridgeshire").since("2017")
for (Paragraph p : report.paragraphs()) println(p)
println(report.shownTable().renderText())

// Other choices are named in the sentences.
println(report.with(AllCrimeMethod.WILSON).with(ChangeTest.FISHER_EXACT).paragraphs().get(1))

// The seed report's all-crime paragraph, word for word from its published figures.
var seed = published(93.2, 2.3).compareWith(published(87.8, 1.7))
println(InspectorsWords.about("Cambridgeshire Constabulary").since("2017").allCrime(seed, OptionalLong.of(4500)))

// The plots: SVG as text, PNG painted without a display.
Files.createDirectories(Path.of("target"))
report.forestPlot().write(Path.of("target/forest-jshell.svg"))
var funnel = FunnelPlot.of(inspections("examples/data/forces-2022.csv"))
println(funnel)
for (var force : funnel.beyond95()) println(force)
funnel.category("violence").write(Path.of("target/funnel-violence-jshell.png"))
