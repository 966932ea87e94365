package org.recordingrate.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Names;

/**
 * A population file of incident records, the frame a sample is drawn from: a CSV with a header
 * holding {@code record_id} and {@code category} (matched ignoring case and surrounding spaces, as
 * {@link CsvInput} does) and any other columns, which are carried to the sample list unchanged.
 *
 * <p>Streamed, never held: rows are handed one at a time to a consumer, so a file of millions of
 * rows is read in memory that does not grow with it (apart from the duplicate check below, which
 * spills to temporary files). While reading, the file's bytes are hashed (SHA-256) and its data
 * rows counted, for the manifest that lets a reviewer re-run the selection on the same export.
 *
 * <p>Parsing follows {@link CsvInput}: commons-csv's {@code DEFAULT} format, cells kept exactly as
 * written (so carried columns come back unchanged; the record id and category are read with
 * surrounding spaces ignored), a byte-order mark ignored, empty lines skipped, UTF-8 checked, a
 * record with another number of fields than the header an error naming its line, a record longer
 * than {@value CsvGuard#MAX_RECORD} characters or {@value #MAX_LINES_PER_RECORD} lines (an unclosed
 * quote, most likely) an error at the line where it starts. A line without a double quote is split
 * on commas directly, which gives what commons-csv gives for such a line at a fifth of its cost; a
 * line holding a quote goes to commons-csv, joined with the following lines while a quoted field is
 * open (a line break inside a quoted field is carried as {@code \n}). Line numbers count every
 * line from 1 (the header), blank ones included; a record is named by the line where it starts.
 *
 * <p>Checks, each a {@link DataFileException} naming file, line, column and value:
 * <ul>
 *   <li>a blank record id or category;</li>
 *   <li>a category not in the plan (matched by {@link Names}), unless an "other" category of the
 *       plan is named to take such records;</li>
 *   <li>a record id met twice (ids match exactly, as text): named at its second line, with the
 *       first. Every row's 64-bit fingerprint of its id goes to a {@code DuplicateFinder} (a hash
 *       set of at most 1 MB, partitioned to temporary files by the fingerprint's top bits beyond
 *       2^16 rows); fingerprints met twice (a duplicate, or a chance collision of two ids, which is
 *       then ignored) are resolved by a second pass over the file that compares the ids themselves.
 *       Temporary disk: 8 bytes a row, deleted before returning.</li>
 * </ul>
 * Immutable; {@link #read} may be called again (for a second pass) and gives the same rows.
 */
public final class PopulationFile {

    /** The required columns. */
    public static final String RECORD_ID = "record_id";
    /** The required columns. */
    public static final String CATEGORY = "category";

