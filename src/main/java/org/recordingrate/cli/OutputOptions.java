package org.recordingrate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.recordingrate.format.ResultTable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command shares: the output format and where the output goes. A file given to
 * {@code --out} is written whole or not at all: the output goes to a temporary file beside it,
 * which is moved into place only once complete, so a full disk or a file-size limit never leaves
 * half a table behind. A read-only file is refused (even as root); a device or a pipe is written
 * through, never replaced; a symbolic link's target is replaced, not the link.
 */
final class OutputOptions {

    /** Output formats. */
    enum Format {
        TEXT, CSV, JSON
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|csv|json",
            description = "Output format. Default: text for one case, csv for a file of cases or inspections.")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the output to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--digits", paramLabel = "N",
            description = "Significant digits of numbers in CSV and JSON output (default: full precision).")
    Integer digits;

    /** Whether the command says the notes on standard error itself, in its own words (with file and line). */
    private boolean notesSaid;

    /**
     * Tells {@link #write} that the command has said every note on standard error itself, with more
     * detail (file and line) than the note: they are not said twice.
     */
    void notesSaidByCommand() {
        notesSaid = true;
    }

    /** The chosen format, or {@code fallback} when none was given. */
    Format formatOr(Format fallback) {
        return format == null ? fallback : format;
    }

    /**
     * Checks before any work is done that {@code --out} can be written: its folder exists and it
     * is not itself a folder.
     *
     * @throws IllegalArgumentException naming the file and the reason
     */
    void check() {
        if (digits != null && (digits < 1 || digits > 17)) {
            throw Cli.usage(spec, "invalid value for --digits: " + digits + " (1 to 17 significant digits)");
        }
        if (out != null) {
            checkWritable(out);
        }
    }

    /**
     * Checks before any work is done that {@code file} can be written: its folder exists and it is
     * not itself a folder (for {@code --out}, and for commands whose output this class does not
     * render: the report's documents, the plots' pictures).
     *
     * @throws IllegalArgumentException naming the file and the reason
     */
    static void checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--out " + file + ": is a folder, not a file");
        }
        if (Files.isRegularFile(file) && readOnly(file)) {
            throw new IllegalArgumentException("--out " + file + ": is read-only; it is left as it is and nothing was"
                    + " written");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return; // a device, a pipe: written through, never replaced (see writeWhole)
        }
        Path folder = folder(file);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out " + file + ": the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException("--out " + file + ": the folder " + folder + " cannot be written");
        }
    }

    /**
     * Whether a regular file is read-only: no write permission for its owner (on POSIX file systems:
     * {@link Files#isWritable} says yes to root whatever the permissions, and a tool run as root must
     * not replace a file its owner protected), or not writable by this process.
     */
    private static boolean readOnly(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the process's own access decides
        }
        return !Files.isWritable(file);
    }
    /**
     * Writes a result in the chosen format; text output uses {@code text} instead of the table
     * when it is not null.
     *
     * @throws UncheckedIOException naming the output when writing fails (nothing is left behind)
     */
    void write(ResultTable table, Format fallback, boolean singleObject, String text, PrintWriter stdout) {
        Format chosen = formatOr(fallback);
        if (digits != null) {
            table.digits(digits);
        }
        String shown = text == null ? null : text + missingFootnotes(table, text);
        if (out == null) {
            Writer writer = new PrintWriterSink(stdout);
            render(table, chosen, singleObject, shown, writer);
            stdout.flush();
            if (stdout.checkError()) {
                throw new UncheckedIOException("standard output: could not be written", new IOException("write failed"));
            }
        } else {
            check();
            writeWhole(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                render(table, chosen, singleObject, shown, writer);
                writer.flush();
            });
        }
        tellNotes(table);
    }

    /**
     * The one path of notes: every note the table carries (in its {@code notes} column or field, or its
     * text footnotes) is also said on standard error, once each.
     */
    private void tellNotes(ResultTable table) {
        if (notesSaid) {
            return;
        }
        java.util.Set<String> said = new java.util.LinkedHashSet<>(table.notes());
        for (int r = 0; r < table.size(); r++) {
            said.addAll(table.notes(r));
        }
        for (String note : said) {
            Cli.note(spec, "note: " + note);
        }
    }

    /**
     * The table's notes that a command's own text does not already say, as footnotes: text output
     * carries every note, as CSV and JSON do.
     */
    private static String missingFootnotes(ResultTable table, String text) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(table.notes());
        for (int r = 0; r < table.size(); r++) {
            all.addAll(table.notes(r));
        }
        StringBuilder missing = new StringBuilder();
        for (String note : all) {
            if (!text.contains(note)) {
                missing.append(text.isEmpty() || text.endsWith("\n") || missing.length() > 0 ? "" : "\n")
                        .append("Note: ").append(note).append('\n');
            }
        }
        return missing.toString();
    }

    /** What goes into a file. */
    interface Body {
        void writeTo(OutputStream stream) throws IOException;
    }

    /**
     * Writes {@code body} to {@code file} whole or not at all: into a temporary file beside it,
     * moved into place only once complete (see the class comment).
     *
     * @throws UncheckedIOException naming the file when writing fails (nothing is left behind)
     */
    static void writeWhole(Path file, Body body) {
        Path temporary = null;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device or a pipe (/dev/null, /dev/stdout, a FIFO) is written through: replacing it
                // with a regular file would break the system (as root, /dev/null) or the reader at the pipe
                try (OutputStream stream = Files.newOutputStream(file, java.nio.file.StandardOpenOption.WRITE)) {
                    body.writeTo(stream);
                }
                return;
            }
            // a symbolic link is followed: its target is replaced, the link stays
            Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
            if (target != file) {
                checkWritable(target);
                writeWhole(target, body);
                return;
            }
            temporary = partial(file);
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                body.writeTo(stream);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | UncheckedIOException e) {
            String reason = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new UncheckedIOException("--out " + file + ": could not be written (" + reason + "); nothing was written",
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the error above is the one to report
                }
            }
        }
    }

    /**
     * A new empty file beside {@code file}. Not {@code Files.createTempFile}, whose files are
     * readable by their owner only (0600), which the finished output would keep: this one gets the
     * permissions the user's umask gives any new file.
     */
    private static Path partial(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder(file).resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + attempt + ".partial");
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static void render(ResultTable table, Format chosen, boolean singleObject, String text, Writer writer) {
        try {
            switch (chosen) {
                case CSV -> table.writeCsv(writer);
                case JSON -> {
                    if (singleObject) {
                        table.writeJsonObject(writer);
                    } else {
                        table.writeJson(writer);
                    }
                }
                default -> writer.write(text != null ? text : table.renderText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard output as a Writer that is flushed, never closed. */
    private static final class PrintWriterSink extends Writer {
        private final PrintWriter target;

        PrintWriterSink(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            target.write(buffer, offset, length);
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.flush();
        }
    }
}
