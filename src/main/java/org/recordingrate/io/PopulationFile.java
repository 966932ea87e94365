package org.recordingrate.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
 * <p>Read by the one reader's rules, as every CSV file is ({@link CsvInput} lists them): UTF-8
 * strictly, comma, semicolon or tab as detected from the header, LF, CRLF or CR, the last line with
 * or without a break, quoting as RFC 4180, at most 1 MiB a record, rows whose every cell is blank
 * skipped and counted, a row with another number of cells than the header an error naming its
 * line; cells kept exactly as written (so carried columns come back unchanged; the record id and
 * category are read with surrounding spaces ignored). The reading is the reader's byte-level path
 * ({@code PopulationRecords}): a plain line (no quote, no NUL, valid UTF-8) is split on its
 * delimiters in place and its cells become strings only for the rows a method keeps; any other
 * record is read by the reader itself, so it gives the same rows and the same errors.
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
    public static final String RECORD_ID = PopulationLayout.RECORD_ID;
    /** The required columns. */
    public static final String CATEGORY = PopulationLayout.CATEGORY;

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
    public PopulationSummary read(Consumer<PopulationRow> sink) {
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
     * calling thread; the sink may pass them to other threads, and must {@linkplain PopulationBatch#release()
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
    public PopulationSummary readBatches(int batches, Consumer<PopulationBatch> sink) {
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
    public PopulationSummary reread(PopulationSummary first, int batches, Consumer<PopulationBatch> sink) {
        Args.notNull("first pass", first);
        Args.notNull("sink", sink);
        if (!first.file().equals(file.toString())) {
            throw new IllegalArgumentException("first pass (" + first.file() + ") must be of " + file);
        }
        if (batches < 1) {
            throw new IllegalArgumentException("batches (" + batches + ") must be at least 1");
        }
        PopulationSummary second = scan(batches, false, sink);
        if (!second.sha256().equals(first.sha256())) {
            throw new DataFileException(first.file(), 0, null, null, "changed between two passes over it (SHA-256 "
                    + first.sha256() + " then " + second.sha256() + ")");
        }
        return second;
    }

    /** The one pass under {@link #read}, {@link #readBatches} and {@link #reread}. */
    private PopulationSummary scan(int batches, boolean checkDuplicates, Consumer<PopulationBatch> sink) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataFileException(name, 0, null, null, "is a folder, not a file");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (PopulationRecords records = PopulationRecords.open(name, file, sha256)) {
            PopulationLayout layout = new PopulationLayout(name, records.header(), records.headerLine(),
                    records.delimiter());
            records.lines.keepPositions(layout.looked());
            PopulationCategories counts = new PopulationCategories(name, categories, other);
            boolean large = likelyToSpill();
            try (PopulationBatches pool = new PopulationBatches(batches, layout, checkDuplicates
                    ? new DuplicateFinder(DuplicateFinder.IN_MEMORY, large) : null, large)) {
                return rows(name, layout, records, counts, pool, sha256, sink);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, "does not exist");
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The data rows of a pass, after its header, and what they held. */
    private PopulationSummary rows(String name, PopulationLayout layout, PopulationRecords records,
                                   PopulationCategories counts, PopulationBatches pool, MessageDigest sha256,
                                   Consumer<PopulationBatch> sink) throws IOException {
        PopulationBatch batch = pool.take();
        while (records.next()) {
            long line = records.start;
            if (!records.recordId(layout.id)) {
                throw new DataFileException(name, line, RECORD_ID, records.cell(layout.id),
                        "is blank: a record id is needed");
            }
            int category = counts.count(records, layout.category);
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
        String digest = HexFormat.of().formatHex(sha256.digest());
        // every batch back, so every row's fingerprint is in
        long[] repeated = pool.repeated();
        if (repeated.length > 0) {
            DuplicateIds.locate(name, file, layout, repeated);
        }
        return new PopulationSummary(name, records.header(), layout.carriedHeader(), records.rows(), digest,
                counts.counts(), counts.toOther(), records.blankRows());
    }

    /** Whether the file may hold more rows than the duplicate check holds in memory (then it makes its file at once). */
    private boolean likelyToSpill() {
        try {
            return Files.size(file) > 16L * DuplicateFinder.IN_MEMORY;
        } catch (IOException e) {
            return false;
        }
    }
}
