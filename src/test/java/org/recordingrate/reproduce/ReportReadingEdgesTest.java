package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Verdict;

/**
 * Phrasings of the text reader ({@link ReportReader} through {@link PublishedReport#parse}) and of the verdict
 * words ({@link FigureCheck#verdict}) that the report tests do not reach: the interval's method word, the
 * "more than N" count, a significance level out of range, a verdict with "not" four words before
 * "significant", a change with its direction. The expected readings follow the class comments.
 */
class ReportReadingEdgesTest {

    private static final String FIGURE = "We estimate that the force is recording 92.5 percent (with a 95 percent %s+/- 2.6"
            + " percent) of reported violent offences.";

    private static ReportFigure only(String text) {
        List<ReportFigure> figures = PublishedReport.parse("t", text).figures();
        assertEquals(1, figures.size(), text + ": " + figures);
        return figures.get(0);
    }

    private static boolean namesAnInterval(ReportFigure f) {
        return f.notes().stream().anyMatch(n -> n.startsWith("the report names a "));
    }

    @Test
    void theIntervalsMethodWordIsRemarkedUnlessItIsWaldOrAGenericWord() {
        ReportFigure wilson = only(String.format(FIGURE, "Wilson confidence interval of "));
        assertTrue(wilson.notes().contains("the report names a Wilson interval; its +/- is taken as a symmetric margin"),
                wilson.notes().toString());
        for (String generic : List.of("Wald confidence interval of ", "CI ", "margin ", "confidence ", "")) {
            ReportFigure f = only(String.format(FIGURE, generic));
            assertTrue(!namesAnInterval(f), generic + ": " + f.notes());
            assertEquals(0.925, f.figure().rate(), 1e-12);
            assertEquals(0.026, f.figure().margin(), 1e-12);
        }
    }

    @Test
    void moreThanNAndNoneUnrecordedAreReadFromTheFiguresBlock() {
        String figure = String.format(FIGURE, "");
        assertEquals(OptionalLong.of(4800), only(figure + " This means the force didn't record more than 4,800 crimes.")
                .moreThan());
        assertEquals(OptionalLong.of(120), only(figure + " The force did not record over 120 crimes.").moreThan());
        assertEquals(OptionalLong.of(0), only(figure + " The force recorded all of them.").moreThan());
        assertEquals(OptionalLong.empty(), only(figure).moreThan());
        // both phrases: the first one stated wins
        assertEquals(OptionalLong.of(35), only(figure + " It failed to record more than 35 crimes; it recorded all of"
                + " these crimes later.").moreThan());
        assertEquals(OptionalLong.of(0), only(figure + " It recorded all of them; it failed to record more than 35.")
                .moreThan());
        // beyond a long: not a count a report prints
        assertEquals(OptionalLong.empty(), only(figure + " It did not record more than 99999999999999999999 crimes.")
                .moreThan());
    }

    @Test
    void aSignificanceLevelOfZeroIsIgnoredWithARemark() {
        String figure = String.format(FIGURE, "");
        ReportFigure zero = only(figure + " This is a statistically significant improvement at the 0 percent"
                + " significance level compared with 80.0 percent (+/- 3.0 percent) in 2017.");
        assertEquals(0.05, zero.significance());
        assertTrue(zero.notes().contains("significance level '0 percent' ignored: 5 percent used"), zero.notes().toString());
        ReportFigure tenth = only(figure + " This is a statistically significant improvement at the 0.1 percent"
                + " significance level compared with 80.0 percent (+/- 3.0 percent) in 2017.");
        assertEquals(0.001, tenth.significance(), 1e-15);
    }

    @Test
    void theVerdictsWordsAreTakenFromAroundSignificant() {
        String figure = String.format(FIGURE, "");
        ReportFigure not = only(figure + " Compared with 91.0 percent (+/- 2.0 percent) in 2019, this is not a"
                + " statistically significant change.");
        assertEquals(Optional.of(Verdict.NO_CHANGE), not.publishedVerdict());
        ReportFigure up = only(figure + " Compared with 80.0 percent (+/- 2.0 percent) in 2019, this is a"
                + " statistically significant improvement.");
        assertEquals(Optional.of(Verdict.IMPROVEMENT), up.publishedVerdict());
        // a change with its direction is that direction; without one, or with "not" before, no change
        assertEquals(Verdict.IMPROVEMENT, FigureCheck.verdict("a significant change, an improvement"));
        assertEquals(Verdict.DETERIORATION, FigureCheck.verdict("a significant change: a decline"));
        assertEquals(Verdict.NO_CHANGE, FigureCheck.verdict("not a significant change, an improvement"));
        assertThrows(IllegalArgumentException.class, () -> FigureCheck.verdict("significant"));
    }
}
