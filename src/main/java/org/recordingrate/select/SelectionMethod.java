package org.recordingrate.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.recordingrate.io.PopulationFile;
import org.recordingrate.model.Token;
import org.recordingrate.io.PopulationSummary;
import org.recordingrate.io.PopulationBatch;
import org.recordingrate.io.PopulationRow;

/**
 * The published ways of drawing records for the audit. Each reads the population file as a
 * stream in memory that holds at most the planned records per category (never the file), and
 * each draws exactly {@code min(planned, population)} records of each category, without
 * replacement.
 */
public enum SelectionMethod implements SampleSelectionMethod, Token {

    /**
     * Permanent random numbers: each record gets the number u of
     * {@link PermanentRandomNumber} (HMAC-SHA-256 of seed and record id) and, per category, the
     * k records with the smallest numbers are drawn, ties (64-bit equal numbers) broken by the
     * record id as text. This is sequential Poisson sampling (Ohlsson 1995, "Coordination of
     * samples using permanent random numbers", in Cox et al., Business Survey Methods, Wiley,
     * 153-169; Ohlsson 1998, JASA 93, 1-8) with equal inclusion probabilities, where the ranking
     * variable u/pi is u itself: with independent uniform numbers the k smallest are a simple
     * random sample without replacement (Rosen 1997, J. Statist. Plann. Inference 62, 135-158).
     *
     * <p>The sample depends only on the seed and the set of (id, category) pairs: the same seed
     * gives the same sample whatever the row order of the export, on any machine; a rerun after
     * records were added keeps every earlier record that still ranks among the k smallest (all of
     * them but about k m/(N + m) for m records added to N). Selection order is the rank of u.
     *
     * <p>Streaming: a max-heap of the k smallest so far per category, O(log k) per record that
     * enters it (about k (1 + ln(N/k)) of a category's N). The numbers, the bulk of the work, are
     * computed on as many threads as there are processors while the calling thread reads the
     * file; the sample does not depend on the number of threads.
     */
    PRN("permanent random numbers (sequential Poisson sampling)") {
        @Override
        public String reproduction() {
            return "each record's number = first 8 bytes of HMAC-SHA-256(key = the seed in decimal, UTF-8; "
                    + "message = record_id, UTF-8) as an unsigned big-endian integer / 2^64; per category the planned "
                    + "number of records with the smallest numbers, ties by record_id; selection_order = rank of the number";
        }

        @Override
        public Draw draw(PopulationFile population, List<PlannedCategory> plan, long seed) {
            return prn(population, plan, seed, Runtime.getRuntime().availableProcessors());
        }
    },

