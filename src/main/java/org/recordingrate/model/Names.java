package org.recordingrate.model;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule by which names of inspections and categories are matched everywhere (duplicate
 * checks, pairing two inspections, finding a category's volume): surrounding white space is
 * ignored, runs of white space inside count as one space, and case is ignored (in the root
 * locale). So {@code "Force A"}, {@code " force  a"} and {@code "FORCE A"} are one name; the
 * first spelling met is the one shown.
 */
public final class Names {

    /** The name of the combined row of an estimate or a comparison; reserved for it. */
    public static final String ALL_CRIME = "all crime";

    private Names() {
    }

    /**
     * The matching key of a name: stripped, inner white space collapsed to one space, lower case.
     *
     * @param name a name; null gives the empty key
     * @return the key
     */
    public static String key(String name) {
        return name == null ? "" : name.strip().replaceAll("(?U)\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two names are the same under the matching rule.
     *
     * @param a a name
     * @param b another
     * @return true if their keys are equal
     */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /**
     * Whether a name is the reserved {@link #ALL_CRIME}, under the matching rule.
     *
     * @param name a name
     * @return true for "all crime", "All Crime", " all  crime " and so on
     */
    public static boolean isAllCrime(String name) {
        return key(name).equals(ALL_CRIME);
    }

    /** A year 1900 to 2099 standing alone in a name: "PEEL 2021/22", "cdi-2017", "CDI 2017". */
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19|20)[0-9]{2}(?![0-9])");

    /**
     * The year a name carries: the first year from 1900 to 2099 written alone in it ("PEEL 2021/22"
     * gives 2021, "cdi-2017" 2017; "F12017" none, the digits run on).
     *
     * @param name an inspection's name; null carries none
     * @return the year, or empty when the name has none
     */
    public static OptionalInt year(String name) {
        if (name == null) {
            return OptionalInt.empty();
        }
        Matcher m = YEAR.matcher(name);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group())) : OptionalInt.empty();
    }

    /**
     * The note for two inspections given in an order their names contradict: the one given as the
     * earlier carries a later year than the one given as the later (R's {@code prop.test} takes the
     * later group first; here the earlier comes first, and the change is later minus earlier).
     *
     * @param before the name of the inspection given as the earlier
     * @param after  the name of the inspection given as the later
     * @return the note when both names carry a year and the earlier's is later, else empty
     */
    public static Optional<String> laterFirst(String before, String after) {
        OptionalInt b = year(before);
        OptionalInt a = year(after);
        if (b.isEmpty() || a.isEmpty() || b.getAsInt() <= a.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of("order: " + before + " (" + b.getAsInt() + ") was given as the earlier inspection and "
                + after + " (" + a.getAsInt() + ") as the later, so every change is " + after + " minus " + before
                + "; if " + before + " is the later, give it second (R's prop.test takes the later first, this"
                + " library the earlier)");
    }
}
