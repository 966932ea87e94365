package org.recordingrate.resample;

/** How a permutation p-value was obtained. */
public enum PermutationMethod {
    /** From random arrangements (replicates), with Phipson and Smyth's (2010) (b + 1)/(B + 1). */
    MONTE_CARLO("monte carlo"),
    /** By enumerating every arrangement: Fisher's test for one category, the exact conditional test across categories. */
    EXACT_ENUMERATION("exact enumeration");

    private final String words;

    PermutationMethod(String words) {
        this.words = words;
    }

    /**
     * {@code "monte carlo"} or {@code "exact enumeration"}, as the command line writes it.
     *
     * @return the words
     */
    public String words() {
        return words;
    }

    @Override
    public String toString() {
        return words;
    }
}
