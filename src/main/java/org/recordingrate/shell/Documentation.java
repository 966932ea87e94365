package org.recordingrate.shell;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lets the JShell tool show the library's Javadoc on Shift-Tab (see {@link JShellPreferences}):
 * sets the tool's list of source locations to the JDK's sources, found as JShell finds them,
 * followed by the library's. Does nothing when the package is not opened to it, the field is
 * missing (another JDK) or no sources are found; never fails the session.
 */
final class Documentation {

    /** The system property naming the library's sources: a sources jar or a source folder. */
    static final String SOURCES_PROPERTY = "recordingrate.sources";

    private static final String FIELD_CLASS = "jdk.jshell.SourceCodeAnalysisImpl";
    private static final String FIELD = "availableSourcesOverride";

    private Documentation() {
    }

    /** Installs the sources if it can; see the class comment. */
    static void install() {
        try {
            Optional<Path> ours = ours();
            if (ours.isEmpty()) {
                return;
            }
            Field field = Class.forName(FIELD_CLASS).getDeclaredField(FIELD);
            field.setAccessible(true);
            List<Path> all = new ArrayList<>(jdkSources());
            all.add(ours.get());
            field.set(null, Collections.unmodifiableList(all));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not opened to us (no --add-opens), or a JDK without the field: signatures only
        }
    }

    /**
     * The library's sources: the property, else the {@code recording-rate-*-sources.jar} beside the
     * jar this class came from (the newest, if several), else {@code src/main/java} beside that jar's
     * folder (a checkout after {@code mvn package}).
     */
    static Optional<Path> ours() {
        String property = System.getProperty(SOURCES_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path given = Path.of(property.strip());
            return Files.exists(given) ? Optional.of(given.toAbsolutePath()) : Optional.empty();
        }
        Optional<Path> home = codeFolder();
        if (home.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(home.get())) {
            Optional<Path> jar = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("recording-rate-") && name.endsWith("-sources.jar");
            }).max((a, b) -> a.toFile().lastModified() < b.toFile().lastModified() ? -1 : 1);
            if (jar.isPresent()) {
                return jar;
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path parent = home.get().getParent();
        Path tree = parent == null ? null : parent.resolve("src").resolve("main").resolve("java");
        return tree != null && Files.isDirectory(tree.resolve("org").resolve("recordingrate"))
                ? Optional.of(tree) : Optional.empty();
    }

    /** The folder of the jar, or of the class folder, this class was loaded from. */
    private static Optional<Path> codeFolder() {
        try {
            CodeSource source = Documentation.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            // a jar's folder (target/), or the folder holding the class folder (target/ for target/classes)
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).toAbsolutePath().getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The JDK's sources as JShell's own {@code findSources()} finds them: {@code lib/src.zip} under
     * {@code java.home} (or {@code src.zip} beside it), each module's folder of a modular zip.
     */
    static List<Path> jdkSources() {
        List<Path> result = new ArrayList<>();
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            zip = home.getParent() == null ? zip : home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(zip)) {
            return result;
        }
        try {
            // kept open for the session: JShell reads the sources from it whenever asked
            FileSystem files = FileSystems.newFileSystem(zip);
            Path root = files.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                files.close();
                result.add(zip);
            } else if (Files.exists(root.resolve("java.base/java/lang/Object.java"))) {
                try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
                    for (Path module : modules) {
                        if (Files.isDirectory(module)) {
                            result.add(module);
                        }
                    }
                }
            } else {
                files.close();
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable src.zip: the library's sources alone
        }
        return result;
    }
}