    /** A record spanning more lines than this (an unclosed quote, most likely) is an error. */
    private static final int MAX_LINES_PER_RECORD = 1000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false)
            .setTrim(false).build();

    private final Path file;
    private final Map<String, String> categories;
    private final Optional<String> other;

    private PopulationFile(Path file, Map<String, String> categories, Optional<String> other) {
        this.file = file;
        this.categories = categories;
        this.other = other;
    }

    /**
     * A population file whose categories are not checked against a plan: every category met is
     * counted, spelled as first met.
     *
     * @param file the file
     * @return the file, not yet read
     * @throws IllegalArgumentException if {@code file} is null
     */
    public static PopulationFile of(Path file) {
        return new PopulationFile(Args.notNull("population file", file), Map.of(), Optional.empty());
    }

    /**
     * This file, with its categories checked against a plan's: a row of another category is an
     * error (or goes to {@link #withOther the other category}); counts and rows use the plan's
     * spelling.
     *
     * @param names the plan's categories, at least one, distinct under {@link Names}
     * @return a new reader
     * @throws IllegalArgumentException for no names, a blank name, or two equal under {@link Names}
     */
    public PopulationFile withCategories(Collection<String> names) {
        Args.notNull("categories", names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("categories of the plan must not be empty");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            String stripped = Args.notBlank("category", name);
            String earlier = byKey.putIfAbsent(Names.key(stripped), stripped);
            if (earlier != null) {
                throw new IllegalArgumentException("category '" + stripped + "' appears twice in the plan"
                        + (earlier.equals(stripped) ? "" : " (also as '" + earlier + "')"));
            }
        }
        return new PopulationFile(file, Collections.unmodifiableMap(byKey), other.map(o -> canonical(byKey, o)));
    }

    /**
     * This file, with rows whose category is not in the plan sent to the plan's category
     * {@code name} instead of failing (the export has categories the plan groups together).
     *
     * @param name a category of the plan (set by {@link #withCategories} first)
     * @return a new reader
     * @throws IllegalArgumentException if no plan was set or {@code name} is not one of its categories
     */
    public PopulationFile withOther(String name) {
        Args.notBlank("other category", name);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("other category ('" + name + "') needs the plan's categories first");
        }
        return new PopulationFile(file, categories, Optional.of(canonical(categories, name)));
    }

    private static String canonical(Map<String, String> byKey, String name) {
        String found = byKey.get(Names.key(name));
        if (found == null) {
            throw new IllegalArgumentException("other category ('" + name + "') must be a category of the plan ("
                    + String.join(", ", byKey.values()) + ")");
        }
        return found;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /**
     * Streams every data row, in file order, to {@code sink}, and checks the whole file.
     *
     * @param sink receives each row (after its own checks); the duplicate check completes after
     *             the last row, so a sink must not act on rows before this method returns
     * @return what was read: rows, SHA-256, header, count per category
     * @throws DataFileException    for a missing or empty file, a missing column, a bad row or a
     *                              duplicate id (see the class comment)
     * @throws UncheckedIOException for other input errors
     */
    public Summary read(Consumer<Row> sink) {
        Args.notNull("sink", sink);
        String name = file.toString();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (DuplicateFinder fingerprints = new DuplicateFinder();
             InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha256);
             Lines lines = new Lines(name, new BufferedReader(new StrictUtf8Reader(in), 1 << 16))) {
            Fields headerFields = lines.next();
            if (headerFields == null) {
                throw new DataFileException(name, 0, null, null, "is empty: expected a header line");
            }
            String[] header = headerFields.all();
            Layout layout = new Layout(name, header);
            Map<String, String> spelling = new LinkedHashMap<>(categories);
            Map<String, long[]> counts = new LinkedHashMap<>();
            categories.values().forEach(c -> counts.put(c, new long[1]));
            // The few distinct spellings of categories, resolved once each (Names.key is a regex) and
            // recognised again by comparing the cell in place, without cutting it out of the line.
            SpellingCache spellings = new SpellingCache();
            long rows = 0;
            long toOther = 0;
            Fields fields;
            while ((fields = lines.next()) != null) {
                long line = lines.line();
                layout.check(fields.size(), line);
                String id = fields.get(layout.id).strip();
                if (id.isEmpty()) {
                    throw new DataFileException(name, line, RECORD_ID, id, "is blank: a record id is needed");
                }
                int known = spellings.find(fields, layout.category);
                if (known < 0) {
                    String written = fields.get(layout.category);
                    String resolved = category(name, line, written, spelling);
                    known = spellings.add(written, resolved, counts.computeIfAbsent(resolved, c -> new long[1]),
                            !Names.same(resolved, written));
                }
                String category = spellings.canonical[known];
                spellings.counter[known][0]++;
                if (spellings.remapped[known]) {
                    toOther++;
                }
                fingerprints.add(fingerprint(id));
                rows++;
                sink.accept(new Row(id, category, line, fields, layout));
            }
            long[] repeated = fingerprints.repeated();
            String digest = hex(sha256.digest());
            if (repeated.length > 0) {
                locateDuplicate(name, layout, repeated);
            }
            Map<String, Long> byCategory = new LinkedHashMap<>();
            counts.forEach((category, count) -> byCategory.put(category, count[0]));
            return new Summary(name, List.of(header), layout.carriedHeader(), rows, digest, byCategory, toOther);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, Files.isDirectory(file) ? "is a folder, not a file"
                    : "does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The plan's spelling of a row's category (or the other category), or a located error. */
    private String category(String name, long line, String text, Map<String, String> spelling) {
        if (text.isBlank()) {
            throw new DataFileException(name, line, CATEGORY, text, "is blank: a category is needed");
        }
        String key = Names.key(text);
        String found = spelling.get(key);
        if (found != null) {
            return found;
        }
        if (categories.isEmpty()) {
            spelling.put(key, text.strip());
            return text.strip();
        }
        if (other.isPresent()) {
            return other.get();
        }
        throw new DataFileException(name, line, CATEGORY, text, "is not a category of the plan ("
                + String.join(", ", categories.values()) + "); name an other category to take such records");
    }

    /**
     * Second pass, only when some fingerprint was met twice: finds the first line whose id
     * appeared before, comparing the ids themselves, and fails there.
     */
    private void locateDuplicate(String name, Layout layout, long[] repeated) throws IOException {
        Set<Long> wanted = new HashSet<>();
        for (long value : repeated) {
            wanted.add(value);
        }
        Map<String, Long> firstLine = new HashMap<>();
        try (Lines lines = new Lines(name, new BufferedReader(new StrictUtf8Reader(Files.newInputStream(file)), 1 << 16))) {
            lines.next();
            Fields fields;
            while ((fields = lines.next()) != null) {
                String id = fields.get(layout.id).strip();
                if (wanted.contains(fingerprint(id))) {
                    Long earlier = firstLine.putIfAbsent(id, lines.line());
                    if (earlier != null) {
                        throw new DataFileException(name, lines.line(), RECORD_ID, id,
                                "appears twice (first on line " + earlier + "): record ids must be unique");
                    }
                }
            }
        }
        // Only chance collisions of distinct ids: no duplicate.
    }

    /**
     * A 64-bit fingerprint of an id: FNV-1a over its UTF-16 code units, then the MurmurHash3
     * finalizer to spread the bits. Equal ids give equal fingerprints; distinct ids collide with
     * probability about 2^-64 a pair, and a collision only costs the second pass.
     */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** Where the required columns are, and which are carried. */
    private static final class Layout {
        private final String name;
        private final String[] header;
        private final int id;
        private final int category;
        private final int[] carried;

        Layout(String name, String[] header) {
            this.name = name;
            this.header = header;
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (index.putIfAbsent(key(header[i]), i) != null) {
                    throw new DataFileException(name, 1, header[i], null, "appears twice in the header");
                }
            }
            this.id = column(index, RECORD_ID);
            this.category = column(index, CATEGORY);
            int[] others = new int[header.length - 2];
            int at = 0;
            for (int i = 0; i < header.length; i++) {
                if (i != id && i != category) {
                    others[at++] = i;
                }
            }
            this.carried = others;
        }

        private int column(Map<String, Integer> index, String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new DataFileException(name, 1, null, null,
                        "has no column '" + column + "' (header: " + String.join(",", header) + ")");
            }
            return i;
        }

        void check(int fields, long line) {
            if (fields != header.length) {
                throw new DataFileException(name, line, null, null,
                        "has " + fields + " fields but the header has " + header.length);
            }
        }

        List<String> carriedHeader() {
            List<String> names = new ArrayList<>(carried.length);
            for (int i : carried) {
                names.add(header[i]);
            }
            return List.copyOf(names);
        }
    }

    /** Logical CSV records from physical lines: the quote-free fast path, commons-csv otherwise. */
    private static final class Lines implements AutoCloseable {
        private final String name;
        private final BufferedReader reader;
        /** Physical lines read so far. */
        private long read;
        /** The line where the last record returned starts. */
        private long start;

        Lines(String name, BufferedReader reader) {
            this.name = name;
            this.reader = reader;
        }

        /** The line where the last record returned starts. */
        long line() {
            return start;
        }

        /** The next record's cells, exactly as written, or null at the end. */
        Fields next() throws IOException {
            String text;
            do {
                text = readLine();
                if (text == null) {
                    return null;
                }
            } while (text.isEmpty());
            start = read;
            if (read == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('"') < 0) {
                return Fields.split(text);
            }
            return new Fields(quoted(text));
        }

        private String readLine() throws IOException {
            try {
                String text = reader.readLine();
                if (text != null) {
                    read++;
                }
                return text;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DataFileException(name, read + 1, null, null, "is not valid UTF-8 text (save the file as UTF-8)");
            }
        }

        /** A record holding a quote: commons-csv, with more lines while a quoted field is open. */
        private String[] quoted(String first) throws IOException {
            StringBuilder record = new StringBuilder(first);
            for (int lines = 1; ; lines++) {
                String[] fields = parse(record.toString());
                if (fields != null) {
                    return fields;
                }
                String more = lines >= MAX_LINES_PER_RECORD || record.length() > CsvGuard.MAX_RECORD ? null : readLine();
                if (more == null) {
                    throw new DataFileException(name, start, null, null, "has a quoted field that does not end"
                            + (lines >= MAX_LINES_PER_RECORD || record.length() > CsvGuard.MAX_RECORD
                            ? " within " + MAX_LINES_PER_RECORD + " lines or " + CsvGuard.MAX_RECORD + " characters"
                            : " before the end of the file"));
                }
                record.append('\n').append(more);
            }
        }

        /** The one record in {@code text}, or null if a quoted field is still open at its end. */
        private String[] parse(String text) {
            try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
                List<CSVRecord> records = parser.getRecords();
                if (records.size() != 1) {
                    throw new DataFileException(name, start, null, null, "is not one CSV record");
                }
                return records.get(0).toList().toArray(new String[0]);
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                if (message.contains("EOF reached before encapsulated token finished")) {
                    return null;
                }
                throw new DataFileException(name, start, null, null, "cannot be read as CSV: " + message);
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The spellings of categories met so far, with their plan category, counter and whether remapped. */
    private static final class SpellingCache {
        String[] written = new String[8];
        String[] canonical = new String[8];
        long[][] counter = new long[8][];
        boolean[] remapped = new boolean[8];
        int size;
        /** Beyond the first {@value #SCANNED} spellings, a map (a file with many categories). */
        private final Map<String, Integer> more = new HashMap<>();
        private static final int SCANNED = 32;

        /** The index of the spelling in cell i, or -1. */
        int find(Fields fields, int i) {
            for (int k = 0; k < Math.min(size, SCANNED); k++) {
                if (fields.cellEquals(i, written[k])) {
                    return k;
                }
            }
            if (size <= SCANNED) {
                return -1;
            }
            Integer k = more.get(fields.get(i));
            return k == null ? -1 : k;
        }

        int add(String spelling, String category, long[] count, boolean other) {
            if (size == written.length) {
                written = Arrays.copyOf(written, 2 * size);
                canonical = Arrays.copyOf(canonical, 2 * size);
                counter = Arrays.copyOf(counter, 2 * size);
                remapped = Arrays.copyOf(remapped, 2 * size);
            }
            written[size] = spelling;
            canonical[size] = category;
            counter[size] = count;
            remapped[size] = other;
            if (size >= SCANNED) {
                more.put(spelling, size);
            }
            return size++;
        }
    }

    /**
     * A record's cells: for a quote-free line, the line and the positions of its commas, each cell
     * cut out only when asked for (most rows are never kept, so their carried cells never become
     * strings); for a quoted record, commons-csv's cells.
     */
    private static final class Fields {
        private final String text;
        /** Start of each cell, then text.length() + 1. */
        private final int[] starts;
        private String[] cells;

        Fields(String[] cells) {
            this.text = null;
            this.starts = null;
            this.cells = cells;
        }

        private Fields(String text, int[] starts) {
            this.text = text;
            this.starts = starts;
        }

        static Fields split(String text) {
            int[] starts = new int[8];
            int count = 1;
            for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
                if (count + 1 == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * starts.length);
                }
                starts[count++] = i + 1;
            }
            starts[count] = text.length() + 1;
            return new Fields(text, count + 1 == starts.length ? starts : Arrays.copyOf(starts, count + 1));
        }

        /** Whether cell i is exactly {@code value}, compared in place. */
        boolean cellEquals(int i, String value) {
            if (cells != null) {
                return cells[i].equals(value);
            }
            int length = starts[i + 1] - 1 - starts[i];
            return length == value.length() && text.regionMatches(starts[i], value, 0, length);
        }

        int size() {
            return cells != null ? cells.length : starts.length - 1;
        }

        String get(int i) {
            return cells != null ? cells[i] : text.substring(starts[i], starts[i + 1] - 1);
        }

        String[] all() {
            if (cells == null) {
                String[] values = new String[size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = get(i);
                }
                cells = values;
            }
            return cells;
        }
    }

    /**
     * One data row: its record id, its category in the plan's spelling (the other category when
     * its own is not in the plan), its line, and its cells.
     */
    public static final class Row {
        private final String recordId;
        private final String category;
        private final long line;
        private final Fields cells;
        private final Layout layout;

        private Row(String recordId, String category, long line, Fields cells, Layout layout) {
            this.recordId = recordId;
            this.category = category;
            this.line = line;
            this.cells = cells;
            this.layout = layout;
        }

        /** The record id, without surrounding spaces. */
        public String recordId() {
            return recordId;
        }

        /** The category as the plan spells it. */
        public String category() {
            return category;
        }

        /** The category cell exactly as written (it differs from {@link #category()} for the other category). */
        public String categoryAsWritten() {
            return cells.get(layout.category);
        }

        /** The 1-based line (header = 1). */
        public long line() {
            return line;
        }

        /** The cells of the columns other than {@code record_id} and {@code category}, in header order, exactly as written. */
        public List<String> carried() {
            String[] values = new String[layout.carried.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = cells.get(layout.carried[i]);
            }
            return List.of(values);
        }

        /** Every cell, in header order. */
        public List<String> cells() {
            return Collections.unmodifiableList(Arrays.asList(cells.all()));
        }

        @Override
        public String toString() {
            return recordId + " (" + category + ", line " + line + ")";
        }
    }

    /**
     * What a full read found.
     *
     * @param file          the file as named
     * @param header        the header as written
     * @param carriedHeader the columns other than {@code record_id} and {@code category}, in order
     * @param rows          data rows read (every one was handed to the sink)
     * @param sha256        the SHA-256 of the file's bytes, lower-case hex
     * @param counts        rows per category: the plan's categories in its order (0 when absent
     *                      from the file), or without a plan the categories in order of first
     *                      appearance
     * @param toOther       rows whose own category was not in the plan and went to the other category
     */
    public record Summary(String file, List<String> header, List<String> carriedHeader, long rows, String sha256,
                          Map<String, Long> counts, long toOther) {

        /** Copies the lists and map. */
        public Summary {
            header = List.copyOf(header);
            carriedHeader = List.copyOf(carriedHeader);
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /** Rows of {@code category} (matched by {@link Names}); 0 if none. */
        public long count(String category) {
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                if (Names.same(entry.getKey(), category)) {
                    return entry.getValue();
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %,d rows, SHA-256 %s", file, rows, sha256);
        }
    }
}