    /**
     * Simple random sampling by a seeded reservoir: Algorithm R (Knuth, TAOCP vol. 2, 3.4.2;
     * Vitter 1985, ACM TOMS 11, 37-57) per category over the file's row order: the first k
     * records fill the reservoir, and the i-th record (i &gt; k) replaces the one at a uniform
     * position j in [0, i) when j &lt; k. Every set of k records of a category is equally likely.
     * The random numbers come from one {@link SplittableRandom} seeded with the seed (its
     * algorithm, SplitMix64, is specified by the JDK, so the draw is the same on any Java 17+),
     * consumed in file order; at the end each reservoir, in the plan's order of categories, is
     * put in a uniformly random order (Fisher-Yates, same generator) that is its selection order.
     * The sample depends on the row order of the export: use {@link #PRN} when it must not.
     */
    SRS("simple random sampling (seeded reservoir)") {
        @Override
        public String reproduction() {
            return "java.util.SplittableRandom(seed); per row in file order, the i-th row of its category (from 1) "
                    + "fills the reservoir while i <= k, else j = nextLong(i) and the row replaces reservoir[j] when j < k; "
                    + "then per category in plan order a Fisher-Yates shuffle (for i from size-1 down to 1, swap i "
                    + "with nextInt(i + 1)) gives selection_order";
        }

        @Override
        public Draw draw(PopulationFile population, List<PlannedCategory> plan, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, List<PopulationRow>> reservoirs = new HashMap<>();
            Map<String, long[]> seen = new HashMap<>();
            for (PlannedCategory category : plan) {
                reservoirs.put(category.category(), new ArrayList<>((int) Math.min(category.audited(), 1 << 12)));
                // {rows seen, k}
                seen.put(category.category(), new long[] {0, category.audited()});
            }
            PlanIndex<long[]> counters = new PlanIndex<>(seen);
            PlanIndex<List<PopulationRow>> reservoirOf = new PlanIndex<>(reservoirs);
            PopulationSummary summary = population.readBatches(1, batch -> {
                try {
                    for (int r = 0; r < batch.size(); r++) {
                        long[] counter = counters.of(batch, r);
                        long k = counter[1];
                        long i = ++counter[0];
                        if (i <= k) {
                            reservoirOf.of(batch, r).add(batch.row(r));
                        } else {
                            long j = random.nextLong(i);
                            if (j < k) {
                                reservoirOf.of(batch, r).set((int) j, batch.row(r));
                            }
                        }
                    }
                } finally {
                    batch.release();
                }
            });
            Map<String, List<SelectedRecord>> records = new LinkedHashMap<>();
            for (PlannedCategory category : plan) {
                List<PopulationRow> reservoir = reservoirs.get(category.category());
                for (int i = reservoir.size() - 1; i > 0; i--) {
                    Collections.swap(reservoir, i, random.nextInt(i + 1));
                }
                List<SelectedRecord> drawn = new ArrayList<>(reservoir.size());
                for (PopulationRow row : reservoir) {
                    drawn.add(selected(row, drawn.size() + 1, OptionalDouble.empty()));
                }
                records.put(category.category(), drawn);
            }
            return new Draw(summary, records);
        }
    },

    /**
     * Systematic selection with a fractional interval (Madow and Madow 1944, Ann. Math. Statist.
     * 15, 1-24; Cochran 1977, Sampling Techniques, chapter 8): in each category, the records in
     * the file's row order (the documented sort order: sort the export first, by date say, to
     * spread the sample over it), interval I = N/k, a start r uniform in [0, I), and the records at
     * 0-based positions floor(r + j I), j = 0..k-1. Each record is drawn with probability exactly
     * k/N. The starts come from one {@link SplittableRandom} seeded with the seed, one
     * {@code nextDouble()} per category in the plan's order. Selection order is the order along
     * the file.
     *
     * <p>Two passes over the file: the first counts each category (N), the second draws; the
     * file's SHA-256 must be the same in both.
     */
    SYSTEMATIC("systematic selection (file order, fractional interval)") {
        @Override
        public String reproduction() {
            return "per category, its rows in file order numbered from 0; interval = N / k; start = "
                    + "java.util.SplittableRandom(seed).nextDouble() * interval, one draw per category in plan order; "
                    + "rows floor(start + j * interval) for j = 0 .. k-1; all rows when N <= k; selection_order = j + 1";
        }

        @Override
        public Draw draw(PopulationFile population, List<PlannedCategory> plan, long seed) {
            PopulationSummary first = population.readBatches(1, PopulationBatch::release);
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, double[]> design = new HashMap<>();
            Map<String, List<SelectedRecord>> records = new LinkedHashMap<>();
            for (PlannedCategory category : plan) {
                long n = first.count(category.category());
                long k = category.audited();
                double interval = k >= n ? 1 : (double) n / k;
                double start = random.nextDouble() * interval;
                // {interval, start, next j, position seen, k}
                design.put(category.category(), new double[] {interval, k >= n ? 0 : start, 0, 0, Math.min(k, n)});
                records.put(category.category(), new ArrayList<>((int) Math.min(k, 1 << 12)));
            }
            PlanIndex<double[]> designOf = new PlanIndex<>(design);
            PlanIndex<List<SelectedRecord>> drawnOf = new PlanIndex<>(records);
            // the second pass checks that the file's SHA-256 is the first pass's
            PopulationSummary second = population.reread(first, 1, batch -> {
                try {
                    for (int r = 0; r < batch.size(); r++) {
                        double[] d = designOf.of(batch, r);
                        long position = (long) d[3]++;
                        if (d[2] < d[4] && position == (long) Math.floor(d[1] + d[2] * d[0])) {
                            d[2]++;
                            List<SelectedRecord> drawn = drawnOf.of(batch, r);
                            drawn.add(selected(batch.row(r), drawn.size() + 1, OptionalDouble.empty()));
                        }
                    }
                } finally {
                    batch.release();
                }
            });
            return new Draw(second, records);
        }
    };

