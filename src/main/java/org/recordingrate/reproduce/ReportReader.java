package org.recordingrate.reproduce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recordingrate.compare.Verdict;

/**
 * Finds the crime-data-integrity figures in a report's plain text ({@link ReportText}); see
 * {@link PublishedReport} for the phrasing it reads. Not thread-confined: a new reader per text.
 */
final class ReportReader {

    /** A number of percent: "93.2 percent", "93.2%", "93.2 per cent". */
    private static final String PERCENT = "(?:\\s*%|\\s*per\\s?cent)";
    private static final String NUMBER = "(\\d{1,3}(?:\\.\\d+)?)";
    /** The words that may open the bracket: "(with a 95 percent Wald confidence interval of". */
    private static final String OPENING = "\\s*[(,]?\\s*(?:with\\s+)?(?:an?\\s+)?(?:(?<level>\\d{1,2}(?:\\.\\d+)?)"
            + PERCENT + "\\s+)?(?:(?<method>[A-Za-z][\\w'-]*)\\s+)?";
    private static final Pattern MARGIN_FIGURE = Pattern.compile("(?<![\\d.])(?<rate>\\d{1,3}(?:\\.\\d+)?)" + PERCENT
            + OPENING + "(?:(?:confidence\\s+interval|margin\\s+of\\s+error|ci)\\s*(?:of\\s+|:\\s*)?)?"
            + "(?:\\+\\s*/\\s*-|plus\\s+or\\s+minus)\\s*(?<margin>\\d{1,3}(?:\\.\\d+)?)"
            + "(?:\\s*percentage\\s+points|\\s*points|" + PERCENT + ")?\\s*\\)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERVAL_FIGURE = Pattern.compile("(?<![\\d.])(?<rate>\\d{1,3}(?:\\.\\d+)?)" + PERCENT
            + OPENING + "confidence\\s+interval\\s*(?:of\\s+|:\\s*|from\\s+)?(?<lower>\\d{1,3}(?:\\.\\d+)?)" + PERCENT
            + "?\\s*(?:to|-|and)\\s*(?<upper>\\d{1,3}(?:\\.\\d+)?)" + PERCENT + "?\\s*\\)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]*\\s+(?=[\"'(\\[]?[A-Z0-9])");
    /** A figure of a recording rate at all: "recording", "records", "recorded" just before it ("is recording 93.2"). */
    private static final Pattern RECORDING_CUE = Pattern.compile("\\brecord(?:ing|s|ed)?\\s+(?:(?:only|about|around"
            + "|almost|nearly|just|over|under|an\\s+estimated)\\s+)?$", Pattern.CASE_INSENSITIVE);
    /** Words that make a figure the current one: "is recording", "is now recording", "records". */
    private static final Pattern CURRENT_CUE = Pattern.compile("\\b(?:(?:is|are)\\s+(?:now\\s+|currently\\s+)?recording"
            + "|now\\s+recording|records|estimate)\\b", Pattern.CASE_INSENSITIVE);
    /** Words that make a figure the previous one, when they come after any current cue. */
    private static final Pattern PREVIOUS_CUE = Pattern.compile("\\b(?:compared|compares|comparison|previous|previously"
            + "|earlier|last|prior|found|was\\s+recording|were\\s+recording|improvement|deterioration|up\\s+from"
            + "|down\\s+from|(?:19|20)\\d{2}\\s+inspection|in\\s+(?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY_AFTER = Pattern.compile("^\\s*,?\\s*of\\s+(?<label>(?:[^.;,()]|\\([^()]*\\))+?)"
            + "(?=\\s*(?:[.;,:](?:\\s|$)|$|\\s+(?:which|compared|this|where|when|and\\s+(?:is|was|this|that))\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY_BEFORE = Pattern.compile("^\\s*(?:for|of|in|on)\\s+(?<label>[^,]{2,60}?),",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNIFICANT = Pattern.compile("\\bsignificant(?:ly)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MORE_THAN = Pattern.compile("\\b(?:didn'?t|did\\s+not|didnt|failed\\s+to|fails\\s+to"
            + "|does\\s+not|doesn'?t|do\\s+not|don'?t)\\s+record\\s+(?:more\\s+than|over)\\s+"
            + "(?<n>\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NONE_UNRECORDED = Pattern.compile("\\b(?:left\\s+fewer\\s+than\\s+one\\b|recorded\\s+all"
            + "\\s+of\\s+(?:them|these\\s+crimes)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVIOUS_LABEL = Pattern.compile("\\bour\\s+(?:(?:previous|last|most\\s+recent|earlier"
            + "|prior)\\s+)?(?<label>[^,.;()]{0,60}?)\\s*inspection\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}(?:/\\d{2,4})?\\b");
    private static final Pattern SIGNIFICANCE = Pattern.compile("\\bat\\s+the\\s+(?<level>\\d{1,2}(?:\\.\\d+)?)"
            + PERCENT + "\\s+(?:level\\s+of\\s+significance|significance\\s+level)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_TEST = Pattern.compile("\\((?<test>[^()]*\\btest\\b[^()]*)\\)",
            Pattern.CASE_INSENSITIVE);
    /** The force a sentence names: "We estimate that NAME is recording", or "NAME records" opening the sentence. */
    private static final List<Pattern> SUBJECTS = List.of(
            Pattern.compile("\\bestimate\\s+that\\s+(?<subject>[^,.;()]{2,80}?)\\s+(?:is|was|are|were)\\s+(?:now\\s+)?"
                    + "recording\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?!we\\b)(?<subject>[^,.;()]{2,80}?)\\s+(?:(?:is|was)\\s+(?:now\\s+)?recording|records)\\b",
                    Pattern.CASE_INSENSITIVE));
    private static final Pattern GENERIC_SUBJECT = Pattern.compile("^(?:the|this|that|its)\\s+(?:force|constabulary"
            + "|police(?:\\s+(?:force|service))?|service)$|^it$", Pattern.CASE_INSENSITIVE);

    // titles
    private static final Pattern OWN_TITLE = Pattern.compile("^Recording rates: (?<force>.+?)\\s*$");
    private static final Pattern OWN_SUBTITLE = Pattern.compile("^(?<now>.+?) compared with (?<before>.+?)"
            + "(?: \\(\".*\"\\))?\\s*$");
    private static final Pattern INSPECTION_OF = Pattern.compile("\\b[Ii]nspection\\s+of\\s+(?<force>(?:the[ \\t]+)?"
            + "[A-Z][\\w'&-]*(?:[ \\t]+(?:and|of|&|[A-Z][\\w'&-]*))*)");
    private static final Pattern PEEL = Pattern.compile("\\bPEEL\\b[^.\\n]{0,90}?(?<year>(?:19|20)\\d{2}"
            + "(?:\\s*(?:/|-|\u2013|to)\\s*\\d{2,4})?)");
    private static final Pattern CDI = Pattern.compile("(?i)\\bcrime\\s+data\\s+integrity\\b[^.\\n]{0,40}?"
            + "(?<year>(?:19|20)\\d{2})");
    /** How many non-blank lines at the top count as the title page. */
    private static final int TITLE_LINES = 15;

    private final String file;
    private final String raw;
    private final ReportText plain;
    private final String text;
    private final TreeSet<Integer> sentenceStarts = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    ReportReader(String file, String raw) {
        this.file = file;
        this.raw = raw;
        this.plain = ReportText.of(raw);
        this.text = plain.text();
        sentenceStarts.add(0);
        sentenceStarts.addAll(plain.blockStarts());
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            sentenceStarts.add(end.end());
        }
    }

    /** A figure as the text states it. */
    private record Mention(int start, int end, BigDecimal rate, Optional<BigDecimal> margin, String lower, String upper,
                           Optional<String> method, double confidence, boolean previous) {
    }

    /** What was read: the figures (not yet checked: category as published) and notes about the file. */
    record Reading(Optional<String> force, Optional<String> inspection, List<Found> figures, List<String> notes) {
    }

    /** One figure found, before its category is normalised and its claims checked. */
    record Found(String publishedCategory, PublishedFigure figure, Optional<PublishedFigure> previous,
                 Optional<String> previousLabel, Optional<Verdict> verdict, OptionalLong moreThan, long line,
                 double significance, List<String> remarks) {
    }

    Reading read() {
        List<Mention> mentions = mentions();
        List<Found> found = new ArrayList<>();
        List<Integer> currents = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (!mentions.get(i).previous()) {
                currents.add(i);
            }
        }
        Optional<String> subject = Optional.empty();
        for (int c = 0; c < currents.size(); c++) {
            Mention current = mentions.get(currents.get(c));
            int blockEnd = c + 1 < currents.size() ? sentenceStart(mentions.get(currents.get(c + 1)).start()) : text.length();
            int sentence = sentenceStart(current.start());
            long line = plain.line(sentence);
            if (subject.isEmpty()) {
                subject = subject(sentence, current.start());
            }
            Optional<String> label = category(current, sentence);
            if (current.margin().isEmpty()) {
                notes.add(String.format(Locale.ROOT, "line %d: the figure %s percent%s is given with an interval (%s to %s"
                                + " percent), not a +/- margin: not read", line, current.rate().toPlainString(),
                        label.map(l -> " of " + l).orElse(""), current.lower(), current.upper()));
                continue;
            }
            if (label.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "line %d: the figure %s percent (+/- %s percent) names no category:"
                        + " not read", line, current.rate().toPlainString(), current.margin().get().toPlainString()));
                continue;
            }
            PublishedFigure figure;
            try {
                figure = new PublishedFigure(current.rate(), current.margin().get(), current.confidence());
            } catch (IllegalArgumentException e) {
                notes.add("line " + line + ": " + e.getMessage() + ": not read");
                continue;
            }
            List<String> remarks = new ArrayList<>();
            current.method().filter(m -> !m.equalsIgnoreCase("wald")).ifPresent(m -> remarks.add("the report names a "
                    + m + " interval; its +/- is taken as a symmetric margin"));
            int blockStart = sentence;
            // the previous figure: the first previous mention in the block (its sentence on)
            Optional<Mention> before = mentions.stream()
                    .filter(m -> m.previous() && m.start() >= blockStart && m.start() < blockEnd).findFirst();
            Optional<PublishedFigure> previous = Optional.empty();
            Optional<String> previousLabel = Optional.empty();
            if (before.isPresent() && before.get().margin().isPresent()) {
                try {
                    previous = Optional.of(new PublishedFigure(before.get().rate(), before.get().margin().get(),
                            before.get().confidence()));
                    previousLabel = previousLabel(before.get());
                } catch (IllegalArgumentException e) {
                    remarks.add("previous figure at line " + plain.line(before.get().start()) + ": " + e.getMessage()
                            + ": not read");
                }
            } else if (before.isPresent()) {
                remarks.add("the previous figure is given with an interval, not a +/- margin: not read");
            }
            String block = text.substring(blockStart, blockEnd);
            Optional<Verdict> verdict = verdict(blockStart, blockEnd);
            double significance = significance(block, remarks);
            Matcher test = NAMED_TEST.matcher(block);
            if (verdict.isPresent() && test.find() && !test.group("test").toLowerCase(Locale.ROOT).contains("z-test")) {
                remarks.add("the report's verdict rests on " + test.group("test").strip()
                        + "; recomputed here with the two-sample z-test on the published figures");
            }
            found.add(new Found(label.get(), figure, previous, previousLabel, verdict, moreThan(block), line,
                    significance, remarks));
        }
        Title title = title(subject);
        if (found.isEmpty() && notes.isEmpty()) {
            notes.add("no crime data integrity figures found (no \"recording N percent (with a confidence interval of"
                    + " +/- M percent) of ...\" sentence)");
        }
        return new Reading(title.force, title.inspection, found, notes);
    }

