package org.recordingrate.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.io.DataFileException;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;

/**
 * The crime-data-integrity figures of inspection reports, read from their text and checked, as
 * statcheck reads a paper's tests and recomputes them: {@code PublishedReport.read(Path.of("reports"))}.
 *
 * <p><b>What is read.</b> A report's text as copied from the web page or extracted from the PDF
 * (UTF-8; a PDF is read directly when Apache PDFBox is on the class path, see {@link #read(List)}).
 * A figure is a rate with its margin, "93.2 percent (with a confidence interval of +/- 2.3
 * percent)", in any of the forms "93.2%", "93.2 per cent", "(+/- 2.3 percent)", "&plusmn; 2.3",
 * "plus or minus 2.3 percentage points", "(with a 99 percent confidence interval of ...)", in a
 * sentence about recording ("is recording", "records", "recorded"), followed by "of CATEGORY" or
 * opened by "For CATEGORY,". After it, before the next such figure:
 * <ul>
 *   <li>the <b>previous</b> figure, the first one in a sentence that compares ("compared with the
 *       findings from our previous 2017 inspection, where we found 87.8 percent (with a confidence
 *       interval of +/- 1.7 percent)"), with the previous inspection's label ("2017") from "our
 *       previous LABEL inspection" or a year;</li>
 *   <li>the <b>verdict</b>: "a statistically significant improvement", "... deterioration" (or
 *       decline, decrease, ...), "no statistically significant change" (or "not a statistically
 *       significant change", "no significant difference"), read from the words around
 *       "significant"; a stated level ("at the 1 percent significance level") is used;</li>
 *   <li>"<b>didn't record more than</b> 4,500 crimes" (did not, failed to; "left fewer than one" and
 *       "recorded all of them" read as 0).</li>
 * </ul>
 * Line breaks inside a sentence, hyphenation at a line end, repeated words ("that that the"),
 * typographic quotes, "&plusmn;" and ligatures do not stop it ({@link ReportText}). A figure given
 * with an interval instead of a margin ("90.9 to 95.1 percent"), or without a category, is not read,
 * and a note says where. A text without such figures gives no rows and a note.
 *
 * <p><b>Rows</b> ({@link ReportFigure}): one per figure, the category normalised ({@link CategoryAliases}),
 * with the report's file, force and inspection (from its title: "An inspection of Cambridgeshire
 * Constabulary", "PEEL 2021/22"; else the force its sentences name) and the line on which the
 * figure's sentence starts; each checked by {@link FigureCheck}: the recomputed z-test and verdict,
 * the audited counts the rounding allows, and whether the words and numbers agree.
 * {@link #withVolume(String, long)} adds the recorded volumes that check "more than N".
 *
 * <p>Immutable and thread-safe; the {@code with..} methods return new reports.
 */
public final class PublishedReport implements Result {

    /** The largest text read: 64 MiB (a report is a few hundred KiB). */
    public static final long MAX_BYTES = 64L << 20;

    /** File names a folder is searched for: text and PDF (not markdown: a folder's README.md is no report). */
    private static final List<String> EXTENSIONS = List.of(".txt", ".text", ".pdf");

    /**
     * One report read.
     *
     * @param file       the file as named
     * @param force      the force, if found
     * @param inspection the inspection, if found
     * @param figures    how many figures were read from it
     * @param notes      what the reading noticed (figures not read, no figures at all)
     */
    public record Source(String file, Optional<String> force, Optional<String> inspection, int figures,
                         List<String> notes) {

        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException for a null part or a negative count
         */
        public Source {
            Args.notNull("file", file);
            Args.notNull("force", force);
            Args.notNull("inspection", inspection);
            Args.nonNegative("figures", figures);
            notes = List.copyOf(Args.notNull("notes", notes));
        }
    }

    private final List<Source> reports;
    private final List<ReportFigure> figures;
    private final CategoryAliases aliases;
    /** Category key to volume, for every report. */
    private final Map<String, Long> volumes;
    private final long unit;

