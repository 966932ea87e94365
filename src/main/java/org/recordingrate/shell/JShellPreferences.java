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
 * Gives a JShell session the {@code rr} feedback mode, in which no result is cut short.
 *
 * <p>Why: JShell's normal feedback cuts the value of a new variable at 80 characters, and in JDK
 * 17 a startup script cannot change that: startup scripts run before the feedback modes exist,
 * which JShell then takes from its preferences (modes retained with {@code /set mode -retain}) or
 * from {@code --feedback}. README's launch line names this class as the tool's preferences
 * factory ({@code -J-Djava.util.prefs.PreferencesFactory=org.recordingrate.shell.JShellPreferences}),
 * so JShell reads its preferences from here: a store held in memory that starts with the
 * {@code rr} mode (JShell's normal mode with truncation at 2,000 characters, encoded as JShell
 * 17 to 25 retain it: the resource {@code jshell-mode.txt}, made by {@code examples/make-jshell-mode.sh})
 * selected. Nothing is written to the user's own JShell preferences; the session's history is
 * kept for the session only.
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
