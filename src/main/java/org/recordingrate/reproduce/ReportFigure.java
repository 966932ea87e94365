package org.recordingrate.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.compare.Verdict;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;

/**
 * One category's crime-data-integrity figures as a report states them, with their check: a row of
 * {@link PublishedReport}. "We estimate that the constabulary is recording 93.2 percent (with a
 * confidence interval of +/- 2.3 percent) of all reported crime (excluding fraud). This is a
 * statistically significant improvement compared with the findings from our previous 2017
 * inspection, where we found 87.8 percent (with a confidence interval of +/- 1.7 percent). We
 * estimate that the constabulary didn't record more than 4,500 crimes ..." gives category {@code all
 * crime}, rate 93.2 +/- 2.3, previous 87.8 +/- 1.7 labelled "2017", the published verdict, and
 * "more than" 4,500; {@link #check()} recomputes the verdict and says whether the words and numbers
 * agree ({@link FigureCheck}).
 *
 * @param file              the report's file as named
 * @param force             the force, from the report's title or its sentences, if found
 * @param inspection        the inspection ("PEEL 2021/22"), from the title, if found
 * @param category          the category, normalised ({@link CategoryAliases#category(String)})
 * @param publishedCategory the category as the report words it ("all reported crime (excluding fraud)")
 * @param figure            the figure, as printed
 * @param previous          the previous inspection's figure, if stated
 * @param previousLabel     the previous inspection as the report names it ("2017"), if stated
 * @param publishedVerdict  the verdict the report states, if any
 * @param moreThan          the published "didn't record more than N", if stated
 * @param line              the 1-based line of the report on which the figure's sentence starts
 * @param significance      the level of the report's "statistically significant" (0.05 unless it says)
 * @param volume            the recorded volume given for the check, if any
 * @param check             the check of the words against the numbers
 * @param remarks           what the reading noticed about this figure (a test other than the z-test, ...)
 */
