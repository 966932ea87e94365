package org.recordingrate.forces;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Token;

/**
 * Funnel-plot control limits against funnel/funnel-limits.csv, made by the committed
 * funnel/make-funnel-limits.py with 50-digit mpmath (the binomial CDF by a continued fraction, checked
 * against scipy's betainc and binom for whole n): Spiegelhalter (2005), appendix A.1.1.
 */
class FunnelLimitsTest {

    private static List<CSVRecord> reference() throws IOException {
        try (InputStream in = FunnelLimitsTest.class.getResourceAsStream("/funnel/funnel-limits.csv")) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords());
        }
    }

    /** The p-limit through the public methods: p below one half is a lower limit at coverage 1 - 2p. */
    private static double limit(FunnelLimits limits, double theta, double n, double p) {
        return p < 0.5 ? limits.lower(theta, n, 1 - 2 * p) : limits.upper(theta, n, 2 * p - 1);
    }

    /**
     * Tolerance 1e-12 absolute, both methods. The exact limit is (r - alpha)/n with alpha = (F(r) -
     * p)/(F(r) - F(r - 1)); F comes from the incomplete beta, good to about 1e-14 (internal/Beta),
     * so alpha carries about 1e-14 over the step F(r) - F(r - 1), which is at least the binomial
     * probability at the quantile. The worst row observed is 8e-16 (theta 0.5, n 100, p 0.999), three
     * orders inside the tolerance.
     */
    @Test
    void matchReference() throws IOException {
        List<CSVRecord> rows = reference();
        assertEquals(260, rows.size());
        double worst = 0;
        for (CSVRecord row : rows) {
            double theta = Double.parseDouble(row.get("theta"));
            double n = Double.parseDouble(row.get("n"));
            double p = Double.parseDouble(row.get("p"));
            double exact = limit(FunnelLimits.EXACT_BINOMIAL, theta, n, p);
            double normal = limit(FunnelLimits.NORMAL, theta, n, p);
            double errorExact = Math.abs(exact - Double.parseDouble(row.get("exact_binomial")));
            double errorNormal = Math.abs(normal - Double.parseDouble(row.get("normal")));
            worst = Math.max(worst, Math.max(errorExact, errorNormal));
            assertTrue(errorExact <= 1e-12, "exact " + row + ": " + exact);
            assertTrue(errorNormal <= 1e-12, "normal " + row + ": " + normal);
        }
        assertTrue(worst <= 1e-12, "worst error " + worst);
    }

    /** Limits nest: 99.8% outside 95% outside the target; and they close in as n grows. */
    @Test
    void limitsNestAndNarrow() {
        for (FunnelLimits limits : FunnelLimits.values()) {
            double previousWidth = Double.POSITIVE_INFINITY;
            for (double n : new double[] {50, 100, 200, 400, 800, 1600}) {
                double l998 = limits.lower(0.9, n, 0.998);
                double l95 = limits.lower(0.9, n, 0.95);
                double u95 = limits.upper(0.9, n, 0.95);
                double u998 = limits.upper(0.9, n, 0.998);
                assertTrue(l998 < l95 && l95 < 0.9 && 0.9 < u95 && u95 < u998, limits + " n " + n);
                assertTrue(u95 - l95 < previousWidth, limits + " n " + n);
                previousWidth = u95 - l95;
            }
        }
    }

    /** For large n the exact limits approach the normal ones: at n = 10^6 within 1e-4 (skewness term ~ 1/n). */
    @Test
    void exactApproachesNormal() {
        double exact = FunnelLimits.EXACT_BINOMIAL.lower(0.9, 1e6, 0.998);
        double normal = FunnelLimits.NORMAL.lower(0.9, 1e6, 0.998);
        assertEquals(normal, exact, 1e-4);
    }

    @Test
    void tokensAndArguments() {
        assertEquals(FunnelLimits.EXACT_BINOMIAL, Token.parse(FunnelLimits.class, "limits", "Exact-Binomial"));
        assertEquals(FunnelLimits.EXACT_BINOMIAL, Token.parse(FunnelLimits.class, "limits", "exact"));
        assertEquals(FunnelLimits.NORMAL, Token.parse(FunnelLimits.class, "limits", "normal"));
        assertThrows(IllegalArgumentException.class, () -> Token.parse(FunnelLimits.class, "limits", "poisson"));
        assertThrows(IllegalArgumentException.class, () -> FunnelLimits.NORMAL.lower(1.0, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> FunnelLimits.NORMAL.lower(0.9, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> FunnelLimits.NORMAL.lower(0.9, Double.POSITIVE_INFINITY, 0.95));
        assertThrows(IllegalArgumentException.class, () -> FunnelLimits.EXACT_BINOMIAL.upper(0.9, 10, 1.0));
    }
}