    private PublishedReport(List<Source> reports, List<ReportFigure> figures, CategoryAliases aliases,
                            Map<String, Long> volumes, long unit) {
        this.reports = List.copyOf(reports);
        this.aliases = aliases;
        this.volumes = Map.copyOf(volumes);
        this.unit = unit;
        List<ReportFigure> checked = new ArrayList<>(figures.size());
        for (ReportFigure figure : figures) {
            String category = aliases.category(figure.publishedCategory());
            Long volume = volumes.get(Names.key(category));
            checked.add(figure.recheck(category, volume == null ? OptionalLong.empty() : OptionalLong.of(volume), unit));
        }
        this.figures = List.copyOf(checked);
    }

    /**
     * Reads reports: each path a text file (any name), a PDF, or a folder whose {@code .txt},
     * {@code .text} and {@code .pdf} files (not its sub-folders, nor hidden files) are read in name order.
     *
     * @param paths the files and folders, at least one
     * @return the figures of every report, in the order read
     * @throws IllegalArgumentException (a {@link DataFileException} naming the file) for a missing or
     *                                  unreadable file, invalid UTF-8 (with its line), a text beyond
     *                                  {@link #MAX_BYTES}, a PDF without PDFBox on the class path, or
     *                                  a folder with no such file
     */
    public static PublishedReport read(Path... paths) {
        Args.notNull("paths", paths);
        return read(Arrays.asList(paths));
    }

