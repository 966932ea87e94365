package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link OrderStatistics} against the naive answer, a sorted copy read at the ranks: small and large
 * data (below and above the 8 x 4,096 values where the histogram pass starts), heavy ties, infinities
 * at the ends and everywhere, a prefix of the array, histograms filled in parts and added, and the
 * weighted selection against the multiset written out.
 */
class OrderStatisticsSelectTest {

    @Test
    void everyRankIsTheSortedCopysValue() {
        SplittableRandom random = new SplittableRandom(13);
        for (int size : new int[] {1, 7, 100, 8 * OrderStatistics.BUCKETS, 8 * OrderStatistics.BUCKETS + 1, 50_000}) {
            for (int shape = 0; shape < 6; shape++) {
                double[] data = data(random, size + 50, shape);
                int length = size;
                double[] sorted = Arrays.copyOf(data, length);
                Arrays.sort(sorted);
                int[] ranks = ranks(random, length);
                double[] before = data.clone();
                double[] selected = OrderStatistics.select(data, length, ranks);
                for (int i = 0; i < ranks.length; i++) {
                    assertEquals(sorted[ranks[i]], selected[i], 0.0, "size " + size + ", shape " + shape + ", rank " + ranks[i]);
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(before, data, "the data are left unchanged");
                // the same ranks from a histogram filled in two parts and added
                OrderStatistics.Histogram histogram = histogramOf(data, length);
                double[] again = OrderStatistics.select(data, length, histogram, ranks);
                for (int i = 0; i < ranks.length; i++) {
                    assertEquals(sorted[ranks[i]], again[i], 0.0, "histogram, size " + size + ", shape " + shape);
                }
            }
        }
    }

    @Test
    void weightedRanksAreTheMultisetWrittenOut() {
        SplittableRandom random = new SplittableRandom(29);
        for (int length : new int[] {1, 5, 60, 2_000}) {
            for (int shape = 0; shape < 6; shape++) {
                double[] values = data(random, length, shape);
                int[] counts = new int[length];
                List<Double> written = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    counts[i] = i == 0 ? 1 + random.nextInt(5) : random.nextInt(6);
                    for (int c = 0; c < counts[i]; c++) {
                        written.add(values[i]);
                    }
                }
                double[] sorted = written.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                long[] ranks = new long[Math.min(sorted.length, 9)];
                for (int i = 0; i < ranks.length; i++) {
                    ranks[i] = i == 0 ? 0 : i == 1 ? sorted.length - 1 : random.nextLong(sorted.length);
                }
                double[] selected = OrderStatistics.selectWeighted(values.clone(), counts.clone(), length, ranks);
                for (int i = 0; i < ranks.length; i++) {
                    assertEquals(sorted[(int) ranks[i]], selected[i], 0.0, "length " + length + ", shape " + shape);
                }
            }
        }
    }

    @Test
    void valuesFallInTheirBuckets() {
        OrderStatistics.Histogram h = new OrderStatistics.Histogram(2.0, 6.0);
        assertEquals(0, h.bucket(Math.nextDown(2.0)));
        assertEquals(1, h.bucket(2.0));
        assertEquals(1 + (int) ((3.0 - 2.0) * OrderStatistics.BUCKETS / 4.0), h.bucket(3.0));
        assertEquals(OrderStatistics.BUCKETS, h.bucket(6.0), "the upper end is in the last bucket");
        assertEquals(OrderStatistics.BUCKETS + 1, h.bucket(Math.nextUp(6.0)));
        assertEquals(OrderStatistics.BUCKETS + 1, h.bucket(Double.POSITIVE_INFINITY));
        assertEquals(0, h.bucket(Double.NEGATIVE_INFINITY));
        OrderStatistics.Histogram point = new OrderStatistics.Histogram(1.0, 1.0);
        assertEquals(1, point.bucket(1.0), "a histogram of one point holds it in its first bucket");
    }

    private static OrderStatistics.Histogram histogramOf(double[] data, int length) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            if (!Double.isInfinite(data[i])) {
                min = Math.min(min, data[i]);
                max = Math.max(max, data[i]);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        OrderStatistics.Histogram first = new OrderStatistics.Histogram(min, max);
        OrderStatistics.Histogram second = first.emptyCopy();
        for (int i = 0; i < length; i++) {
            (i % 2 == 0 ? first : second).count(data[i]);
        }
        first.add(second);
        return first;
    }

    /** Shapes: 0 continuous, 1 few distinct values, 2 one value, 3 infinities at both ends, 4 all infinite, 5 skewed. */
    private static double[] data(SplittableRandom random, int size, int shape) {
        double[] data = new double[size];
        for (int i = 0; i < size; i++) {
            data[i] = switch (shape) {
                case 0 -> random.nextDouble(-3, 3);
                case 1 -> random.nextInt(7) * 0.25;
                case 2 -> 0.7;
                case 3 -> random.nextInt(20) == 0 ? (random.nextBoolean() ? Double.POSITIVE_INFINITY
                        : Double.NEGATIVE_INFINITY) : random.nextDouble();
                case 4 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> Math.pow(random.nextDouble(), 8);
            };
        }
        return data;
    }

    private static int[] ranks(SplittableRandom random, int length) {
        int[] ranks = new int[Math.min(length, 12)];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i == 0 ? 0 : i == 1 ? length - 1 : i == 2 ? length / 2 : random.nextInt(length);
        }
        return ranks;
    }
}
