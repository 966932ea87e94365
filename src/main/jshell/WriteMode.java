import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Prints the JShell mode retained in the preferences under java.util.prefs.userRoot (key MODE2 of
 * tool/JShell, fields separated by U+241E), with its truncation field removed: JShell then shows
 * every value whole. Used by make-jshell-mode.sh.
 */
public class WriteMode {
    public static void main(String[] args) throws Exception {
        String sep = "\u241e";
        String mode = Preferences.userRoot().node("tool/JShell").get("MODE2", null);
        if (mode == null) {
            throw new IllegalStateException("no retained mode (MODE2) in the preferences");
        }
        List<String> parts = new ArrayList<>(Arrays.asList(mode.split(sep, -1)));
        List<String> out = new ArrayList<>(parts.subList(0, 4));
        int i = 4;
        boolean removed = false;
        while (!parts.get(i).equals("***")) {
            String field = parts.get(i);
            int end = i + 1;
            while (!parts.get(end).equals(")")) {
                end++;
            }
            if (field.equals("<truncation>")) {
                removed = true;
            } else {
                out.addAll(parts.subList(i, end + 1));
            }
            i = end + 1;
        }
        out.addAll(parts.subList(i, parts.size()));
        if (!removed) {
            throw new IllegalStateException("the mode had no truncation field: has JShell's encoding changed?");
        }
        System.out.print(String.join(sep, out));
    }
}
