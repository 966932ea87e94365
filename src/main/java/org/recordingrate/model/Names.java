package org.recordingrate.model;

import java.util.Locale;

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
}
