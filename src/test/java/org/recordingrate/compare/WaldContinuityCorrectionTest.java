package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Token;

/**
 * {@link DifferenceMethod#WALD_CC} is R's {@code prop.test} interval: every row of
 * {@code src/test/resources/r/prop-test-intervals.csv}, written by R 4.2.2 from
 * {@code prop.test(c(x_after, x_before), c(n_after, n_before), conf.level = level)$conf.int}
 * ({@code r/make-prop-test.R}, run there with {@code Rscript make-prop-test.R > prop-test-intervals.csv}).
 * R computes the same closed form in doubles, so the bounds agree to rounding (1e-12); the
 * 80-digit values over the whole supported range are in {@code reference-extended}
 * ({@code DifferenceMethodExtendedReferenceTest}).
 */
class WaldContinuityCorrectionTest {

    private static final List<Row> ROWS = ReferenceData.resource("/r/prop-test-intervals.csv");

    @Test
    void everyRowIsRsPropTest() {
        assertTrue(ROWS.size() >= 19, "rows: " + ROWS.size());
        for (Row row : ROWS) {
            Tally before = Tally.of(row.whole("recorded_before"), row.whole("audited_before"));
            Tally after = Tally.of(row.whole("recorded_after"), row.whole("audited_after"));
            Interval interval = DifferenceMethod.WALD_CC.interval(before, after, row.number("confidence"));
            assertEquals(row.number("lower"), interval.lower(), 1e-12, row.where());
            assertEquals(row.number("upper"), interval.upper(), 1e-12, row.where());
        }
    }

    @Test
    void theIssuesExampleAndItsToken() {
        // R: prop.test(c(188, 512), c(202, 640))$conf.int = 0.080670822444118884 0.18071531616974251
        Interval r = Token.parse(DifferenceMethod.class, "method", "wald_cc").interval(Tally.of(512, 640),
                Tally.of(188, 202), 0.95);
        assertEquals(0.080670822444118884, r.lower(), 1e-15);
        assertEquals(0.18071531616974251, r.upper(), 1e-15);
        // the correction is never more than |d|: at d = 0 the interval is Wald's
        Tally half = Tally.of(50, 100);
        assertEquals(DifferenceMethod.WALD.interval(half, half, 0.95), DifferenceMethod.WALD_CC.interval(half, half, 0.95));
        // otherwise it widens Wald by (1/na + 1/nb)/2 on each side: 1/202 + 1/640 halved
        Interval wald = DifferenceMethod.WALD.interval(Tally.of(512, 640), Tally.of(188, 202), 0.95);
        double c = 0.5 * (1.0 / 202 + 1.0 / 640);
        assertEquals(wald.lower() - c, r.lower(), 1e-15);
        assertEquals(wald.upper() + c, r.upper(), 1e-15);
    }
}
