package example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.recordingrate.compare.ChangeTest;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.FunnelPlot;
import org.recordingrate.report.Paragraph;
import org.recordingrate.report.Report;

/**
 * A program embedding recording-rate: the report on one force and its plots, from the bundled
 * example files. Arguments: the folder of the data (default {@code ../data}) and the folder to write
 * to (default {@code target}).
 */
public final class InspectionReport {

    private InspectionReport() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../data");
        Path out = Path.of(args.length > 1 ? args[1] : "target");
        Files.createDirectories(out);

        Inspection before = InspectionFile.read(data.resolve("cdi-2017.csv")).get(0);
        Inspection after = InspectionFile.read(data.resolve("peel-2022.csv")).get(0);
        List<Inspection> forces = InspectionFile.read(data.resolve("forces-2022.csv"));

        // the published convention (Wald "+/-", two-sample z-test at 5%), as the inspectors print it
        Report report = Report.of(before, after).force("Cambridgeshire").since("2017").withForces(forces);
        for (Paragraph paragraph : report.paragraphs()) {
            System.out.println(paragraph);
        }
        Files.writeString(out.resolve("report.html"), report.html());
        Files.writeString(out.resolve("report.csv"), report.csv());
        report.forestPlot().write(out.resolve("forest.png"));

        // an exact test instead: the sentences say so
        System.out.println(report.with(ChangeTest.FISHER_EXACT).paragraphs().get(1));

        FunnelPlot funnel = FunnelPlot.of(forces);
        funnel.write(out.resolve("funnel.svg"));
        System.out.println(funnel);
        System.out.println("wrote report.html, report.csv, forest.png and funnel.svg to " + out);
    }
}
