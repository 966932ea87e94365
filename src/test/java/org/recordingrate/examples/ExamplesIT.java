package org.recordingrate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The examples that need the built jars (failsafe, after {@code mvn package}): the whole-flow script
 * {@code examples/report-flow.sh} run with the executable jar, and the embedding program of
 * {@code examples/embedding} compiled against the library jar alone (as its pom.xml declares) and
 * run. The JShell examples run in {@link JShellExamplesTest}.
 */
class ExamplesIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theFlowScriptRuns(@TempDir Path out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin");
        ProcessBuilder builder = new ProcessBuilder("bash", "examples/report-flow.sh").directory(ROOT.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("OUT", out.toString());
        // the same Java as the build, first on the path
        env.put("PATH", java + File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("JAVA_TOOL_OPTIONS", "-Djava.awt.headless=true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the script finishes");
        assertEquals(0, process.exitValue(), output);
        // from the synthetic record-level audits, the seed report's all-crime paragraph word for word
        assertTrue(Files.readString(out.resolve("report-audits.md")).contains("We estimate that Cambridgeshire is recording "
                + "93.2 percent (with a confidence interval of +/- 2.3 percent) of all reported crime. This is a statistically "
                + "significant improvement compared with the findings from our previous 2017 inspection, where we found 87.8 "
                + "percent (with a confidence interval of +/- 1.7 percent). We estimate that Cambridgeshire didn't record "
                + "more than 4,500 crimes during the year covered by our inspection."));
        for (String file : List.of("plan.csv", "sample.csv", "report.md", "report.csv", "report.json", "report.html", "report-wilson.md",
                "forest.svg", "forest.png", "funnel.png", "funnel-violence.svg")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + "\n" + output);
        }
        assertTrue(output.contains("We estimate that Cambridgeshire is recording"), output);
        assertTrue(Files.readString(out.resolve("report-wilson.md")).contains("Wilson confidence interval"));
        assertTrue(Files.readString(out.resolve("report-wilson.md")).contains("(Fisher's exact test, holm-adjusted"));
        BufferedImage forest = ImageIO.read(out.resolve("forest.png").toFile());
        assertTrue(forest.getWidth() > 1000, "--scale 2");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h2>Funnel plot</h2>"));
    }

    private static Path jar(String pattern) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(pattern)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + pattern + " in target: run mvn package"));
        }
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void theEmbeddingProgramRunsOnTheLibraryJarAlone(@TempDir Path work) throws Exception {
        // its pom.xml depends on this very artifact
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document project = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        Document example = factory.newDocumentBuilder().parse(ROOT.resolve("examples/embedding/pom.xml").toFile());
        Element dependency = (Element) example.getElementsByTagName("dependency").item(0);
        Element root = project.getDocumentElement();
        assertEquals(text(root, "groupId"), text(dependency, "groupId"));
        assertEquals(text(root, "artifactId"), text(dependency, "artifactId"));
        assertEquals(text(root, "version"), text(dependency, "version"));

        // compiled against the library jar and its two runtime dependencies: no picocli, no test classes
        Path library = jar("recording-rate-[0-9][0-9.]*(-SNAPSHOT)?\\.jar");
        List<Path> classpath = List.of(library, codeSource(org.apache.commons.math3.special.Erf.class),
                codeSource(org.apache.commons.csv.CSVFormat.class));
        Path source = ROOT.resolve("examples/embedding/src/main/java/example/InspectionReport.java");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), source.toString()));
        int status = compiler.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
        for (Path p : classpath) {
            urls.add(p.toUri().toURL());
        }
        Path out = work.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Method main = loader.loadClass("example.InspectionReport").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {ROOT.resolve("examples/data").toString(), out.toString()});
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.startsWith("We estimate that Cambridgeshire is recording"), output);
        assertTrue(output.contains("(Fisher's exact test, at the 5 percent significance level)"), output);
        for (String file : List.of("report.html", "report.csv", "forest.png", "funnel.svg")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
    }
}
