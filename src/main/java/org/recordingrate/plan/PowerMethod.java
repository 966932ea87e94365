package org.recordingrate.plan;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Tally;

/**
 * How the power of a planned audit is computed. The previous inspection's tally x_b of n_b gives
 * the previous rate p_b = x_b/n_b; the planned audit of n_a records is assumed to meet
 * p_a = p_b + delta; both tallies are treated as binomial (the previous one too: its rate is an
 * estimate). Power is the probability that the inspection's test reports a significant change in
 * the direction of delta: p &lt;= alpha and, for a two-sided test, the observed change of the same
 * sign (the inspectors' "statistically significant improvement").
 */
public enum PowerMethod implements Token {

    /**
     * The normal approximation in closed form, for the z-tests: with
     * p&#772; = (n_a p_a + n_b p_b)/(n_a + n_b), sigma_0 = sqrt(p&#772;(1 - p&#772;)(1/n_a + 1/n_b)) (the
     * pooled null standard error; for {@link ChangeTest#Z_UNPOOLED} sigma_0 = sigma_1) and
     * sigma_1 = sqrt(p_a(1 - p_a)/n_a + p_b(1 - p_b)/n_b),
     * power = Phi((|delta| - z sigma_0)/sigma_1), z = Phi^-1(1 - alpha/2) two-sided (the far tail
     * left out) or Phi^-1(1 - alpha) one-sided (with delta's sign taken against the alternative).
     * Fleiss, Levin and Paik (2003), Statistical Methods for Rates and Proportions, 3rd ed.,
     * section 4.2 (unequal sizes, 4.4); Chow, Shao and Wang (2008), Sample Size Calculations in
     * Clinical Research, 2nd ed., 4.2.
     */
    NORMAL("normal approximation") {
        @Override
        PowerPoint power(PowerPlanner planner, Tally previous, double change, int audited) {
            ChangeTestMethod test = planner.test();
            if (test != ChangeTest.Z_POOLED && test != ChangeTest.Z_UNPOOLED) {
                throw new IllegalArgumentException("power method (normal) is for z_pooled and z_unpooled, not "
                        + test.token() + ": use exact or simulation");
            }
            return point(planner, this, previous, change, audited,
                    normalPower(test == ChangeTest.Z_POOLED, planner.alternative(), planner.significance(),
                            previous, change, audited), Optional.empty());
        }
    },

    /**
     * Exact by enumeration: power = sum over x_b of Bin(x_b; n_b, p_b) times the sum over x_a of
     * Bin(x_a; n_a, p_a) over the tables the test rejects, leaving out at most 1e-13 of the mass at
     * each end of each binomial (so the power is exact to about 4e-13). Each table counted is
     * decided by the test itself; how many must be asked depends on what is proven of the region's
     * shape (see {@link Rejection.Shape}): for the z-tests, Yates' and Barnard's and Boschloo's
     * tests the rejected x_a at each x_b form one run, found by a walk (about n_a + n_b tests in
     * all; Boschloo's decided from Fisher p-values, see {@link Rejection}); for Fisher's tests the
     * run lies along each diagonal of fixed total recorded (they condition on it), not along
     * columns, so the walk follows the diagonals; another test is asked about every table.
     * Milliseconds for the z-tests; seconds for Boschloo's test at a few hundred audited.
     */
    EXACT("exact enumeration") {
        @Override
        PowerPoint power(PowerPlanner planner, Tally previous, double change, int audited) {
            Setting s = new Setting(planner, previous, change, audited);
            double sum = s.rule.probability(s.after, s.before);
            return point(planner, this, previous, change, audited, Math.min(1, sum), Optional.empty());
        }
    },

    /**
     * Seeded simulation: the replicates draw x_b ~ Bin(n_b, p_b) and x_a ~ Bin(n_a, p_a) by
     * inversion from one {@link SplittableRandom} seeded with the planner's seed (the same for
     * every audited count, so a power curve is smooth), run the test (each distinct table once),
     * and report the share that reject, with Monte Carlo standard error sqrt(P(1 - P)/R).
     */
    SIMULATION("seeded simulation") {
        @Override
        PowerPoint power(PowerPlanner planner, Tally previous, double change, int audited) {
            Setting s = new Setting(planner, previous, change, audited);
            SplittableRandom random = new SplittableRandom(planner.seed());
            Map<Long, Boolean> decided = new HashMap<>();
            long rejections = 0;
            long replicates = planner.replicates();
            for (long r = 0; r < replicates; r++) {
                int j = s.before.sample(random);
                int i = s.after.sample(random);
                long key = (long) i * (s.before.trials() + 1) + j;
                if (decided.computeIfAbsent(key, k -> s.rule.rejects(i, j))) {
                    rejections++;
                }
            }
            double power = (double) rejections / replicates;
            return point(planner, this, previous, change, audited, power, Optional.of(
                    new MonteCarlo(replicates, planner.seed(), Math.sqrt(power * (1 - power) / replicates))));
        }
    };

    private final String displayName;

    PowerMethod(String displayName) {
        this.displayName = displayName;
    }

    /** The power at one audited count; arguments already checked. */
    abstract PowerPoint power(PowerPlanner planner, Tally previous, double change, int audited);

    /**
     * The name for people, as power tables print it.
     *
     * @return the display name, e.g. {@code "exact enumeration"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /** The closed-form power of a z-test (pooled or not). */
    static double normalPower(boolean pooled, Alternative alternative, double significance, Tally previous,
                              double change, long audited) {
        double na = audited;
        double nb = previous.audited();
        double pb = previous.rate();
        double pa = pb + change;
        double sigma1 = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        double pooledRate = (na * pa + nb * pb) / (na + nb);
        double sigma0 = pooled ? Math.sqrt(pooledRate * (1 - pooledRate) * (1 / na + 1 / nb)) : sigma1;
        double z = alternative == Alternative.TWO_SIDED ? -Normal.quantile(significance / 2) : -Normal.quantile(significance);
        double toward = switch (alternative) {
            case TWO_SIDED -> Math.abs(change);
            case IMPROVED -> change;
            case DETERIORATED -> -change;
        };
        if (sigma1 == 0) {
            return toward > z * sigma0 ? 1 : 0;
        }
        return Normal.cdf((toward - z * sigma0) / sigma1);
    }

    private static PowerPoint point(PowerPlanner planner, PowerMethod method, Tally previous, double change,
                                    long audited, double power, Optional<MonteCarlo> monteCarlo) {
        return new PowerPoint(planner.test(), method, planner.alternative(), planner.significance(), previous, change,
                audited, power, monteCarlo);
    }

    /**
     * The two binomials in coordinates where the region lies at large x_a (mirrored, recorded and
     * unrecorded swapped, when the change is downwards), and the rule deciding each table.
     */
    private static final class Setting {
        final BinomialMass after;
        final BinomialMass before;
        final Rejection rule;

        Setting(PowerPlanner planner, Tally previous, double change, int audited) {
            int nb = Math.toIntExact(previous.audited());
            double pb = previous.rate();
            double pa = pb + change;
            boolean up = planner.alternative() == Alternative.TWO_SIDED ? change >= 0
                    : planner.alternative() == Alternative.IMPROVED;
            this.after = new BinomialMass(audited, up ? pa : 1 - pa);
            this.before = new BinomialMass(nb, up ? pb : 1 - pb);
            this.rule = planner.test() == ChangeTest.BOSCHLOO
                    ? Rejection.boschloo(planner.alternative(), planner.significance(), audited, nb, up, after, before)
                    : Rejection.of(planner.test(), planner.alternative(), planner.significance(), audited, nb, up);
        }
    }
}
