package org.recordingrate.internal;

/**
 * Quantiles of Student's t distribution, through the incomplete beta function so they carry the
 * full precision of {@link Beta} (Commons Math's {@code TDistribution} inverts with an absolute
 * accuracy of only 1e-9).
 *
 * <p>Not part of the API.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The lower-tail quantile t with P(T &lt;= t) = p for T ~ t(df), p &lt;= 1/2, i.e. the negative
     * critical value. Uses P(T &lt;= -t) = I<sub>df/(df+t&sup2;)</sub>(df/2, 1/2)/2, solved for
     * y = t&sup2;/(df + t&sup2;) = 1 - x as the upper quantile of Beta(1/2, df/2) with tail 2p, so the
     * small quantity is computed directly: t = -sqrt(df y / (1 - y)).
     *
     * @param p  a lower-tail probability in (0, 1/2]
     * @param df degrees of freedom, &gt; 0 (real)
     * @return t &lt;= 0; 0 at p = 1/2
     * @throws IllegalArgumentException if p or df are out of range
     */
    public static double lowerQuantile(double p, double df) {
        Args.inRange("p", p, Double.MIN_VALUE, 0.5);
        Args.positive("df", df);
        if (p == 0.5) {
            return 0.0;
        }
        double y = Beta.complementQuantile(2 * p, 0.5, df / 2);
        return -Math.sqrt(df * y / (1 - y));
    }
}
