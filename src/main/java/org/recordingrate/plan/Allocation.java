package org.recordingrate.plan;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.internal.Args;

/**
 * How the audited records are shared among categories, for a target margin on the all-crime
 * (volume-weighted) rate sum W_h p_h, W_h = volume_h / total volume. Records are added one at a
 * time, each to the category of highest priority that is below its cap (its population), from
 * every category at its minimum, until the all-crime margin reaches the target; so every method
 * respects the minimums and caps, counts never fall as the total grows, and the total is the
 * smallest for which that method's allocation meets the target.
 *
 * <p>Notation: p_h the expected rate, N_h the population, S_h^2 = p_h(1 - p_h) N_h/(N_h - 1)
 * (p_h(1 - p_h) without a population), the variance of the all-crime rate
 * V = sum W_h^2 S_h^2 (1/n_h - 1/N_h), which is sum W_h^2 p_h(1-p_h)/n_h (N_h-n_h)/(N_h-1), or
 * sum W_h^2 p_h(1-p_h)/n_h without populations.
 */
public enum Allocation implements Token {

    /**
     * Proportional to the weights, n_h ~ W_h: the next record goes to the category with the
     * largest W_h/(n_h + 1/2), the Sainte-Lague (Webster) divisor method of rounding, so counts
     * are the proportional shares rounded to the nearest (Balinski and Young 2001, Fair
     * Representation, 2nd ed.). Cochran (1977), Sampling Techniques, 5.4.
     */
    PROPORTIONAL("proportional") {
        @Override
        double priority(double weight, double sd, long n) {
            return weight / (n + 0.5);
        }
    },

    /**
     * Neyman allocation, n_h ~ W_h S_h (Neyman 1934; Cochran 1977, 5.5), rounded by the same
     * Sainte-Lague divisor rule: the next record goes to the largest W_h S_h/(n_h + 1/2).
     * Categories expected at 0% or 100% (S_h = 0) get only their minimum.
     */
    NEYMAN("Neyman") {
        @Override
        double priority(double weight, double sd, long n) {
            return weight * sd / (n + 0.5);
        }
    },

    /**
     * The smallest total for the target: the next record goes where it lowers V most, by
     * W_h^2 S_h^2 (1/n_h - 1/(n_h + 1)). V is a sum of convex decreasing terms, so this marginal
     * rule gives, at each total, the allocation of least variance among all whole-number
     * allocations within the minimums and caps (Fox 1966, Management Science 13, 210-216; Wright
     * 2017, "Exact optimal sample allocation: more efficient than Neyman", Statistics and
     * Probability Letters 129, 50-57), and the first total that meets the target is the least
     * possible. It is Neyman's allocation, exactly optimal in whole numbers.
     */
    OPTIMAL("smallest total (exact optimum)") {
        @Override
        double priority(double weight, double sd, long n) {
            double a = weight * weight * sd * sd;
            return a == 0 ? 0 : a / ((double) n * (n + 1));
        }
    };

    private final String displayName;

    Allocation(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The priority of one more record for a category with weight W_h and S_h at n_h records; the
     * largest goes first.
     */
    abstract double priority(double weight, double sd, long n);

    /**
     * The name for people, as plan summaries print it.
     *
     * @return the display name, e.g. {@code "Neyman"} or {@code "smallest total (exact optimum)"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

}
