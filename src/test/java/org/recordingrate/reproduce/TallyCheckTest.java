package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;

/**
 * Rounding-aware back-calculation (issue 17, item 6), against a plain enumeration written here: for
 * every n, every x whose rate x/n lies within half a unit of the printed rate's last digit, whether
 * the Wald margin 100 z sqrt(p(1 - p)/n) lies within half a unit of the printed margin's. The
 * same enumeration in Python, {@code src/test/resources/reports/make-figures.py}, printed the
 * values cited below.
 */
class TallyCheckTest {

    private static final double Z95 = 1.959963984540054; // R: qnorm(0.975)

    /** Every tally (x, n), n up to {@code nMax}, that reproduces the printed figure: the plain enumeration. */
    private static List<Tally> enumerate(String rate, String margin, double z, int nMax) {
        double r = Double.parseDouble(rate);
        double m = Double.parseDouble(margin);
        double hr = half(rate);
        double hm = half(margin);
        List<Tally> found = new ArrayList<>();
        for (int n = 1; n <= nMax; n++) {
            int from = Math.max(0, (int) Math.floor(n * (r - hr) / 100) - 1);
            int to = Math.min(n, (int) Math.ceil(n * (r + hr) / 100) + 1);
            for (int x = from; x <= to; x++) {
                double p = (double) x / n;
                if (Math.abs(100 * p - r) <= hr + 1e-12
                        && Math.abs(100 * z * Math.sqrt(p * (1 - p) / n) - m) <= hm * (1 + 1e-9)) {
                    found.add(Tally.of(x, n));
                }
            }
        }
        return found;
    }

    private static double half(String printed) {
        int dot = printed.indexOf('.');
        int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
        return 5 / Math.pow(10, decimals + 1);
    }

    private static PublishedFigure figure(String rate, String margin) {
        return new PublishedFigure(new BigDecimal(rate), new BigDecimal(margin), 0.95);
    }

    @Test
    void theSeedReportsSexualOffencesAndMerseysidesViolenceComeFromNoTally() {
        // make-figures.py: "99.0 +/- 1.7: 0 tallies", "81.37 +/- 3.23: 0 tallies" (n up to 5,000)
        for (String[] printed : new String[][] {{"99.0", "1.7"}, {"81.37", "3.23"}}) {
            TallyCheck check = TallyCheck.of(figure(printed[0], printed[1]));
            assertEquals(Optional.of(false), check.reproducible(), check.toString());
            assertEquals(Optional.empty(), check.example());
            assertTrue(check.reason().startsWith("no whole tally gives " + printed[0] + " +/- " + printed[1]), check.reason());
            assertEquals(List.of(), enumerate(printed[0], printed[1], Z95, 5000));
        }
        // 99.0 +/- 1.7: p(1-p) over [0.9895, 0.9905] is 0.0094098 to 0.0103898, times z^2 = 3.8414588
        // over 1.75^2 and 1.65^2 (in percent: / 1e-4): n from 118.03 to 146.6
        TallyCheck sexual = TallyCheck.of(figure("99.0", "1.7"));
        assertEquals(119, sexual.auditedLower());
        assertEquals(146, sexual.auditedUpper());
    }

    @Test
    void aFigureFromATallyIsReproducedByTheSmallestTallyThatGivesIt() {
        // make-figures.py: "89.1 +/- 4.3: 2 tallies, n 201 to 202, first (179, 201)";
        // "88.0 +/- 3.4: 8 tallies, n 342 to 359, first (301, 342)"; "93.3 +/- 4.8: ... first (97, 104)"
        assertEquals(Optional.of(Tally.of(179, 201)), TallyCheck.of(figure("89.1", "4.3")).example());
        assertEquals(Optional.of(Tally.of(301, 342)), TallyCheck.of(figure("88.0", "3.4")).example());
        assertEquals(Optional.of(Tally.of(97, 104)), TallyCheck.of(figure("93.3", "4.8")).example());
        TallyCheck violence = TallyCheck.of(figure("89.1", "4.3"));
        assertEquals(Optional.of(true), violence.reproducible());
        assertEquals("", violence.reason());
        assertTrue(violence.auditedLower() <= 201 && violence.auditedUpper() >= 202, violence.toString());
    }

