package org.recordingrate.compare;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.recordingrate.internal.Args;

/**
 * Adjustments of several p-values for multiple comparisons (several categories compared at once),
 * as R's {@code p.adjust}.
 */
public enum PValueAdjustment implements Token {

    /** No adjustment. */
    NONE {
        @Override
        double[] adjustSorted(double[] p) {
            return p.clone();
        }
    },

    /** Bonferroni: min(1, m p). Controls the family-wise error rate. */
    BONFERRONI {
        @Override
        double[] adjustSorted(double[] p) {
            double[] adjusted = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                adjusted[i] = Math.min(1.0, p.length * p[i]);
            }
            return adjusted;
        }
    },

    /**
     * Holm's step-down method: for p-values sorted ascending, p&#771;<sub>(i)</sub> = max over j &lt;= i of
     * min(1, (m - j + 1) p<sub>(j)</sub>). Controls the family-wise error rate, uniformly more
     * powerful than Bonferroni. Reference: Holm, Scandinavian Journal of Statistics 6 (1979) 65-70.
     */
    HOLM {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] adjusted = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1.0, (m - i) * p[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    },

    /**
     * Benjamini and Hochberg's step-up method: for p-values sorted ascending,
     * p&#771;<sub>(i)</sub> = min over j &gt;= i of min(1, m p<sub>(j)</sub>/j). Controls the false discovery
     * rate. Reference: Benjamini and Hochberg, JRSS B 57 (1995) 289-300.
     */
    BENJAMINI_HOCHBERG {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] adjusted = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1.0, m * p[i] / (i + 1)));
                adjusted[i] = running;
            }
            return adjusted;
        }
    };

    /** The adjustment of p-values already sorted ascending. */
    abstract double[] adjustSorted(double[] sorted);

    /**
     * Also read: {@code bh} and {@code fdr} for Benjamini-Hochberg (R's {@code p.adjust} names).
     *
     * @return the aliases of this adjustment
     */
    @Override
    public java.util.List<String> aliases() {
        return this == BENJAMINI_HOCHBERG ? java.util.List.of("bh", "fdr") : java.util.List.of();
    }

    /**
     * Adjusts p-values, returned in the order given. m is the number of p-values; ties keep their
     * order (a stable sort), which does not change the step-down and step-up results.
     *
     * @param pValues p-values in [0, 1]; not changed
     * @return the adjusted p-values, each in [0, 1] and not below its unadjusted value; a new array,
     *         empty for no p-values
     * @throws IllegalArgumentException if the array is null or a value is outside [0, 1] or NaN
     */
    public double[] adjust(double... pValues) {
        Args.notNull("p-values", pValues);
        for (int i = 0; i < pValues.length; i++) {
            Args.inRange("p-value " + (i + 1), pValues[i], 0, 1);
        }
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] sorted = new double[pValues.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = pValues[order[i]];
        }
        double[] adjustedSorted = adjustSorted(sorted);
        double[] adjusted = new double[pValues.length];
        for (int i = 0; i < sorted.length; i++) {
            adjusted[order[i]] = adjustedSorted[i];
        }
        return adjusted;
    }

}
