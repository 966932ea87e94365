"""The rank intervals of the 43 bundled forces (examples/data/forces-2022.csv, all crime) in numpy: the
peer of RankIntervalsBenchmark. The same computation as org.recordingrate.forces.RankIntervals (Mogstad,
Romano, Shaikh and Wilhelm 2024, single step, as R's csranks with stepdown = FALSE): Z ~ N(0, diag(v)),
T_j = max_k |Z_j - Z_k| / sqrt(v_j + v_k), T = max_j T_j, their 95% quantiles (numpy's default, R's type
7), then each force's marginal and simultaneous rank interval. Vectorised over replicates in chunks (a
numpy user's way), float64. Prints the time of each of --repeat runs and writes JSON with --json FILE.

    /usr/bin/python3 benchmarks/ranks_numpy.py --replicates 1000000 --repeat 3
"""
import argparse
import csv
import json
import time

import numpy as np


def forces(path="examples/data/forces-2022.csv"):
    """Every force's all-crime rate and binomial variance (a category of none or all recorded at
    (x + 1/2)/(n + 1), as escalc), as ForceFigure.of(Inspection)."""
    rows = {}
    for r in csv.DictReader(open(path)):
        rows.setdefault(r["inspection"], []).append((int(r["recorded"]), int(r["audited"]), int(r["volume"])))
    rates, variances = [], []
    for cats in rows.values():
        volume = sum(v for _, _, v in cats)
        rate = variance = 0.0
        for x, n, v in cats:
            w = v / volume
            rate += w * x / n
            y = (x + 0.5) / (n + 1) if x in (0, n) else x / n
            variance += w * w * (y * (1 - y) / (n + 1) if x in (0, n) else y * (1 - y) / n)
        rates.append(rate)
        variances.append(variance)
    return np.array(rates), np.array(variances)


def critical_values(v, replicates, seed, level=0.95, chunk=20000):
    rng = np.random.default_rng(seed)
    count = len(v)
    sd = np.sqrt(v)
    inverse = 1 / np.sqrt(v[:, None] + v[None, :])
    np.fill_diagonal(inverse, 0)
    t = np.empty((replicates, count + 1))
    for start in range(0, replicates, chunk):
        size = min(chunk, replicates - start)
        z = rng.standard_normal((size, count)) * sd
        d = np.abs(z[:, :, None] - z[:, None, :]) * inverse  # size x count x count
        tj = d.max(axis=2)
        t[start:start + size, :count] = tj
        t[start:start + size, count] = tj.max(axis=1)
    return np.quantile(t, level, axis=0)


def intervals(x, v, c):
    count = len(x)
    s = np.sqrt(v[:, None] + v[None, :])
    d = x[None, :] - x[:, None]  # d[j, k] = x_k - x_j
    above = (d > c[:count, None] * s).sum(axis=1)
    below = (-d > c[:count, None] * s).sum(axis=1)
    above_sim = (d > c[count] * s).sum(axis=1)
    below_sim = (-d > c[count] * s).sum(axis=1)
    return 1 + above, count - below, 1 + above_sim, count - below_sim


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicates", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json")
    args = parser.parse_args()
    x, v = forces()
    runs = []
    for i in range(args.repeat):
        started = time.perf_counter()
        c = critical_values(v, args.replicates, args.seed + i)
        lower, upper, lower_sim, upper_sim = intervals(x, v, c)
        seconds = time.perf_counter() - started
        runs.append(seconds)
        print(f"numpy {np.__version__}: {len(x)} forces, {args.replicates:,} replicates in {seconds:.3f} s;"
              f" critical values {c[:-1].min():.4f} to {c[:-1].max():.4f}, simultaneous {c[-1]:.4f}")
    if args.json:
        json.dump({"numpy": np.__version__, "replicates": args.replicates, "seconds": runs}, open(args.json, "w"))


if __name__ == "__main__":
    main()
