package org.recordingrate.compare;

/**
 * One category's change within an {@link InspectionChange}.
 *
 * @param category        the category's name
 * @param change          the change with its interval and test
 * @param adjustedPValue  the test's p-value adjusted across the categories compared
 * @param verdict         the verdict on the adjusted p-value
 */
public record CategoryChange(String category, Change change, double adjustedPValue, Verdict verdict) {

    /** {@code "violence: +9.1 points (...): statistically significant improvement"}. */
    @Override
    public String toString() {
        return category + ": " + change;
    }
}
