package org.recordingrate.posterior;

import java.util.List;
import java.util.Locale;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.DecimalText;
import org.recordingrate.model.Token;

/**
 * A Beta(A, B) prior for a recording rate: its density is proportional to p<sup>A-1</sup>
 * (1 - p)<sup>B-1</sup>, and after {@code x} of {@code n} audited records were recorded the
 * posterior is Beta(A + x, B + n - x) (conjugacy; Gelman et al. 2013, "Bayesian Data Analysis",
 * 3rd ed., section 2.4).
 *
 * <ul>
 *   <li>{@link #JEFFREYS}: Beta(1/2, 1/2), Jeffreys' invariant prior, the default (its posterior's
 *       equal-tailed interval is the Jeffreys interval of Brown, Cai and DasGupta 2001, without their
 *       adjustment at 0 and n);</li>
 *   <li>{@link #UNIFORM}: Beta(1, 1), every rate equally likely a priori (Bayes and Laplace; jfa's
 *       default);</li>
 *   <li>{@link #of(double, double)}: any other, e.g. an earlier inspection's knowledge.</li>
 * </ul>
 *
 * @param a the first shape A, the prior's "recorded", finite and &gt; 0
 * @param b the second shape B, the prior's "not recorded", finite and &gt; 0
 */
public record Prior(double a, double b) {

    /** The named priors, as the command line and JShell name them. */
    public enum Named implements Token {
        /** Beta(1/2, 1/2). */
        JEFFREYS("jeffreys", "Jeffreys", 0.5, 0.5),
        /** Beta(1, 1). */
        UNIFORM("uniform", "uniform", 1, 1);

        private final String token;
        private final String displayName;
        private final double a;
        private final double b;

        Named(String token, String displayName, double a, double b) {
            this.token = token;
            this.displayName = displayName;
            this.a = a;
            this.b = b;
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        @Override
        public List<String> aliases() {
            return this == UNIFORM ? List.of("flat", "bayes_laplace") : List.of();
        }

        /**
         * The prior this name stands for.
         *
         * @return Beta(1/2, 1/2) or Beta(1, 1)
         */
        public Prior prior() {
            return new Prior(a, b);
        }
    }

    /** Jeffreys' prior Beta(1/2, 1/2): the default. */
    public static final Prior JEFFREYS = Named.JEFFREYS.prior();

    /** The uniform prior Beta(1, 1). */
    public static final Prior UNIFORM = Named.UNIFORM.prior();

    /** Largest shape accepted: beyond it a prior is a point mass for any audit the library reads. */
    static final double MAX_SHAPE = 1e15;

    /**
     * Validates the shapes.
     *
     * @param a the first shape, finite, &gt; 0 and at most 1e15
     * @param b the second shape, finite, &gt; 0 and at most 1e15
     * @throws IllegalArgumentException naming the shape and its value when it is not a positive finite
     *                                  number up to 1e15 (NaN fails)
     */
    public Prior {
        shape("prior shape A", a);
        shape("prior shape B", b);
    }

    private static void shape(String name, double value) {
        if (!(value > 0 && value <= MAX_SHAPE)) {
            throw new ArgumentException("prior", name + " (" + Args.show(value) + ") must be a positive number up to 1e15");
        }
    }

    /**
     * The Beta(A, B) prior: {@code Prior.of(2, 1)}.
     *
     * @param a the first shape, &gt; 0
     * @param b the second shape, &gt; 0
     * @return the prior
     * @throws IllegalArgumentException as the constructor
     */
    public static Prior of(double a, double b) {
        return new Prior(a, b);
    }

    /**
     * Reads a prior as the command line writes it: a name ({@code jeffreys}, {@code uniform}, read by
     * {@link Token#parse}) or two shapes {@code A,B} as plain decimals ({@code 2,1} or {@code 0.5, 0.5}).
     *
     * @param text the prior
     * @return the prior
     * @throws IllegalArgumentException (an {@link ArgumentException} whose argument is {@code prior}) for
     *                                  null, an unknown name, or shapes that are not two positive plain
     *                                  decimals
     */
    public static Prior parse(String text) {
        if (text != null && text.contains(",")) {
            String[] parts = text.split(",", -1);
            if (parts.length == 2) {
                try {
                    return new Prior(DecimalText.number(parts[0].strip()), DecimalText.number(parts[1].strip()));
                } catch (ArgumentException e) {
                    if (e.argument().equals("prior")) {
                        throw e;
                    }
                }
            }
            throw new ArgumentException("prior", "prior ('" + text + "') must be jeffreys, uniform or two positive"
                    + " shapes A,B such as 2,1");
        }
        try {
            return Token.parse(Named.class, "prior", text).prior();
        } catch (ArgumentException e) {
            throw new ArgumentException("prior", e.getMessage() + ", or two positive shapes A,B such as 2,1");
        }
    }

    /**
     * The prior's name if it is a named one.
     *
     * @return {@code jeffreys}, {@code uniform}, or empty for another Beta
     */
    public java.util.Optional<Named> named() {
        for (Named named : Named.values()) {
            if (named.a == a && named.b == b) {
                return java.util.Optional.of(named);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The prior as the command line and CSV write it.
     *
     * @return {@code jeffreys}, {@code uniform} or {@code A,B} (e.g. {@code 2,1})
     */
    public String token() {
        return named().map(Named::token).orElse(Args.show(a) + "," + Args.show(b));
    }

    /** {@code "Jeffreys Beta(0.5, 0.5)"}, {@code "Beta(2, 1)"}. */
    @Override
    public String toString() {
        String beta = String.format(Locale.ROOT, "Beta(%s, %s)", Args.show(a), Args.show(b));
        return named().map(n -> n.displayName() + " " + beta).orElse(beta);
    }
}
