package org.recordingrate.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.io.DataFileException;
import org.recordingrate.io.PopulationBatch;
import org.recordingrate.io.PopulationFile;
import org.recordingrate.io.PopulationSummary;

/**
 * {@link SelectionThreads}, the reading with workers, on its failure paths: when the file turns out
 * bad part way, {@code read} must not return (throw) while a worker is still at work on an earlier
 * batch (the join the earlier mutation run could not reach: on success the reading itself waits
 * for every batch to come back, so only this path shows a missing join); a worker's exception is
 * thrown from {@code read} as it was, an Error as itself and a checked exception wrapped once.
 *
 * <p>The worker here sleeps 50 ms a batch, so that the reading meets the bad row while batches are
 * still being worked on; the assertions hold whatever the timing (the counts are compared after
 * {@code read} has ended, and with the join every started batch has ended by then): no timing is
 * asserted.
 */
class SelectionThreadsTest {

    @TempDir
    Path folder;

    /** 4,096 rows a batch: {@code batches} full batches of good rows, ten more, then a row with no record id. */
    private PopulationFile badAfter(int batches) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("record_id,category");
        int good = batches * 4_096 + 10;
        for (int i = 1; i <= good; i++) {
            lines.add(String.format("r%06d,%s", i, i % 2 == 0 ? "a" : "b"));
        }
        lines.add(",a");
        Path file = folder.resolve("bad.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return PopulationFile.of(file).withCategories(List.of("a", "b"));
    }

    @Test
    void aBadFileEndsTheReadOnlyAfterTheWorkersStop() throws IOException {
        // one worker: at most 4 batches out, so the reading waits for the worker before it meets the bad row
        PopulationFile population = badAfter(5);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger workers = new AtomicInteger();
        DataFileException e = assertThrows(DataFileException.class, () -> SelectionThreads.read(population, 1, () -> {
            workers.incrementAndGet();
            return batch -> {
                started.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
            };
        }));
        assertEquals(5 * 4_096 + 12, e.line(), e.getMessage());
        assertTrue(started.get() >= 1, "a batch was handed to a worker");
        // with the workers joined before read ends, none is still inside its batch
        assertEquals(started.get(), finished.get(), "batches still being worked on when read ended");
        assertEquals(1, workers.get(), "one work for the one worker");
    }

    @Test
    void aWorkersExceptionIsThrownAsItWas() throws IOException {
        PopulationFile population = good(100);
        IllegalStateException thrown = new IllegalStateException("worker failed");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SelectionThreads.read(population, 2, () -> batch -> {
                    throw thrown;
                }));
        assertSame(thrown, e);
        AssertionError error = new AssertionError("an error on a worker");
        assertSame(error, assertThrows(AssertionError.class,
                () -> SelectionThreads.read(population, 3, () -> batch -> {
                    throw error;
                })));
        IOException checked = new IOException("disk");
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> SelectionThreads.read(population, 1, () -> batch -> sneaky(checked)));
        assertEquals("drawing the sample failed on a worker thread: java.io.IOException: disk", wrapped.getMessage());
        assertSame(checked, wrapped.getCause());
    }

    /** Throws a checked exception from a Consumer, as a worker's work might. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** {@code rows} good rows, categories a and b. */
    private PopulationFile good(int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("record_id,category");
        for (int i = 1; i <= rows; i++) {
            lines.add(String.format("r%06d,%s", i, i % 3 == 0 ? "a" : "b"));
        }
        Path file = folder.resolve("good" + rows + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return PopulationFile.of(file).withCategories(List.of("a", "b"));
    }

    @Test
    void everyBatchIsWorkedOnOnceWhateverTheThreads() throws IOException {
        int rows = 3 * 4_096 + 7;
        PopulationFile population = good(rows);
        for (int threads : new int[] {1, 2, 4}) {
            AtomicLong seen = new AtomicLong();
            AtomicLong lineSum = new AtomicLong();
            PopulationSummary summary = SelectionThreads.read(population, threads, () -> (Consumer<PopulationBatch>) batch -> {
                seen.addAndGet(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    lineSum.addAndGet(batch.line(i));
                }
            });
            assertEquals(rows, summary.rows(), threads + " threads");
            assertEquals(rows, seen.get(), threads + " threads");
            // lines 2 .. rows + 1, each once: their sum
            assertEquals((long) (rows + 1) * (rows + 2) / 2 - 1, lineSum.get(), threads + " threads");
        }
    }
}