    /** Every figure the text states, in order, each marked current or previous. */
    private List<Mention> mentions() {
        List<Mention> mentions = new ArrayList<>();
        Matcher margin = MARGIN_FIGURE.matcher(text);
        while (margin.find()) {
            mentions.add(mention(margin, true));
        }
        Matcher interval = INTERVAL_FIGURE.matcher(text);
        while (interval.find()) {
            int start = interval.start();
            if (mentions.stream().noneMatch(m -> m.start() <= start && start < m.end())) {
                mentions.add(mention(interval, false));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : mentions) {
            String prefix = text.substring(sentenceStart(m.start()), m.start());
            int previousCue = lastEnd(PREVIOUS_CUE, prefix);
            boolean previous = previousCue > lastEnd(CURRENT_CUE, prefix);
            if (!previous && !RECORDING_CUE.matcher(prefix).find()) {
                continue; // some other percentage: not a recording rate
            }
            kept.add(new Mention(m.start(), m.end(), m.rate(), m.margin(), m.lower(), m.upper(), m.method(),
                    m.confidence(), previous));
        }
        return kept;
    }

    /** Where the last match of {@code pattern} in {@code text} ends, or -1. */
    private static int lastEnd(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    private static Mention mention(Matcher m, boolean withMargin) {
        double confidence = m.group("level") == null ? PublishedFigure.DEFAULT_CONFIDENCE
                : new BigDecimal(m.group("level")).movePointLeft(2).doubleValue();
        Optional<String> method = Optional.ofNullable(m.group("method"))
                .filter(w -> !w.equalsIgnoreCase("confidence") && !w.equalsIgnoreCase("margin")
                        && !w.equalsIgnoreCase("ci"));
        return new Mention(m.start(), m.end(), new BigDecimal(m.group("rate")),
                withMargin ? Optional.of(new BigDecimal(m.group("margin"))) : Optional.empty(),
                withMargin ? "" : m.group("lower"), withMargin ? "" : m.group("upper"), method, confidence, false);
    }

    private int sentenceStart(int index) {
        Integer start = sentenceStarts.floor(index);
        return start == null ? 0 : start;
    }

    private int sentenceEnd(int index) {
        Integer end = sentenceStarts.higher(index);
        return end == null ? text.length() : end;
    }

    /** The category the figure is of: "of CATEGORY" after it, else "For CATEGORY," opening its sentence. */
    private Optional<String> category(Mention current, int sentence) {
        Matcher after = CATEGORY_AFTER.matcher(text.substring(current.end(), Math.min(text.length(), current.end() + 200)));
        if (after.find()) {
            return Optional.of(after.group("label").strip());
        }
        Matcher before = CATEGORY_BEFORE.matcher(text.substring(sentence, current.start()));
        if (before.find()) {
            return Optional.of(before.group("label").strip());
        }
        return Optional.empty();
    }

    /** The previous inspection as named in the previous figure's sentence: "our previous 2017 inspection". */
    private Optional<String> previousLabel(Mention before) {
        String sentence = text.substring(sentenceStart(before.start()), sentenceEnd(before.start()));
        Matcher label = PREVIOUS_LABEL.matcher(sentence);
        if (label.find()) {
            String words = label.group("label").strip();
            return words.isEmpty() ? Optional.empty() : Optional.of(words);
        }
        Matcher year = YEAR.matcher(sentence);
        return year.find() ? Optional.of(year.group()) : Optional.empty();
    }

    /** The first verdict stated in the block: the words around "significant", within their sentence. */
    private Optional<Verdict> verdict(int from, int to) {
        Matcher significant = SIGNIFICANT.matcher(text);
        significant.region(from, to);
        while (significant.find()) {
            int sentence = Math.max(from, sentenceStart(significant.start()));
            String[] before = text.substring(sentence, significant.start()).strip().split(" ");
            StringBuilder window = new StringBuilder();
            for (int i = Math.max(0, before.length - 4); i < before.length; i++) {
                window.append(before[i]).append(' ');
            }
            window.append(significant.group()).append(' ');
            String after = text.substring(significant.end(), Math.min(sentenceEnd(significant.start()), to)).strip();
            String[] words = after.split("[ ,.;()]+");
            for (int i = 0; i < Math.min(2, words.length); i++) {
                window.append(words[i]).append(' ');
            }
            try {
                return Optional.of(FigureCheck.verdict(window.toString()));
            } catch (IllegalArgumentException e) {
                // "significant" without a verdict's words: read on
            }
        }
        return Optional.empty();
    }

    private double significance(String block, List<String> remarks) {
        Matcher level = SIGNIFICANCE.matcher(block);
        if (level.find()) {
            double alpha = new BigDecimal(level.group("level")).movePointLeft(2).doubleValue();
            if (alpha > 0 && alpha < 1) {
                return alpha;
            }
            remarks.add("significance level '" + level.group("level") + " percent' ignored: 5 percent used");
        }
        return PublishedComparison.DEFAULT_SIGNIFICANCE;
    }

    private static OptionalLong moreThan(String block) {
        Matcher n = MORE_THAN.matcher(block);
        Matcher none = NONE_UNRECORDED.matcher(block);
        boolean count = n.find();
        boolean zero = none.find();
        if (count && (!zero || n.start() < none.start())) {
            try {
                return OptionalLong.of(Long.parseLong(n.group("n").replace(",", "")));
            } catch (NumberFormatException e) {
                return OptionalLong.empty(); // beyond a long: not a count a report prints
            }
        }
        return zero ? OptionalLong.of(0) : OptionalLong.empty();
    }

    private Optional<String> subject(int sentence, int figure) {
        String words = text.substring(sentence, figure);
        for (Pattern pattern : SUBJECTS) {
            Matcher subject = pattern.matcher(words);
            if (subject.find()) {
                String name = subject.group("subject").strip();
                return GENERIC_SUBJECT.matcher(name).matches() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private record Title(Optional<String> force, Optional<String> inspection) {
    }

    /**
     * The force and inspection from the title page (the first non-blank lines): the library's own
     * report header ("Recording rates: NAME" / "NOW compared with BEFORE"), "An inspection of NAME
     * Constabulary", "PEEL 2021/22", "Crime data integrity inspection 2019"; else the force that the
     * sentences name ("We estimate that Cambridgeshire is recording ...").
     */
    private Title title(Optional<String> subject) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(ReportText.of(line).text());
                if (lines.size() == TITLE_LINES) {
                    break;
                }
            }
        }
        Optional<String> force = Optional.empty();
        Optional<String> inspection = Optional.empty();
        if (!lines.isEmpty()) {
            Matcher own = OWN_TITLE.matcher(lines.get(0));
            if (own.matches()) {
                force = Optional.of(own.group("force"));
                if (lines.size() > 1) {
                    Matcher sub = OWN_SUBTITLE.matcher(lines.get(1));
                    if (sub.matches()) {
                        inspection = Optional.of(sub.group("now"));
                    }
                }
            }
        }
        String top = String.join("\n", lines);
        if (force.isEmpty()) {
            Matcher of = INSPECTION_OF.matcher(top);
            if (of.find()) {
                force = Optional.of(of.group("force").strip().replaceAll("(?:\\s+(?:and|of|&))+$", ""));
            }
        }
        if (inspection.isEmpty()) {
            Matcher peel = PEEL.matcher(top);
            Matcher cdi = CDI.matcher(top);
            if (peel.find()) {
                inspection = Optional.of("PEEL " + peel.group("year").replaceAll("\\s+", ""));
            } else if (cdi.find()) {
                inspection = Optional.of("CDI " + cdi.group("year"));
            }
        }
        if (force.isEmpty()) {
            force = subject;
        }
        return new Title(force.map(f -> f.replaceAll("\\s+", " ")), inspection);
    }
}
