package org.recordingrate.select;

/**
 * How one category's draw went.
 *
 * @param category   the category as the plan spells it
 * @param planned    records the plan asked for
 * @param population records of the category in the population file
 * @param drawn      records drawn: {@code min(planned, population)}
 */
public record CategoryDraw(String category, long planned, long population, long drawn) {

    /**
     * Whether the category had fewer records than planned, so it was taken whole and the audit there
     * is a census of fewer records than the plan assumed.
     *
     * @return {@code population < planned}; false when the population exactly meets the plan
     */
    public boolean shortfall() {
        return population < planned;
    }

    /** {@code "violence: 202 of 48,113 records"}, or the shortfall. */
    @Override
    public String toString() {
        return shortfall()
                ? String.format(java.util.Locale.ROOT, "%s: only %,d %s for %,d planned, taken whole", category,
                        population, population == 1 ? "record" : "records", planned)
                : String.format(java.util.Locale.ROOT, "%s: %,d of %,d %s", category, drawn, population,
                        population == 1 ? "record" : "records");
    }
}