public record ReportFigure(String file, Optional<String> force, Optional<String> inspection, String category,
                           String publishedCategory, PublishedFigure figure, Optional<PublishedFigure> previous,
                           Optional<String> previousLabel, Optional<Verdict> publishedVerdict, OptionalLong moreThan,
                           long line, double significance, OptionalLong volume, FigureCheck check, List<String> remarks)
        implements Result {

    /**
     * The columns of a figure read from a report (fractions for rates and margins, as every CSV and
     * JSON of the library): {@code file,force,inspection,category,published_category,rate,margin,
     * confidence,previous_rate,previous_margin,previous_label,published_verdict,more_than,line}, then
     * what is recomputed: {@code change,z,p_value,verdict,implied_audited,implied_audited_lower,
     * implied_audited_upper,volume,volume_lower,volume_upper,consistent} ({@code more_than} is the
     * published count; {@code volume_lower,volume_upper} the volumes consistent with it;
     * {@code consistent} is {@code true}, {@code false} or empty, see {@link FigureCheck}). The
     * notes column carries the reasons.
     */
    public static final ResultColumns<ReportFigure> COLUMNS = ResultColumns.<ReportFigure>of()
            .add("file", Kind.TEXT, ReportFigure::file)
            .add("force", Kind.TEXT, ReportFigure::force)
            .add("inspection", Kind.TEXT, ReportFigure::inspection)
            .add("category", Kind.TEXT, ReportFigure::category)
            .add("published_category", Kind.TEXT, ReportFigure::publishedCategory)
            .add("rate", Kind.FRACTION, f -> f.figure().rate())
            .add("margin", Kind.FRACTION, f -> f.figure().margin())
            .add("confidence", Kind.NUMBER, f -> f.figure().confidence())
            .add("previous_rate", Kind.FRACTION, f -> f.previous().map(PublishedFigure::rate))
            .add("previous_margin", Kind.FRACTION, f -> f.previous().map(PublishedFigure::margin))
            .add("previous_label", Kind.TEXT, ReportFigure::previousLabel)
            .add("published_verdict", Kind.TEXT, f -> f.publishedVerdict().map(Verdict::words))
            .add("more_than", Kind.COUNT, ReportFigure::moreThan)
            .add("line", Kind.COUNT, ReportFigure::line)
            .add("change", Kind.CHANGE, f -> f.check().comparison().map(PublishedComparison::change))
            .add("z", Kind.NUMBER, f -> f.check().comparison().map(PublishedComparison::z))
            .add("p_value", Kind.PVALUE, f -> f.check().comparison().map(PublishedComparison::pValue))
            .add("verdict", Kind.TEXT, f -> f.check().comparison().map(c -> c.verdict().words()))
            .add("implied_audited", Kind.NUMBER, f -> f.figure().impliedAudited())
            .add("implied_audited_lower", Kind.COUNT, f -> f.check().tally().map(TallyCheck::auditedLower))
            .add("implied_audited_upper", Kind.COUNT, f -> f.check().tally().map(TallyCheck::auditedUpper))
            .add("volume", Kind.COUNT, ReportFigure::volume)
            .add("volume_lower", Kind.COUNT, f -> f.check().volumes().map(VolumeRange::lower))
            .add("volume_upper", Kind.COUNT, f -> f.check().volumes().map(v -> v.upper().isPresent()
                    ? (Object) v.upper().getAsLong() : Double.POSITIVE_INFINITY))
            .add("consistent", Kind.BOOLEAN, f -> f.check().consistent());

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException if an argument is null, the category is blank, the line is
     *                                  below 1 or the significance is outside (0, 1)
     */
    public ReportFigure {
        Args.notNull("file", file);
        Args.notNull("force", force);
        Args.notNull("inspection", inspection);
        Args.notBlank("category", category);
        Args.notNull("publishedCategory", publishedCategory);
        Args.notNull("figure", figure);
        Args.notNull("previous", previous);
        Args.notNull("previousLabel", previousLabel);
        Args.notNull("publishedVerdict", publishedVerdict);
        Args.notNull("moreThan", moreThan);
        Args.positive("line", line);
        Args.significance(significance);
        Args.notNull("volume", volume);
        Args.notNull("check", check);
        remarks = List.copyOf(Args.notNull("remarks", remarks));
    }

    /**
     * Whether this is the all-crime figure.
     *
     * @return true when the category is {@link Names#ALL_CRIME}
     */
    public boolean isAllCrime() {
        return Names.isAllCrime(category);
    }

    /**
     * This figure checked again with a volume, a rounding unit of "more than N" and a category
     * (from other aliases).
     *
     * @param newCategory the category
     * @param newVolume   the recorded volume, if known
     * @param unit        the unit of "more than N", 0 for the default
     * @return the figure with a new check
     * @throws IllegalArgumentException for a blank category, a volume below 1 or a negative unit
     */
    public ReportFigure recheck(String newCategory, OptionalLong newVolume, long unit) {
        Args.notBlank("category", newCategory);
        FigureCheck again = FigureCheck.of(figure, previous, publishedVerdict, moreThan, newVolume,
                Names.isAllCrime(newCategory), unit, significance);
        return new ReportFigure(file, force, inspection, newCategory, publishedCategory, figure, previous,
                previousLabel, publishedVerdict, moreThan, line, significance, newVolume, again, remarks);
    }

    /**
     * What the reading noticed, then the check's notes (the reasons when not consistent first among them).
     *
     * @return the notes, in order
     */
    @Override
    public List<String> notes() {
        List<String> all = new ArrayList<>(check.notes());
        all.addAll(remarks);
        return List.copyOf(all);
    }

    /**
     * The row of {@link #COLUMNS}, with its notes.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        ResultTable table = COLUMNS.table(this);
        for (String note : notes()) {
            table.noteRow(note);
        }
        return table;
    }

    /**
     * Where the figure is, what it says and what the check found, a line each.
     *
     * @return the summary, lines separated by {@code \n}
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(file).append(" line ").append(line).append(": ").append(category);
        if (!Names.same(category, publishedCategory)) {
            text.append(" (\"").append(publishedCategory).append("\")");
        }
        text.append('\n').append("  published  ").append(figure);
        previous.ifPresent(p -> text.append(" vs ").append(p).append(previousLabel.map(l -> " (" + l + ")").orElse("")));
        publishedVerdict.ifPresent(v -> text.append(": ").append(v.words()));
        moreThan.ifPresent(n -> text.append(String.format(Locale.ROOT, "; more than %,d unrecorded", n)));
        text.append('\n');
        check.comparison().ifPresent(c -> text.append("  recomputed ").append(Percent.points(c.change()))
                .append(String.format(Locale.ROOT, ", z = %.2f, p = %s: ", c.z(), Percent.pValue(c.pValue())))
                .append(c.verdict().words()).append('\n'));
        text.append("  consistent ").append(check.consistent().map(String::valueOf).orElse("not checked")).append('\n');
        for (String note : notes()) {
            text.append("  note       ").append(note).append('\n');
        }
        return text.toString();
    }

    /** {@code "line 12: all crime 93.2% (+/- 2.3%) vs 87.8% (+/- 1.7%): statistically significant improvement, consistent"}. */
    @Override
    public String toString() {
        return "line " + line + ": " + category + " " + figure + previous.map(p -> " vs " + p).orElse("")
                + publishedVerdict.map(v -> ": " + v.words()).orElse("")
                + check.consistent().map(c -> c ? ", consistent" : ", NOT consistent").orElse("");
    }
}