    private final String displayName;

    SelectionMethod(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * The permanent-random-number draw on {@code threads} threads: the calling thread reads the
     * file (bytes, SHA-256, parsing, the duplicate check) and hands batches of rows to the workers,
     * which compute the numbers and offer the rows to one {@link SelectionHeap} per category. The
     * sample is the same whatever {@code threads} (see {@link SelectionHeap}).
     */
    static Draw prn(PopulationFile population, List<PlannedCategory> plan, long seed, int threads) {
        Map<String, SelectionHeap> heaps = new LinkedHashMap<>();
        for (PlannedCategory category : plan) {
            heaps.put(category.category(), new SelectionHeap(category.audited()));
        }
        PopulationSummary summary;
        if (threads <= 1) {
            Ranker ranker = new Ranker(seed, heaps);
            summary = population.readBatches(1, batch -> {
                try {
                    ranker.accept(batch);
                } finally {
                    batch.release();
                }
            });
        } else {
            summary = SelectionThreads.read(population, threads, () -> new Ranker(seed, heaps));
        }
        Map<String, List<SelectedRecord>> records = new LinkedHashMap<>();
        for (PlannedCategory category : plan) {
            List<SelectedRecord> drawn = new ArrayList<>();
            for (SelectionHeap.Ranked ranked : heaps.get(category.category()).sorted()) {
                drawn.add(selected(ranked.row(), drawn.size() + 1,
                        OptionalDouble.of(PermanentRandomNumber.toUnit(ranked.bits()))));
            }
            records.put(category.category(), drawn);
        }
        return new Draw(summary, records);
    }

    /** One thread's work for {@link #PRN}: each row's number, and the row offered to its category's heap if it may enter. */
    private static final class Ranker implements java.util.function.Consumer<PopulationBatch> {
        private final PermanentRandomNumber numbers;
        private final PopulationBatch.IdHash hash;
        private final PlanIndex<SelectionHeap> heaps;

        Ranker(long seed, Map<String, SelectionHeap> heaps) {
            this.numbers = PermanentRandomNumber.withSeed(seed);
            this.hash = numbers::bits;
            this.heaps = new PlanIndex<>(heaps);
        }

        @Override
        public void accept(PopulationBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                SelectionHeap heap = heaps.of(batch, i);
                if (heap.capacity() == 0) {
                    continue;
                }
                long key = SelectionHeap.key(batch.hashRecordId(i, hash));
                if (heap.mayEnter(key)) {
                    heap.offer(key, batch.row(i));
                }
            }
        }
    }

    /**
     * The plan's entry (heap, counter, design) for a batch row's category, found by name once per
     * category index of the read and then by index. Not thread-safe: one per thread.
     */
    private static final class PlanIndex<T> {
        private final Map<String, T> byName;
        private Object[] byIndex = new Object[8];

        PlanIndex(Map<String, T> byName) {
            this.byName = byName;
        }

        @SuppressWarnings("unchecked")
        T of(PopulationBatch batch, int row) {
            int index = batch.category(row);
            if (index >= byIndex.length) {
                byIndex = Arrays.copyOf(byIndex, Math.max(2 * byIndex.length, index + 1));
            }
            Object found = byIndex[index];
            if (found == null) {
                String name = batch.categoryName(row);
                found = byName.get(name);
                if (found == null) {
                    throw new IllegalArgumentException("category '" + name + "' of the population file is not in the plan ("
                            + String.join(", ", byName.keySet()) + "): read the file with the plan's categories");
                }
                byIndex[index] = found;
            }
            return (T) found;
        }
    }

    private static SelectedRecord selected(PopulationRow row, long order, OptionalDouble prn) {
        return new SelectedRecord(row.recordId(), row.category(), order, row.line(), row.carried(), prn);
    }

}
