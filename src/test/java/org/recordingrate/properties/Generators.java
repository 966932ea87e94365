package org.recordingrate.properties;

import java.util.SplittableRandom;

import org.recordingrate.model.Tally;

/**
 * Seeded generators over the whole supported range (README, "Supported range"): audited counts from 1
 * to 2<sup>53</sup>, log-uniform with the small counts and the limits over-represented; recorded counts
 * at the edges (0, 1, n - 1, n) as often as in the middle; confidence levels from 10<sup>-6</sup> to
 * 1 - 10<sup>-9</sup>, log-uniform in alpha near both ends. The same seed gives the same cases, so a
 * failure names the case that reproduces it.
 */
final class Generators {

    static final long MAX = 1L << 53;

    private final SplittableRandom random;

    Generators(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An audited count in [1, max]: a quarter small (1 to 30), a tenth the limit, else log-uniform. */
    long audited(long max) {
        double u = random.nextDouble();
        if (u < 0.25) {
            return 1 + random.nextLong(Math.min(30, max));
        }
        if (u < 0.35) {
            return max - random.nextLong(Math.min(3, max));
        }
        long n = (long) Math.exp(random.nextDouble() * Math.log(max));
        return Math.max(1, Math.min(max, n));
    }

    /** A recorded count in [0, n]: the edges half of the time. */
    long recorded(long n) {
        switch (random.nextInt(8)) {
            case 0: return 0;
            case 1: return Math.min(1, n);
            case 2: return Math.max(0, n - 1);
            case 3: return n;
            default: return random.nextLong(n + 1);
        }
    }

    Tally tally(long max) {
        long n = audited(max);
        return Tally.of(recorded(n), n);
    }

    /** A two-sided level in [1e-6, 1 - 1e-9]. */
    double confidence() {
        double u = random.nextDouble();
        if (u < 0.2) {
            return 1e-6 + random.nextDouble() * 1e-3;
        }
        if (u < 0.4) {
            return 1 - Math.pow(10, -3 - 6 * random.nextDouble());
        }
        if (u < 0.5) {
            return 0.95;
        }
        return 1e-6 + (1 - 1e-9 - 1e-6) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }
}