    @Test
    void agreesWithThePlainEnumerationOnRandomFigures() {
        // 600 figures: rates to one or two decimals, margins 2.0 to 9.9 (n at most about 2,600)
        SplittableRandom random = new SplittableRandom(20_240_617L);
        int reproducible = 0;
        for (int i = 0; i < 600; i++) {
            boolean twoDecimals = i % 5 == 0;
            String rate = twoDecimals ? String.format(java.util.Locale.ROOT, "%.2f", 50 + random.nextInt(4999) / 100.0)
                    : String.format(java.util.Locale.ROOT, "%.1f", 50 + random.nextInt(500) / 10.0);
            String margin = String.format(java.util.Locale.ROOT, "%.1f", 2 + random.nextInt(80) / 10.0);
            TallyCheck check = TallyCheck.of(figure(rate, margin));
            List<Tally> all = enumerate(rate, margin, Z95, 3000);
            String where = rate + " +/- " + margin + ": " + check;
            assertEquals(Optional.of(!all.isEmpty()), check.reproducible(), where);
            if (!all.isEmpty()) {
                reproducible++;
                long smallest = all.stream().mapToLong(Tally::audited).min().getAsLong();
                long largest = all.stream().mapToLong(Tally::audited).max().getAsLong();
                assertEquals(smallest, check.example().get().audited(), where);
                assertTrue(all.contains(check.example().get()), where);
                assertTrue(check.auditedLower() <= smallest && largest <= check.auditedUpper(), where);
            }
        }
        // most figures printed to one decimal come from some tally; some do not
        assertTrue(reproducible > 200 && reproducible < 600, "reproducible: " + reproducible);
    }

    @Test
    void theAuditedRangeBracketsTheImpliedCount() {
        PublishedFigure figure = figure("93.2", "2.3");
        TallyCheck check = TallyCheck.of(figure);
        assertTrue(check.auditedLower() <= figure.impliedAudited() && figure.impliedAudited() <= check.auditedUpper(),
                check.toString());
    }

    @Test
    void aFigureTooPreciseToSearchSaysSo() {
        // margin 0.01 +/- 0.005 at 50%: n from 0.25 z^2 / 0.00015^2 = 42.7 million to 384 million
        TallyCheck check = TallyCheck.of(figure("50.0", "0.01"));
        assertEquals(Optional.empty(), check.reproducible());
        assertTrue(check.reason().startsWith("not searched"), check.reason());
        assertFalse(check.auditedUpper() - check.auditedLower() + 1 <= TallyCheck.MAX_SEARCHED);
    }

    @Test
    void ratesAtTheEdges() {
        // 100.0 +/- 0.5: x = n gives a margin of 0, and x = n - 1 needs n near 770 (below 99.95 percent
        // from n = 2,000): nothing rounds to both
        assertEquals(List.of(), enumerate("100.0", "0.5", Z95, 5000));
        assertEquals(Optional.of(false), TallyCheck.of(figure("100.0", "0.5")).reproducible());
        // 0.5 +/- 0.5: 1 of 199 gives 0.50 +/- 0.98 -- enumerate decides
        assertEquals(Optional.of(!enumerate("0.5", "0.5", Z95, 3000).isEmpty()),
                TallyCheck.of(figure("0.5", "0.5")).reproducible());
    }

    @Test
    void ratesBelowAHalfAndAcrossItAgreeWithThePlainEnumeration() {
        // the mirrored (falling) side of the search and the variance at rates straddling 1/2: rates from 0.5 to 99.5
        SplittableRandom random = new SplittableRandom(20_261_207L);
        for (int i = 0; i < 120; i++) {
            String rate = String.format(java.util.Locale.ROOT, "%.1f", 0.5 + random.nextInt(991) / 10.0);
            String margin = String.format(java.util.Locale.ROOT, "%.1f", 2 + random.nextInt(80) / 10.0);
            TallyCheck check = TallyCheck.of(figure(rate, margin));
            List<Tally> all = enumerate(rate, margin, Z95, 3000);
            String where = rate + " +/- " + margin + ": " + check;
            assertEquals(Optional.of(!all.isEmpty()), check.reproducible(), where);
            if (!all.isEmpty()) {
                assertEquals(all.stream().mapToLong(Tally::audited).min().getAsLong(), check.example().get().audited(), where);
                assertTrue(all.contains(check.example().get()), where);
            }
        }
    }

