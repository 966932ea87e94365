package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * {@link FigureResult}'s text (what JShell's {@code show} prints): the figure's or the comparison's
 * lines, then the unrecorded crimes, the volumes consistent with "more than N", the audited counts
 * the rounding allows, the verdict of the check and its notes. The numbers are those of
 * {@link FigureCheckTest#moreThanAgainstAVolume} ({@code make-figures.py}: 7,500 at 91.4% needs a
 * volume of 79,206 to 81,288) and the unrecorded crimes V (1 - r)/r of the rate and of the
 * interval's ends.
 */
class FigureResultTest {

    private static PublishedFigure figure(String rate, String margin) {
        return new PublishedFigure(new BigDecimal(rate), new BigDecimal(margin), 0.95);
    }

    @Test
    void aFigureContradictedByItsVolumeSaysWhy() {
        PublishedFigure all = figure("91.4", "2.6");
        FigureCheck check = FigureCheck.of(all, Optional.empty(), Optional.empty(), OptionalLong.of(7500),
                OptionalLong.of(50_000), true, 0, 0.05);
        FigureResult result = new FigureResult(all, Optional.empty(), Optional.of(all.unrecorded(50_000)),
                check.volumes(), check);
        String note = "\"didn't record more than 7,500\" at 91.4 percent needs a volume of 79,206 to 81,288"
                + " recorded crimes; the volume is 50,000";
        // 50,000 x 0.086/0.914 = 4,704.6; at the interval's ends 88.8% and 94.0%:
        // 50,000 x 0.06/0.94 = 3,191.5 and 50,000 x 0.112/0.888 = 6,306.3
        String unrecorded = "estimate 4,705; 3,191 to 6,306";
        assertEquals(List.of(note), result.notes());
        String summary = result.summary();
        assertTrue(summary.startsWith(all.summary()), summary);
        assertTrue(summary.contains("unrecorded crimes: more than ") && summary.contains(unrecorded), summary);
        assertTrue(summary.contains("volumes consistent with the published figure: 79,206 to 81,288\n"), summary);
        assertTrue(summary.contains("consistent        no\n"), summary);
        assertTrue(summary.endsWith("note              " + note + "\n"), summary);
        String line = result.toString();
        assertTrue(line.startsWith("91.4% (+/- 2.6%); unrecorded crimes more than "), line);
        assertTrue(line.contains(unrecorded) && line.contains("; volumes consistent with the published 'more than N':"
                + " 79,206 to 81,288; not consistent: " + note), line);
    }

    @Test
    void aCategoryFigureShowsTheAuditedCountsItsRoundingAllows() {
        // 90.0 +/- 4.2: 180 of 200 gives 90.0% and 1.96 sqrt(0.9 x 0.1/200) = 4.16 -> 4.2
        PublishedFigure category = figure("90.0", "4.2");
        FigureResult result = new FigureResult(category, Optional.empty());
        FigureCheck check = result.check();
        assertEquals(Optional.of(true), check.consistent());
        TallyCheck tally = check.tally().orElseThrow();
        assertTrue(tally.auditedLower() <= 200 && 200 <= tally.auditedUpper(), tally.toString());
        String summary = result.summary();
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT,
                "audited           %,d to %,d allow for the rounding of rate and margin%n", tally.auditedLower(),
                tally.auditedUpper())), summary);
        assertTrue(summary.contains("consistent        yes\n"), summary);
        assertTrue(!summary.contains("unrecorded crimes") && !summary.contains("volumes consistent"), summary);
        assertEquals("90.0% (+/- 4.2%)", result.toString());
        // nothing checked: all crime with nothing published beside it
        FigureResult alone = new FigureResult(category, Optional.empty(), Optional.empty(), Optional.empty(),
                FigureCheck.of(category, Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        true, 0, 0.05));
        assertTrue(alone.summary().endsWith("consistent        not checked\n"), alone.summary());
    }
}