    /**
     * As {@link #read(Path...)}. A PDF (recognised by its first bytes, {@code %PDF-}) is read with
     * Apache PDFBox ({@code org.apache.pdfbox:pdfbox} 3, an optional dependency: the command-line jar
     * has it; an embedder adds it) in reading order; without it the message says how to get the text
     * ({@code pdftotext -layout report.pdf}).
     *
     * @param paths the files and folders, at least one
     * @return the figures of every report
     * @throws IllegalArgumentException as {@link #read(Path...)}
     */
    public static PublishedReport read(List<Path> paths) {
        Args.notNull("paths", paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths (none) must name at least one report or folder");
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            Args.notNull("path", path);
            if (Files.isDirectory(path)) {
                List<Path> inside = folder(path);
                if (inside.isEmpty()) {
                    throw new DataFileException(path.toString(), 0, null, null, "holds no report (no .txt, .text or .pdf"
                            + " file)");
                }
                files.addAll(inside);
            } else {
                files.add(path);
            }
        }
        List<ReportText.Named> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(new ReportText.Named(file.toString(), text(file)));
        }
        return of(texts);
    }

    /**
     * Reads one report from its text.
     *
     * @param name the report's name, for the rows and messages (a file name)
     * @param text the report's text
     * @return its figures
     * @throws IllegalArgumentException if an argument is null
     */
    public static PublishedReport parse(String name, String text) {
        Args.notNull("name", name);
        Args.notNull("text", text);
        return of(List.of(new ReportText.Named(name, text)));
    }

    private static PublishedReport of(List<ReportText.Named> texts) {
        List<Source> sources = new ArrayList<>();
        List<ReportFigure> all = new ArrayList<>();
        for (ReportText.Named named : texts) {
            ReportReader.Reading reading = new ReportReader(named.name(), named.text()).read();
            List<String> notes = new ArrayList<>(reading.notes());
            Map<String, ReportReader.Found> seen = new LinkedHashMap<>();
            int count = 0;
            for (ReportReader.Found found : reading.figures()) {
                String category = CategoryAliases.none().category(found.publishedCategory());
                ReportReader.Found first = seen.get(Names.key(category));
                if (first != null) {
                    if (same(first, found)) {
                        notes.add(String.format(Locale.ROOT, "line %d: %s repeats the figures of line %d", found.line(),
                                category, first.line()));
                        continue;
                    }
                    notes.add(String.format(Locale.ROOT, "line %d: %s again, with other figures than line %d (both"
                            + " kept)", found.line(), category, first.line()));
                } else {
                    seen.put(Names.key(category), found);
                }
                FigureCheck unchecked = FigureCheck.of(found.figure(), found.previous(), found.verdict(),
                        found.moreThan(), OptionalLong.empty(), Names.isAllCrime(category), 0, found.significance());
                all.add(new ReportFigure(named.name(), reading.force(), reading.inspection(), category,
                        found.publishedCategory(), found.figure(), found.previous(), found.previousLabel(),
                        found.verdict(), found.moreThan(), found.line(), found.significance(), OptionalLong.empty(),
                        unchecked, found.remarks()));
                count++;
            }
            sources.add(new Source(named.name(), reading.force(), reading.inspection(), count, notes));
        }
        return new PublishedReport(sources, all, CategoryAliases.none(), Map.of(), 0);
    }

    private static boolean same(ReportReader.Found a, ReportReader.Found b) {
        return a.figure().equals(b.figure()) && a.previous().equals(b.previous()) && a.verdict().equals(b.verdict())
                && a.moreThan().equals(b.moreThan());
    }

    private static List<Path> folder(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                            .endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(folder.toString(), 0, null, null, "cannot be listed: " + e.getMessage());
        }
    }

    /**
     * Reads one report from a stream (standard input: {@code pdftotext report.pdf - | ...}), as
     * {@link #read(List)} reads a file: strict UTF-8, or a PDF by its first bytes. The stream is read
     * to its end (at most {@link #MAX_BYTES}) and not closed.
     *
     * @param name the report's name, for the rows and messages ({@code "-"} for standard input)
     * @param in   the stream
     * @return its figures
     * @throws IllegalArgumentException (a {@link DataFileException} naming {@code name}) as {@link #read(List)}
     */
    public static PublishedReport read(String name, InputStream in) {
        Args.notNull("name", name);
        Args.notNull("in", in);
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read: " + e.getMessage());
        }
        return of(List.of(new ReportText.Named(name, decode(name, bytes))));
    }

    /** A file's text: a PDF's by PDFBox, else strict UTF-8 (a byte-order mark dropped). */
    static String text(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), 0, null, null, "does not exist");
        } catch (IOException e) {
            throw new DataFileException(file.toString(), 0, null, null, "cannot be read: " + e.getMessage());
        }
        return decode(file.toString(), bytes);
    }

    private static String decode(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new DataFileException(name, 0, null, null, "is larger than 64 MiB: not a report's text");
        }
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return PdfText.extract(name, bytes);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            throw new DataFileException(name, lineAt(bytes, buffer.position()), null, null,
                    "is not valid UTF-8 (a report's text is read as UTF-8; save it so, or extract it again)");
        } catch (CharacterCodingException e) {
            throw new DataFileException(name, lineAt(bytes, buffer.position()), null, null, "is not valid UTF-8");
        }
    }

    /** The 1-based line holding byte {@code at}: line feeds before it, plus one. */
    private static long lineAt(byte[] bytes, int at) {
        long line = 1;
        for (int i = 0; i < Math.min(at, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The same figures with categories read under these aliases as well as the built-in reading.
     *
     * @param categoryAliases the aliases
     * @return a new report
     * @throws IllegalArgumentException if {@code categoryAliases} is null
     */
    public PublishedReport withAliases(CategoryAliases categoryAliases) {
        Args.notNull("aliases", categoryAliases);
        return new PublishedReport(reports, figures, categoryAliases, volumes, unit);
    }

    /**
     * The same figures with a category's recorded volume, for every report read, so that its
     * published "more than N" is checked ({@link FigureCheck}).
     *
     * @param category the category, e.g. {@code "all crime"}, matched after normalising
     * @param volume   the crimes recorded in the year, at least 1
     * @return a new report
     * @throws IllegalArgumentException for a blank category or a volume below 1
     */
    public PublishedReport withVolume(String category, long volume) {
        Args.notBlank("category", category);
        Args.positive("volume", volume);
        Map<String, Long> more = new LinkedHashMap<>(volumes);
        more.put(Names.key(aliases.category(category)), volume);
        return new PublishedReport(reports, figures, aliases, more, unit);
    }

    /**
     * The same figures with "more than N" taken as rounded down to {@code unit} (0: the default unit
     * of each count, {@link org.recordingrate.estimate.UnrecordedCrimes#unitFor(double)}).
     *
     * @param precision the unit, 0 or more
     * @return a new report
     * @throws IllegalArgumentException for a negative unit
     */
    public PublishedReport withPrecision(long precision) {
        Args.nonNegative("unit", precision);
        return new PublishedReport(reports, figures, aliases, volumes, precision);
    }

    /**
     * The reports read, in order.
     *
     * @return an unmodifiable list
     */
    public List<Source> reports() {
        return reports;
    }

    /**
     * The figures, a row per category per report, in the order read.
     *
     * @return an unmodifiable list
     */
    public List<ReportFigure> figures() {
        return figures;
    }

    /**
     * The figures whose check failed.
     *
     * @return the figures with {@code consistent} false, in order
     */
    public List<ReportFigure> inconsistent() {
        return figures.stream().filter(f -> f.check().consistent().equals(Optional.of(false))).toList();
    }

    /**
     * The notes of the reading, each prefixed with its file: figures not read, repeated figures,
     * reports without figures.
     *
     * @return the notes, in order
     */
    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Source source : reports) {
            for (String note : source.notes()) {
                notes.add(source.file() + ": " + note);
            }
        }
        return List.copyOf(notes);
    }

    /**
     * A row per figure ({@link ReportFigure#COLUMNS}), each with its own notes; what the reading noticed
     * about a file (figures not read, repeated ones) is noted on that file's first row, and a file
     * without figures gives a note about the whole table.
     *
     * @return a new table (no rows when no figure was found)
     */
    @Override
    public ResultTable table() {
        ResultTable table = new ResultTable(ReportFigure.COLUMNS.columns());
        int next = 0;
        for (Source source : reports) {
            // a source's figures follow one another, in the order read
            for (int i = 0; i < source.figures(); i++) {
                ReportFigure figure = figures.get(next++);
                table.row(ReportFigure.COLUMNS.values(figure).toArray());
                for (String note : figure.notes()) {
                    table.noteRow(note);
                }
                if (i == 0) {
                    source.notes().forEach(note -> table.noteRow(source.file() + ": " + note));
                }
            }
            if (source.figures() == 0) {
                source.notes().forEach(note -> table.note(source.file() + ": " + note));
            }
        }
        return table;
    }

    /**
     * The count line, then each figure's summary, then the notes.
     *
     * @return the summary
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(counts()).append('\n');
        for (ReportFigure figure : figures) {
            text.append(figure.summary());
        }
        for (String note : notes()) {
            text.append("note: ").append(note).append('\n');
        }
        return text.toString();
    }

    /**
     * The counts, then every figure on the same line ({@link ReportFigure#toString()}): {@code "1 report
     * read, 2 figures found, 1 inconsistent: line 6: all crime 92.4% (+/- 2.2%) vs 88.0% (+/- 1.9%):
     * statistically significant improvement, consistent; line 13: ..."}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(counts());
        String separator = ": ";
        for (ReportFigure figure : figures) {
            text.append(separator).append(figure);
            separator = "; ";
        }
        return text.toString();
    }

    /**
     * The counts alone, as the command line's last line on standard error says them.
     *
     * @return {@code "3 reports read, 9 figures found, 1 inconsistent"}
     */
    public String counts() {
        return String.format(Locale.ROOT, "%d report%s read, %d figure%s found, %d inconsistent", reports.size(),
                reports.size() == 1 ? "" : "s", figures.size(), figures.size() == 1 ? "" : "s", inconsistent().size());
    }
}
