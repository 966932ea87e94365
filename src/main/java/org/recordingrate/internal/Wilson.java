package org.recordingrate.internal;

/**
 * Wilson's score interval and its continuity-corrected form, in cancellation-free forms, with
 * the distances from the estimate to each bound that Newcombe's hybrid intervals need. Shared by
 * the one-category intervals, the all-crime Wilson interval (at an effective sample size) and the
 * change intervals.
 *
 * <p>Arguments are the recorded and unrecorded counts x and y (n = x + y; real numbers for an
 * effective sample size) and the critical value z &ge; 0. Wilson's bounds are the roots of
 * (n + z&sup2;) r&sup2; - (2x + z&sup2;) r + x&sup2;/n = 0,
 * r<sub>&plusmn;</sub> = (x + z&sup2;/2 &plusmn; z S) / (n + z&sup2;), S = sqrt(xy/n + z&sup2;/4). The
 * textbook evaluation loses digits in two places, both avoided here:
 * <ul>
 *   <li>the smaller root as a difference: it is computed as the product of the roots,
 *       x&sup2;/(n(n + z&sup2;)), divided by the larger root, whose terms are all positive;</li>
 *   <li>a bound near 1 computed as 1 minus a number near 1 (the cause of an upper bound of 1 of
 *       10<sup>17</sup> below the rate): the bound on the side of 1/2 nearer the estimate is
 *       computed directly, the other as 1 minus the mirror image's bound, which is small and
 *       exact, so that a bound computed that way equals 1 minus its mirror exactly in floating
 *       point (lower(x, y) = 1 - upper(y, x) exactly for x &gt; y; for x &le; y the two sides
 *       agree to an ulp, each computed directly).</li>
 * </ul>
 * Each result has a relative error of a few ulps (tested against 80-digit values over counts up
 * to 2<sup>53</sup> and z from 1.25 x 10<sup>-6</sup> to 6.1).
 *
 * <p>Not part of the API: callers validate the arguments (x, y &ge; 0, x + y &gt; 0, finite z &ge; 0).
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * Wilson's lower bound: 0 at x = 0, else the smaller root r<sub>-</sub> for x &le; y and
     * 1 - r<sub>+</sub>(y, x) for x &gt; y.
     *
     * @param x recorded (n p), &ge; 0
     * @param y not recorded (n q), &ge; 0
     * @param z critical value, &ge; 0
     * @return the bound, in [0, 1]
     */
    public static double lower(double x, double y, double z) {
        if (x == 0) {
            return 0.0;
        }
        return x <= y ? smallerRoot(x, y, z) : 1 - largerRoot(y, x, z);
    }

    /**
     * Wilson's upper bound: 1 at y = 0, else the larger root r<sub>+</sub> for x &lt; y and
     * 1 - r<sub>-</sub>(y, x) for x &ge; y; equal to {@code 1 - lower(y, x, z)} exactly for x &ge; y
     * (to an ulp otherwise).
     *
     * @param x recorded, &ge; 0
     * @param y not recorded, &ge; 0
     * @param z critical value, &ge; 0
     * @return the bound, in [0, 1]
     */
    public static double upper(double x, double y, double z) {
        if (y == 0) {
            return 1.0;
        }
        return x < y ? Math.min(1.0, largerRoot(x, y, z)) : 1 - smallerRoot(y, x, z);
    }

    /**
     * p - lower: the distance from the estimate p = x/n down to Wilson's lower bound, without
     * forming the difference. With h = 1/2 - p = (y - x)/(2n): z p q / (S + z h) for p &le; 1/2 and
     * z (S - z h)/(n + z&sup2;) for p &gt; 1/2 (equal, since S&sup2; - z&sup2;h&sup2; = pq(n + z&sup2;);
     * each has only positive terms where it is used). 0 at x = 0.
     *
     * @param x recorded, &ge; 0
     * @param y not recorded, &ge; 0
     * @param z critical value, &ge; 0
     * @return the distance, &ge; 0
     */
    public static double below(double x, double y, double z) {
        if (x == 0) {
            return 0.0;
        }
        double n = x + y;
        double s = root(x, y, z);
        double h = (y - x) / (2 * n);
        if (x <= y) {
            return z * (x / n) * (y / n) / (s + z * h);
        }
        return z * (s - z * h) / (n + z * z);
    }

    /**
     * upper - p: the distance from the estimate up to Wilson's upper bound, {@code below(y, x, z)}
     * by symmetry. 0 at y = 0.
     *
     * @param x recorded, &ge; 0
     * @param y not recorded, &ge; 0
     * @param z critical value, &ge; 0
     * @return the distance, &ge; 0
     */
    public static double above(double x, double y, double z) {
        return below(y, x, z);
    }

    /**
     * The continuity-corrected lower bound (Newcombe 1998a, method 4):
     * L = (2x + z&sup2; - 1 - z R)/(2(n + z&sup2;)), R = sqrt(z&sup2; - 2 - 1/n + 4x(y + 1)/n), computed
     * as the algebraically equal (2x - 1)&sup2; / (2n(2x + z&sup2; - 1 + z R)), whose terms are all
     * positive for x &ge; 1. 0 at x = 0.
     *
     * @param x recorded count, &ge; 0
     * @param y unrecorded count, &ge; 0
     * @param z critical value, &ge; 0
     * @return the bound, in [0, 1]
     */
    public static double correctedLower(double x, double y, double z) {
        if (x == 0) {
            return 0.0;
        }
        if (x > y) {
            // 1 - U(y, x), U formed directly (y < x): a bound near 1 from its small mirror image; the direct
            // form rounded to 1.0 above the upper bound at n - 1 of 6.4e15 (IntervalPropertiesTest)
            return 1 - correctedUpper(y, x, z);
        }
        double n = x + y;
        double z2 = z * z;
        double twoXMinusOne = 2 * x - 1;
        return Math.min(1.0, twoXMinusOne * twoXMinusOne / (2 * n * (2 * x + z2 - 1 + z * correctedRoot(x, y, z))));
    }

    /**
     * The continuity-corrected upper bound, U = (2x + z&sup2; + 1 + z R')/(2(n + z&sup2;)) with
     * R' = sqrt(z&sup2; + 2 - 1/n + 4x(y - 1)/n), computed so for x &lt; y (all terms positive) and
     * as 1 - L(y, x) otherwise (U(x, y) = 1 - L(y, x) is an identity: R'(x, y) = R(y, x)). 1 at
     * y = 0.
     *
     * @param x recorded count, &ge; 0
     * @param y unrecorded count, &ge; 0
     * @param z critical value, &ge; 0
     * @return the bound, in [0, 1]
     */
    public static double correctedUpper(double x, double y, double z) {
        if (y == 0) {
            return 1.0;
        }
        if (x >= y) {
            return 1 - correctedLower(y, x, z);
        }
        double n = x + y;
        double z2 = z * z;
        return Math.min(1.0, (2 * x + z2 + 1 + z * correctedRoot(y, x, z)) / (2 * (n + z2)));
    }

    /**
     * p - L for the continuity-corrected bound, without forming the difference:
     * (1 + z R - z&sup2;(y - x)/n) / (2(n + z&sup2;)). Its numerator is at least 1 (since
     * R&sup2; - z&sup2;(1 - 2p)&sup2; = 4z&sup2;pq + 4x(y + 1)/n - 2 - 1/n &ge; 2 - 1/n), so at most
     * a few digits cancel. 0 at x = 0.
     *
     * @param x recorded count, &ge; 0
     * @param y unrecorded count, &ge; 0
     * @param z critical value, &ge; 0
     * @return the distance, &ge; 0
     */
    public static double correctedBelow(double x, double y, double z) {
        if (x == 0) {
            return 0.0;
        }
        double n = x + y;
        double z2 = z * z;
        return Math.max(0.0, (1 + z * correctedRoot(x, y, z) - z2 * ((y - x) / n)) / (2 * (n + z2)));
    }

    /**
     * U - p for the continuity-corrected bound: {@code correctedBelow(y, x, z)} by symmetry.
     *
     * @param x recorded count, &ge; 0
     * @param y unrecorded count, &ge; 0
     * @param z critical value, &ge; 0
     * @return the distance, &ge; 0
     */
    public static double correctedAbove(double x, double y, double z) {
        return correctedBelow(y, x, z);
    }

    /** S = sqrt(xy/n + z&sup2;/4). */
    private static double root(double x, double y, double z) {
        double n = x + y;
        return Math.sqrt(x * (y / n) + z * z / 4);
    }

    /** r<sub>+</sub> = (x + z&sup2;/2 + z S)/(n + z&sup2;): all terms positive. */
    private static double largerRoot(double x, double y, double z) {
        double z2 = z * z;
        return (x + z2 / 2 + z * root(x, y, z)) / (x + y + z2);
    }

    /** r<sub>-</sub> = (x/n)(x/(n + z&sup2;)) / r<sub>+</sub>. */
    private static double smallerRoot(double x, double y, double z) {
        double n = x + y;
        return (x / n) * (x / (n + z * z)) / largerRoot(x, y, z);
    }

    /** R = sqrt(z&sup2; - 2 - 1/n + 4x(y + 1)/n), at least sqrt(z&sup2; + 2 - 1/n) for x &ge; 1. */
    private static double correctedRoot(double x, double y, double z) {
        double n = x + y;
        return Math.sqrt(z * z - 2 - 1 / n + 4 * x * ((y + 1) / n));
    }
}
