package org.recordingrate.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * <p>Streamed, never held: rows are handed to a consumer one at a time ({@link #read}) or in
 * batches ({@link #readBatches}), so a file of millions of rows is read in memory that does not
 * grow with it (apart from the duplicate check below, which spills to temporary files). While
 * reading, the file's bytes are hashed (SHA-256) and its data rows counted, for the manifest that
 * lets a reviewer re-run the selection on the same export.
 *
 * <p>Parsing follows {@link CsvInput}: commons-csv's {@code DEFAULT} format, cells kept exactly as
 * written (so carried columns come back unchanged; the record id and category are read with
 * surrounding spaces ignored), a byte-order mark ignored, empty lines skipped, UTF-8 checked, a
 * record with another number of fields than the header an error naming its line, a record longer
 * than {@value CsvGuard#MAX_RECORD} characters or {@value #MAX_LINES_PER_RECORD} lines (an unclosed
 * quote, most likely) an error at the line where it starts. The file is read as bytes
 * ({@code PopulationFileLines}): a line without a double quote is split on its commas in place,
 * which gives what commons-csv gives for such a line, and its cells become strings only for the
 * rows a method keeps; UTF-8 is checked on the bytes of a line holding any byte above 0x7F. A line
 * holding a quote goes to commons-csv, joined with the following lines while a quoted field is
 * open (a line break inside a quoted field is carried as {@code \n}). Line numbers count every
 * line from 1 (the header), blank ones included; a record is named by the line where it starts.
 *
 * <p>Checks, each a {@link DataFileException} naming file, line, column and value:
 * <ul>
 *   <li>a blank record id or category;</li>
 *   <li>a category not in the plan (matched by {@link Names}), unless an "other" category of the
 *       plan is named to take such records;</li>
 *   <li>a record id met twice (ids match exactly, as text): named at its second line, with the
 *       first. Every row's 64-bit fingerprint of its id (a hash of its UTF-8 bytes) goes to a
 *       {@code DuplicateFinder} (a hash set of at most 1 MB, partitioned to temporary files by the
 *       fingerprint's top bits beyond 2^16 rows); fingerprints met twice (a duplicate, or a chance
 *       collision of two ids, which is then ignored) are resolved by a second pass over the file
 *       that compares the ids themselves. Temporary disk: 8 bytes a row, deleted before returning.</li>
 * </ul>
 * Immutable and safe to share; {@link #read} may be called again (for a second pass) and gives the
 * same rows.
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

    /**
     * The file.
     *
     * @return the population file's path, as given
     */
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
        return scan(1, true, batch -> {
            try {
                for (int i = 0; i < batch.size(); i++) {
                    sink.accept(batch.row(i));
                }
            } finally {
                batch.release();
            }
        });
    }

    /**
     * Streams every data row, in file order, to {@code sink} in batches, and checks the whole
     * file, as {@link #read} does: the way to spread the work on rows over threads, and to look at
     * rows without making an object of each. Batches are handed over in file order from the
     * calling thread; the sink may pass them to other threads, and must {@linkplain Batch#release()
     * release} each when done with it: at most {@code batches} are out at a time, and the reading
     * waits for one to come back (so memory stays bounded whatever the file's length).
     *
     * @param batches the most batches out at a time, at least 1 (a sink that works on the calling
     *                thread and releases each batch before returning needs just 1)
     * @param sink    receives the batches; the duplicate check takes a batch's ids when it is
     *                released and completes after the last batch is back (this method waits for
     *                it), so a sink must not act on rows before this method returns
     * @return what was read: rows, SHA-256, header, count per category
     * @throws IllegalArgumentException if {@code batches} is below 1 or {@code sink} is null
     * @throws DataFileException        as {@link #read}
     * @throws UncheckedIOException     for other input errors, or if interrupted while waiting for a batch
     */
    public Summary readBatches(int batches, Consumer<Batch> sink) {
        Args.notNull("sink", sink);
        if (batches < 1) {
            throw new IllegalArgumentException("batches (" + batches + ") must be at least 1");
        }
        return scan(batches, true, sink);
    }

    /**
     * A second pass over a file already read whole by {@link #read} or {@link #readBatches}, for a
     * method that needs the counts before it draws: the same rows to {@code sink}, as
     * {@link #readBatches}, with the file's SHA-256 computed again and required to equal the first
     * pass's. The duplicate check is not repeated: equal SHA-256 means equal bytes, which the
     * first pass checked.
     *
     * @param first   what the first pass read
     * @param batches the batches in flight at once, as {@link #readBatches}
     * @param sink    receives every batch of rows, in file order, as {@link #readBatches}
     * @return what this pass read (equal to {@code first})
     * @throws IllegalArgumentException if {@code first} is of another file
     * @throws DataFileException        as {@link #read}, or if the file's SHA-256 is not that of
     *                                  the first pass (the file changed in between)
     */
    public Summary reread(Summary first, int batches, Consumer<Batch> sink) {
        Args.notNull("first pass", first);
        Args.notNull("sink", sink);
        if (!first.file().equals(file.toString())) {
            throw new IllegalArgumentException("first pass (" + first.file() + ") must be of " + file);
        }
        if (batches < 1) {
            throw new IllegalArgumentException("batches (" + batches + ") must be at least 1");
        }
        Summary second = scan(batches, false, sink);
        if (!second.sha256().equals(first.sha256())) {
            throw new DataFileException(first.file(), 0, null, null, "changed between two passes over it (SHA-256 "
                    + first.sha256() + " then " + second.sha256() + ")");
        }
        return second;
    }

    /** The one pass under {@link #read}, {@link #readBatches} and {@link #reread}. */
    private Summary scan(int batches, boolean checkDuplicates, Consumer<Batch> sink) {
        String name = file.toString();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (Records records = new Records(name, PopulationFileLines.open(name, file, sha256))) {
            if (!records.next(true)) {
                throw new DataFileException(name, 0, null, null, "is empty: expected a header line");
            }
            String[] header = records.cells.all();
            Layout layout = new Layout(name, header);
            records.lines.keepPositions(Math.max(layout.id, layout.category) + 1);
            Map<String, String> spelling = new LinkedHashMap<>(categories);
            Counts counts = new Counts();
            categories.values().forEach(counts::index);
            // The few distinct spellings of categories, resolved once each (Names.key is a regex) and
            // recognised again by comparing the cell's bytes in place, without making a string of it.
            SpellingCache spellings = new SpellingCache();
            boolean large = likelyToSpill();
            try (Batches pool = new Batches(batches, layout, checkDuplicates
                    ? new DuplicateFinder(DuplicateFinder.IN_MEMORY, large) : null, large)) {
                return rows(name, header, layout, records, spelling, counts, spellings, pool, sha256, sink);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, Files.isDirectory(file) ? "is a folder, not a file"
                    : "does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read (permission denied)");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new DataFileException(name, 0, null, null, "is a folder, not a file");
            }
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The data rows of a pass, after its header, and what they held. */
    private Summary rows(String name, String[] header, Layout layout, Records records, Map<String, String> spelling,
                         Counts counts, SpellingCache spellings, Batches pool, MessageDigest sha256,
                         Consumer<Batch> sink) throws IOException {
        Batch batch = pool.take();
        long rows = 0;
        long toOther = 0;
        while (records.next(false)) {
            long line = records.start;
            layout.check(records.size(), line);
            if (!records.recordId(layout.id)) {
                throw new DataFileException(name, line, RECORD_ID, "", "is blank: a record id is needed");
            }
            int known = records.cells == null
                    ? spellings.find(records.lines.bytes(), records.cellStart(layout.category),
                            records.cellEnd(layout.category))
                    : spellings.find(records.cells.get(layout.category));
            if (known < 0) {
                String written = records.cell(layout.category);
                String resolved = category(name, line, written, spelling);
                known = spellings.add(written, counts.index(resolved), !Names.same(resolved, written));
            }
            int category = spellings.category[known];
            counts.count[category]++;
            if (spellings.remapped[known]) {
                toOther++;
            }
            rows++;
            if (!batch.fits(records)) {
                batch.names = counts.names();
                sink.accept(batch);
                batch = pool.take();
            }
            batch.add(records, category, counts.names()[category], line);
        }
        batch.names = counts.names();
        if (batch.size() > 0) {
            sink.accept(batch);
        } else {
            batch.release();
        }
        String digest = hex(sha256.digest());
        // every batch back, so every row's fingerprint is in
        long[] repeated = pool.repeated();
        if (repeated.length > 0) {
            locateDuplicate(name, layout, repeated);
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        String[] names = counts.names();
        for (int i = 0; i < names.length; i++) {
            byCategory.put(names[i], counts.count[i]);
        }
        return new Summary(name, List.of(header), layout.carriedHeader(), rows, digest, byCategory, toOther);
    }

    /** Whether the file may hold more rows than the duplicate check holds in memory (then it makes its file at once). */
    private boolean likelyToSpill() {
        try {
            return Files.size(file) > 16L * DuplicateFinder.IN_MEMORY;
        } catch (IOException e) {
            return false;
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
        try (Records records = new Records(name, PopulationFileLines.open(name, file, null))) {
            records.next(true);
            records.lines.keepPositions(Math.max(layout.id, layout.category) + 1);
            while (records.next(false)) {
                records.recordId(layout.id);
                byte[] bytes = records.idBytes();
                if (wanted.contains(fingerprint(bytes, records.idStart, records.idEnd - records.idStart))) {
                    String id = new String(bytes, records.idStart, records.idEnd - records.idStart, StandardCharsets.UTF_8);
                    Long earlier = firstLine.putIfAbsent(id, records.start);
                    if (earlier != null) {
                        throw new DataFileException(name, records.start, RECORD_ID, id,
                                "appears twice (first on line " + earlier + "): record ids must be unique");
                    }
                }
            }
        }
        // Only chance collisions of distinct ids: no duplicate.
    }

    /** The fingerprint of an id as text: that of its UTF-8 bytes. */
    static long fingerprint(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return fingerprint(bytes, 0, bytes.length);
    }

    /**
     * A 64-bit fingerprint of an id's UTF-8 bytes, eight bytes at a time: each 8-byte word (the
     * last one padded with zeros) mixed in as MurmurHash3's x64 body mixes its blocks, the length
     * in the seed (so that padding cannot make two ids equal), and MurmurHash3's finalizer to
     * spread the bits. Equal ids give equal fingerprints; distinct ids collide with probability
     * about 2^-64 a pair, and a collision only costs the second pass.
     */
    static long fingerprint(byte[] bytes, int offset, int length) {
        long hash = 0x9e3779b97f4a7c15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            hash = mixIn(hash, (long) LONGS.get(bytes, i));
        }
        if (i < end) {
            long tail = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                tail |= (bytes[i] & 0xffL) << shift;
            }
            hash = mixIn(hash, tail);
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static long mixIn(long hash, long word) {
        long k = Long.rotateLeft(word * 0x87c37b91114253d5L, 31) * 0x4cf5ad432745937fL;
        return Long.rotateLeft(hash ^ k, 27) * 5 + 0x52dce729;
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

    /** Whether an ASCII byte is white space to {@link String#strip()} ({@link Character#isWhitespace}). */
    static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The categories met, by index (the plan's first, in its order), with their counts. */
    private static final class Counts {
        private final Map<String, Integer> index = new HashMap<>();
        private String[] names = new String[0];
        long[] count = new long[8];

        int index(String category) {
            Integer i = index.get(category);
            if (i != null) {
                return i;
            }
            int next = names.length;
            // a new array, never changed: batches already handed out keep the one they were given
            names = Arrays.copyOf(names, next + 1);
            names[next] = category;
            if (next == count.length) {
                count = Arrays.copyOf(count, 2 * next);
            }
            index.put(category, next);
            return next;
        }

        String[] names() {
            return names;
        }
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

    /**
     * Logical CSV records from the physical lines: a quote-free line split in place (its cells are
     * byte ranges of the line), commons-csv for a line holding a quote (and the header), joined
     * with the following lines while a quoted field is open.
     */
    private static final class Records implements AutoCloseable {
        private final String name;
        final PopulationFileLines lines;
        /** The line where the current record starts. */
        long start;
        /** The current record's cells as strings (the header, or a record holding a quote), or null for a line split in place. */
        Fields cells;
        /** The record id found by {@link #recordId}: bytes [idStart, idEnd) of {@link #idBytes()}. */
        int idStart;
        int idEnd;
        private byte[] idText;

        Records(String name, PopulationFileLines lines) {
            this.name = name;
            this.lines = lines;
        }

        /**
         * Moves to the next record, skipping blank lines.
         *
         * @param asText make strings of its cells (the header), whatever the line holds
         * @return false at the end of the file
         */
        boolean next(boolean asText) throws IOException {
            do {
                if (!lines.next()) {
                    return false;
                }
            } while (lines.start() == lines.end());
            start = lines.line();
            if (!asText && !lines.quote() && start != 1) {
                cells = null;
                return true;
            }
            String text = lines.text();
            if (start == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            cells = text.indexOf('"') < 0 ? Fields.split(text) : new Fields(quoted(text));
            return true;
        }

        int size() {
            return cells != null ? cells.size() : lines.commas() + 1;
        }

        /** Where cell i of a line split in place starts, in {@link PopulationFileLines#bytes()}. */
        int cellStart(int i) {
            return i == 0 ? lines.start() : lines.comma(i - 1) + 1;
        }

        int cellEnd(int i) {
            return i == lines.commas() ? lines.end() : lines.comma(i);
        }

        /** Cell i as written. */
        String cell(int i) {
            if (cells != null) {
                return cells.get(i);
            }
            int from = cellStart(i);
            return new String(lines.bytes(), from, cellEnd(i) - from, StandardCharsets.UTF_8);
        }

        /**
         * Finds the record id in cell i without its surrounding white space (as
         * {@link String#strip()}): in place for an ASCII cell of a line, else from its text.
         *
         * @return false if it is blank
         */
        boolean recordId(int i) {
            if (cells == null) {
                byte[] b = lines.bytes();
                int from = cellStart(i);
                int to = cellEnd(i);
                idText = null;
                if (!lines.nonAscii() || ascii(b, from, to)) {
                    while (from < to && isAsciiWhitespace(b[from])) {
                        from++;
                    }
                    while (to > from && isAsciiWhitespace(b[to - 1])) {
                        to--;
                    }
                } else {
                    // white space beyond ASCII (U+2003, say): strip the text, then find its bytes in the
                    // cell (what strip() removes is whole characters at either end, so a prefix of them)
                    String cell = new String(b, from, to - from, StandardCharsets.UTF_8);
                    String id = cell.strip();
                    if (id.isEmpty()) {
                        to = from;
                    } else {
                        from += cell.substring(0, cell.indexOf(id)).getBytes(StandardCharsets.UTF_8).length;
                        to = from + id.getBytes(StandardCharsets.UTF_8).length;
                    }
                }
                idStart = from;
                idEnd = to;
                return from < to;
            }
            idText = cell(i).strip().getBytes(StandardCharsets.UTF_8);
            idStart = 0;
            idEnd = idText.length;
            return idEnd > 0;
        }

        /** The bytes holding the record id found by {@link #recordId}. */
        byte[] idBytes() {
            return idText != null ? idText : lines.bytes();
        }

        /** A record holding a quote: commons-csv, with more lines while a quoted field is open. */
        private String[] quoted(String first) throws IOException {
            StringBuilder record = new StringBuilder(first);
            for (int count = 1; ; count++) {
                String[] fields = parse(record.toString());
                if (fields != null) {
                    return fields;
                }
                String more = count >= MAX_LINES_PER_RECORD || record.length() > CsvGuard.MAX_RECORD
                        ? null : lines.next() ? lines.text() : null;
                if (more == null) {
                    throw new DataFileException(name, start, null, null, "has a quoted field that does not end"
                            + (count >= MAX_LINES_PER_RECORD || record.length() > CsvGuard.MAX_RECORD
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
            lines.close();
        }
    }

    /** The spellings of categories met so far, with their category (index), and whether remapped to the other. */
    private static final class SpellingCache {
        String[] written = new String[8];
        byte[][] bytes = new byte[8][];
        int[] category = new int[8];
        boolean[] remapped = new boolean[8];
        int size;
        /** Beyond the first {@value #SCANNED} spellings, a map (a file with many categories). */
        private final Map<String, Integer> more = new HashMap<>();
        private static final int SCANNED = 32;

        /** The index of the spelling in bytes [from, to), or -1. */
        int find(byte[] b, int from, int to) {
            int length = to - from;
            for (int k = 0; k < Math.min(size, SCANNED); k++) {
                byte[] spelling = bytes[k];
                if (spelling.length == length && Arrays.equals(spelling, 0, length, b, from, to)) {
                    return k;
                }
            }
            if (size <= SCANNED) {
                return -1;
            }
            Integer k = more.get(new String(b, from, length, StandardCharsets.UTF_8));
            return k == null ? -1 : k;
        }

        /** The index of the spelling {@code text}, or -1. */
        int find(String text) {
            for (int k = 0; k < Math.min(size, SCANNED); k++) {
                if (written[k].equals(text)) {
                    return k;
                }
            }
            if (size <= SCANNED) {
                return -1;
            }
            Integer k = more.get(text);
            return k == null ? -1 : k;
        }

        int add(String spelling, int index, boolean other) {
            if (size == written.length) {
                written = Arrays.copyOf(written, 2 * size);
                bytes = Arrays.copyOf(bytes, 2 * size);
                category = Arrays.copyOf(category, 2 * size);
                remapped = Arrays.copyOf(remapped, 2 * size);
            }
            written[size] = spelling;
            bytes[size] = spelling.getBytes(StandardCharsets.UTF_8);
            category[size] = index;
            remapped[size] = other;
            if (size >= SCANNED) {
                more.put(spelling, size);
            }
            return size++;
        }
    }

    /**
     * The batches of one read: made as needed up to a limit, then reused as they are released;
     * and the duplicate check, which takes each batch's fingerprints (a hash of each id) when it
     * is released. For a large file that work is done by a thread of its own, so that the reading
     * thread only reads: a released batch goes to that thread, which adds its fingerprints to the
     * {@link DuplicateFinder} and then makes the batch free. The values met twice do not depend on
     * the order in which batches come back, so neither does the check.
     */
    private static final class Batches implements AutoCloseable {
        private final int limit;
        private final Layout layout;
        private final BlockingQueue<Batch> free;
        private final DuplicateFinder finder;
        /** Released batches on their way to {@link #checker}, or null when the check is made in place. */
        private final BlockingQueue<Object> toCheck;
        private final Thread checker;
        private volatile Throwable checkFailed;
        private static final Object END = new Object();
        private int made;
        /** False once the read has ended: a batch released after that (the read failed) is not checked. */
        private volatile boolean open = true;

        Batches(int limit, Layout layout, DuplicateFinder finder, boolean ownThread) {
            this.limit = limit;
            this.layout = layout;
            this.free = new ArrayBlockingQueue<>(limit);
            this.finder = finder;
            if (finder != null && ownThread) {
                toCheck = new ArrayBlockingQueue<>(limit + 1);
                checker = new Thread(this::check, "recording-rate-duplicate-check");
                checker.setDaemon(true);
                checker.start();
            } else {
                toCheck = null;
                checker = null;
            }
        }

        Batch take() {
            Batch batch = free.poll();
            if (batch == null && made < limit) {
                made++;
                return new Batch(layout, this);
            }
            try {
                batch = batch != null ? batch : free.take();
            } catch (InterruptedException e) {
                throw interrupted();
            }
            batch.clear();
            return batch;
        }

        /** Takes the batch's fingerprints (here or on the checking thread), then makes it free again. */
        void release(Batch batch) {
            if (finder == null) {
                free.offer(batch);
            } else if (toCheck != null) {
                // never full: it holds at most the batches made
                toCheck.offer(batch);
            } else {
                synchronized (this) {
                    if (open) {
                        fingerprints(batch);
                    }
                }
                free.offer(batch);
            }
        }

        private void fingerprints(Batch batch) {
            for (int i = 0; i < batch.size; i++) {
                finder.add(fingerprint(batch.data, batch.idAt[i], batch.idLength[i]));
            }
        }

        /** The checking thread: until {@link #END}, each batch's fingerprints. */
        private void check() {
            while (true) {
                Object next;
                try {
                    next = toCheck.take();
                } catch (InterruptedException e) {
                    checkFailed = e;
                    return;
                }
                if (next == END) {
                    return;
                }
                Batch batch = (Batch) next;
                try {
                    if (open && checkFailed == null) {
                        fingerprints(batch);
                    }
                } catch (RuntimeException | Error e) {
                    checkFailed = e;
                } finally {
                    free.offer(batch);
                }
            }
        }

        /**
         * Waits for every batch to come back (checked), then the fingerprints met twice (none
         * without the duplicate check).
         */
        long[] repeated() {
            List<Batch> back = new ArrayList<>(made);
            try {
                for (int i = 0; i < made; i++) {
                    back.add(free.take());
                }
            } catch (InterruptedException e) {
                throw interrupted();
            }
            free.addAll(back);
            Throwable failed = checkFailed;
            if (failed instanceof RuntimeException e) {
                throw e;
            } else if (failed instanceof Error e) {
                throw e;
            } else if (failed != null) {
                throw interrupted();
            }
            synchronized (this) {
                return finder == null ? new long[0] : finder.repeated();
            }
        }

        private static UncheckedIOException interrupted() {
            Thread.currentThread().interrupt();
            return new UncheckedIOException(new java.io.InterruptedIOException("interrupted while reading"));
        }

        @Override
        public void close() {
            open = false;
            if (checker != null) {
                toCheck.offer(END);
                try {
                    checker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                if (finder != null) {
                    finder.close();
                }
            }
        }
    }

    /**
     * A 64-bit hash of a record id's UTF-8 bytes, as {@link Batch#hashRecordId} hands them over
     * (a permanent random number, say).
     */
    @FunctionalInterface
    public interface IdHash {
        /**
         * The hash of bytes [offset, offset + length) of {@code utf8}, which must be read only,
         * and only during the call.
         *
         * @param utf8   the bytes holding the record id (and others': read only the range)
         * @param offset the id's first byte
         * @param length the id's length in bytes
         * @return the 64-bit hash
         */
        long hash(byte[] utf8, int offset, int length);
    }

    /**
     * Consecutive data rows of a population file, as {@link #readBatches} hands them over: each
     * row's category, line and record id, without making objects of them; {@link #row} makes the
     * {@link Row} of one that is kept. Owned by whoever holds it between the hand-over and
     * {@link #release()}: not for use by two threads at once, nor after release.
     */
    public static final class Batch {
        /** Rows a batch holds at most. */
        static final int ROWS = 4096;
        /** Bytes of lines a batch holds at first (below half a G1 region of a small heap, so never humongous). */
        static final int BYTES = 1 << 18;

        private final Layout layout;
        private final Batches home;
        private boolean out = true;
        private String[] names;
        private byte[] data = new byte[BYTES];
        private int used;
        private int size;
        private final int[] lineAt = new int[ROWS];
        private final int[] lineLength = new int[ROWS];
        private final int[] idAt = new int[ROWS];
        private final int[] idLength = new int[ROWS];
        private final int[] category = new int[ROWS];
        private final long[] lineNumber = new long[ROWS];
        /** The rows read by commons-csv (a quote), made at once; null for a line split in place. */
        private final Row[] rows = new Row[ROWS];

        private Batch(Layout layout, Batches home) {
            this.layout = layout;
            this.home = home;
        }

        private void clear() {
            out = true;
            Arrays.fill(rows, 0, size, null);
            size = 0;
            used = 0;
        }

        /** Whether the current record fits (an empty batch takes any record, growing for a long line). */
        private boolean fits(Records records) {
            return size == 0 || (size < ROWS && used + bytesOf(records) <= data.length);
        }

        private static int bytesOf(Records records) {
            return records.cells == null ? records.lines.end() - records.lines.start() : records.idEnd - records.idStart;
        }

        private void add(Records records, int categoryIndex, String categoryName, long line) {
            int length = bytesOf(records);
            if (used + length > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, used + length));
            }
            if (records.cells == null) {
                int from = records.lines.start();
                System.arraycopy(records.lines.bytes(), from, data, used, length);
                lineAt[size] = used;
                lineLength[size] = length;
                idAt[size] = used + records.idStart - from;
            } else {
                System.arraycopy(records.idBytes(), records.idStart, data, used, length);
                idAt[size] = used;
                rows[size] = new Row(new String(data, used, length, StandardCharsets.UTF_8), categoryName, line,
                        records.cells, layout);
            }
            idLength[size] = records.idEnd - records.idStart;
            category[size] = categoryIndex;
            lineNumber[size] = line;
            used += length;
            size++;
        }

        /**
         * Rows in this batch.
         *
         * @return the number of rows, at least 0
         */
        public int size() {
            return size;
        }

        /**
         * Row i's category, as an index into the categories: with a plan, the plan's categories
         * in its order; without, the categories in order of first appearance in the file.
         *
         * @param i the row's index in this batch, from 0
         * @return the category's index
         * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
         */
        public int category(int i) {
            return category[Objects.checkIndex(i, size)];
        }

        /**
         * The name of row i's category, as {@link Row#category()}.
         *
         * @param i the row's index in this batch, from 0
         * @return the category as the plan spells it
         * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
         */
        public String categoryName(int i) {
            return names[category(i)];
        }

        /**
         * Row i's line (header = 1).
         *
         * @param i the row's index in this batch, from 0
         * @return the 1-based line where the row starts
         * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
         */
        public long line(int i) {
            return lineNumber[Objects.checkIndex(i, size)];
        }

        /**
         * {@code hash} of row i's record id (as {@link Row#recordId()}, in UTF-8), without making
         * a string of it.
         *
         * @param i    the row's index in this batch, from 0
         * @param hash the hash to apply to the id's bytes
         * @return what {@code hash} returns
         * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
         */
        public long hashRecordId(int i, IdHash hash) {
            Objects.checkIndex(i, size);
            return hash.hash(data, idAt[i], idLength[i]);
        }

        /**
         * Row i, made from the batch's bytes (a new object each call, except for quoted rows).
         *
         * @param i the row's index in this batch, from 0
         * @return the row
         * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
         */
        public Row row(int i) {
            Objects.checkIndex(i, size);
            if (rows[i] != null) {
                return rows[i];
            }
            return new Row(new String(data, idAt[i], idLength[i], StandardCharsets.UTF_8), names[category[i]],
                    lineNumber[i], Fields.split(new String(data, lineAt[i], lineLength[i], StandardCharsets.UTF_8)),
                    layout);
        }

        /**
         * Hands the batch back to the reading, which reuses it; no use of it after this. The
         * duplicate check takes the batch's record ids here, so every batch must be released,
         * once, for the read to complete.
         *
         * @throws IllegalStateException if the batch was released already
         */
        public void release() {
            if (!out) {
                throw new IllegalStateException("batch released twice");
            }
            out = false;
            home.release(this);
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

        /**
         * The record id, without surrounding spaces.
         *
         * @return the record id, stripped of white space at either end
         */
        public String recordId() {
            return recordId;
        }

        /**
         * The category as the plan spells it.
         *
         * @return the category as the plan spells it (the other category for a row sent there)
         */
        public String category() {
            return category;
        }

        /**
         * The category cell exactly as written (it differs from {@link #category()} for the other
         * category).
         *
         * @return the category cell exactly as written
         */
        public String categoryAsWritten() {
            return cells.get(layout.category);
        }

        /**
         * The 1-based line (header = 1).
         *
         * @return the 1-based line where the row starts
         */
        public long line() {
            return line;
        }

        /**
         * The cells of the columns other than {@code record_id} and {@code category}, in header
         * order, exactly as written.
         *
         * @return the carried cells, unmodifiable
         */
        public List<String> carried() {
            String[] values = new String[layout.carried.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = cells.get(layout.carried[i]);
            }
            return List.of(values);
        }

        /**
         * Every cell, in header order.
         *
         * @return every cell, unmodifiable
         */
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

        /**
         * Copies the lists and map.
         *
         * @param file          the file as named
         * @param header        the header as written
         * @param carriedHeader the columns other than {@code record_id} and {@code category}, in order
         * @param rows          data rows read
         * @param sha256        the SHA-256 of the file's bytes, lower-case hex
         * @param counts        rows per category
         * @param toOther       rows sent to the other category
         * @throws NullPointerException if a list, the map or an element is null
         */
        public Summary {
            header = List.copyOf(header);
            carriedHeader = List.copyOf(carriedHeader);
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /**
         * Rows of {@code category} (matched by {@link Names}); 0 if none.
         *
         * @param category the category's name, any case
         * @return its rows in the file
         */
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
