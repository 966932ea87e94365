package org.recordingrate.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Gives a JShell session the {@code rr} feedback mode, in which no result is cut short, and
 * Shift-Tab documentation for the library's classes.
 *
 * <p><b>Nothing cut short.</b> JShell's normal feedback cuts the value of a new variable at 80
 * characters, and in JDK 17 a startup script cannot change that: startup scripts run before the
 * feedback modes exist, which JShell then takes from its preferences (modes retained with
 * {@code /set mode -retain}) or from {@code --feedback}. README's launch line names this class as
 * the tool's preferences factory
 * ({@code -J-Djava.util.prefs.PreferencesFactory=org.recordingrate.shell.JShellPreferences}), so
 * JShell reads its preferences from here: a store held in memory that starts with the {@code rr}
 * mode selected: JShell's normal mode with no truncation at all, encoded as JShell 17 to 25 retain
 * it (the resource {@code jshell-mode.txt}, made by {@code src/main/jshell/make-jshell-mode.sh}).
 * JShell still passes a value from the running code to the tool in at most 21,844 characters
 * (its {@code ExecutionControlForwarder}); no result's one-line {@code toString()} comes near that,
 * and {@code show(result)} prints any length. Nothing is written to the user's own JShell
 * preferences; the session's history is kept for the session only.
 *
 * <p><b>Documentation on Shift-Tab.</b> JShell (JDK 17 to 25) shows a method's Javadoc on a second
 * Shift-Tab only for classes whose sources it finds, and it looks only in the JDK's own
 * {@code src.zip}: a library's sources jar on the class path is not read (JDK 17 and 25 checked).
 * Its one way in is the tool's static list of source locations
 * ({@code jdk.jshell.SourceCodeAnalysisImpl.availableSourcesOverride}, which JShell's own tests
 * set). When the tool's JVM opens that package to us
 * ({@code -J--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED}, in README's command), this class sets
 * it to the JDK's sources (as JShell would find them) followed by ours: the system property
 * {@code recordingrate.sources} (a sources jar or a source folder), else the
 * {@code recording-rate-*-sources.jar} beside the jar this class was loaded from, else
 * {@code src/main/java} beside that jar's folder. Without the option, or on a JDK without that
 * field, nothing changes and Shift-Tab shows the signatures only.
 *
 * <p>Not for programs: only the JShell tool uses it.
 */
public final class JShellPreferences implements PreferencesFactory {

    /** The JShell tool's preference keys for its retained modes and feedback (JDK 15 and later). */
    private static final String MODES_KEY = "MODE2";
    private static final String FEEDBACK_KEY = "FEEDBACK";

    private static final Preferences ROOT = new Node(null, "");
    private static final Preferences SYSTEM = new Node(null, "");

    static {
        Preferences jshell = ROOT.node("tool/JShell");
        jshell.put(MODES_KEY, mode());
        jshell.put(FEEDBACK_KEY, "rr");
        Documentation.install();
    }

    /**
     * Used by {@link Preferences} through the system property; not to be called otherwise. Every
     * instance shares one store per class loader; loading the class fails (an
     * {@link ExceptionInInitializerError}) if the resource {@code jshell-mode.txt} is missing.
     */
    public JShellPreferences() {
    }

    private static String mode() {
        try (InputStream in = JShellPreferences.class.getResourceAsStream("jshell-mode.txt")) {
            if (in == null) {
                throw new IllegalStateException("jshell-mode.txt is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The user's preferences: the store in memory.
     *
     * @return the root node, whose {@code tool/JShell} node starts with the {@code rr} mode retained and
     *         selected; changes last as long as the JVM
     */
    @Override
    public Preferences userRoot() {
        return ROOT;
    }

    /**
     * The system preferences: an empty store in memory.
     *
     * @return the root node of the system store
     */
    @Override
    public Preferences systemRoot() {
        return SYSTEM;
    }

    /** A preferences node held in memory. */
    private static final class Node extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Node> children = new HashMap<>();

        Node(Node parent, String name) {
            super(parent, name);
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            values.clear();
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(new String[0]);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return children.keySet().toArray(new String[0]);
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new Node(this, n));
        }

        @Override
        protected void syncSpi() {
            // held in memory: nothing to synchronise
        }

        @Override
        protected void flushSpi() {
            // held in memory: nothing to write
        }
    }
}