    /**
     * The audited range as the class comment defines it, written here in BigDecimal from the printed figure:
     * n from p(1 - p) z^2 / M_hi^2 at the rate farthest from 1/2, to p(1 - p) z^2 / M_lo^2 at the rate nearest
     * 1/2 (1/4 when the rate's interval holds 1/2), rounded inwards, at least 1.
     */
    private static long[] auditedRange(String rate, String margin, double z) {
        java.math.MathContext mc = java.math.MathContext.DECIMAL128;
        BigDecimal r = new BigDecimal(rate);
        BigDecimal m = new BigDecimal(margin);
        BigDecimal hr = BigDecimal.valueOf(half(rate));
        BigDecimal hm = BigDecimal.valueOf(half(margin));
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal pl = r.subtract(hr).max(BigDecimal.ZERO).divide(hundred, mc);
        BigDecimal ph = r.add(hr).min(hundred).divide(hundred, mc);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal vl = pl.multiply(BigDecimal.ONE.subtract(pl));
        BigDecimal vh = ph.multiply(BigDecimal.ONE.subtract(ph));
        BigDecimal vMin = vl.min(vh);
        BigDecimal vMax = pl.compareTo(half) <= 0 && ph.compareTo(half) >= 0 ? new BigDecimal("0.25") : vl.max(vh);
        BigDecimal z2 = new BigDecimal(z).pow(2, mc);
        BigDecimal mHigh = m.add(hm).divide(hundred, mc);
        BigDecimal mLow = m.subtract(hm).divide(hundred, mc);
        double nLow = vMin.multiply(z2, mc).divide(mHigh.pow(2), mc).doubleValue();
        double nHigh = vMax.multiply(z2, mc).divide(mLow.pow(2), mc).doubleValue();
        return new long[] {Math.max(1, (long) Math.ceil(nLow)), (long) Math.floor(nHigh), Math.round(nLow), Math.round(nHigh)};
    }

    @Test
    void theAuditedRangeIsTheClassCommentsFormula() {
        SplittableRandom random = new SplittableRandom(7_2026L);
        int checked = 0;
        for (int i = 0; i < 400; i++) {
            String rate = String.format(java.util.Locale.ROOT, "%.1f", random.nextInt(1001) / 10.0);
            String margin = String.format(java.util.Locale.ROOT, "%.1f", 0.6 + random.nextInt(95) / 10.0);
            long[] range = auditedRange(rate, margin, Z95);
            TallyCheck check = TallyCheck.of(figure(rate, margin));
            // the class allows a relative 1e-9 on the margin: skip the (rare) figures with an end that close to a whole count
            double nLow = auditedRange(rate, margin, Z95)[2];
            if (Math.abs(check.auditedLower() - range[0]) > 0 || Math.abs(check.auditedUpper() - range[1]) > 0) {
                assertTrue(Math.abs(nLow - range[0]) < 1e-6 * nLow || Math.abs(range[3] - range[1]) < 1e-6 * range[3],
                        rate + " +/- " + margin + ": expected " + range[0] + " to " + range[1] + ", got " + check);
                continue;
            }
            checked++;
        }
        assertTrue(checked > 390, "checked " + checked);
        // a worked case: 50.0 +/- 5.0 (p in [0.4995, 0.5005], M in [0.0495, 0.0505]):
        // n from 0.4995 x 0.5005 x 1.959964^2 / 0.0505^2 = 376.5 to 0.25 x 1.959964^2 / 0.0495^2 = 391.9
        TallyCheck fifty = TallyCheck.of(figure("50.0", "5.0"));
        assertEquals(377, fifty.auditedLower());
        assertEquals(391, fifty.auditedUpper());
    }

    @Test
    void theOneLineVerdictNamesTheRangeAndTheTallyOrTheReason() {
        TallyCheck reproduced = TallyCheck.of(figure("89.1", "4.3"));
        assertTrue(reproduced.toString().endsWith(": " + String.format(java.util.Locale.ROOT, "%,d to %,d audited",
                reproduced.auditedLower(), reproduced.auditedUpper()) + "; reproduced by 179 of 201"), reproduced.toString());
        TallyCheck not = TallyCheck.of(figure("99.0", "1.7"));
        assertTrue(not.toString().endsWith(": 119 to 146 audited; " + not.reason()), not.toString());
        TallyCheck unsearched = TallyCheck.of(figure("50.0", "0.01"));
        assertTrue(unsearched.toString().endsWith("audited; " + unsearched.reason()), unsearched.toString());
        assertTrue(unsearched.reason().contains("more than 10,000,000 counts"), unsearched.reason());
        // a margin no whole count gives: 50.0 +/- 60.0 needs n below 1
        TallyCheck none = TallyCheck.of(figure("50.0", "60.0"));
        assertEquals(Optional.of(false), none.reproducible());
        assertTrue(none.auditedUpper() < none.auditedLower(), none.toString());
        assertEquals("no audited count gives a Wald margin of 60.0 percent at a rate of 50.0 percent", none.reason());
    }
}
