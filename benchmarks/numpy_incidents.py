"""The numpy peer of IncidentBootstrapBenchmark: the stratified cluster bootstrap of a record-level
audit file with incidents, and the permutation of whole incidents between two audits, written
the way a Python user with numpy would write them (vectorised, one random index per incident).

    /usr/bin/python3 benchmarks/numpy_incidents.py bootstrap examples/data/audit-2022.csv \
        examples/data/volumes.csv --replicates 1000000 [--repeat 3]
    /usr/bin/python3 benchmarks/numpy_incidents.py permute examples/data/audit-2017.csv \
        examples/data/audit-2022.csv examples/data/volumes.csv --replicates 100000 [--repeat 3]

Debian's python3 with python3-numpy 1.24.2 (apt-get install python3-numpy); the tests never run
it. bootstrap: within each category the m incidents are drawn with replacement
(rng.integers(0, m, size=(chunk, m))), the category's replicate rate is the drawn incidents'
recorded over their crimes, all crime the volume-weighted sum; the BCa interval at 95% (z0 from
the replicates, ties counted half; the acceleration from the cluster jackknife in closed form),
in chunks of 20,000 replicates so that memory stays bounded. permute: each category's pooled
incidents are shuffled per replicate (rng.permuted on a chunk of rows) and the first m_after
taken as the later inspection; the statistic is the change in the volume-weighted rate, the
p-value two-sided (twice the smaller tail, Phipson and Smyth's (b + 1)/(B + 1)).

Prints the interval or p-value, the best wall time of --repeat runs (reading the files
excluded) and the time per replicate.
"""
import argparse
import csv
import time
from collections import defaultdict

import numpy as np
from math import erf, sqrt

CHUNK = 20_000


def read_audit(path):
    """{category: (crimes per incident, recorded per incident)}, rows with should_record no left out."""
    incidents = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    name = None
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row.get("should_record", "yes").strip().lower() in ("no", "n", "false", "0"):
                continue
            name = row["inspection"]
            unit = incidents[row["category"].strip().lower()][row["incident_id"]]
            unit[0] += 1
            unit[1] += 1 if row["recorded"].strip().lower() in ("yes", "y", "true", "1", "recorded") else 0
    out = {}
    for category, units in incidents.items():
        a = np.array(list(units.values()), dtype=np.int64)
        out[category] = (a[:, 0], a[:, 1])
    return name, out


def read_volumes(path, inspection):
    volumes = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row.get("inspection", inspection) == inspection:
                volumes[row["category"].strip().lower()] = float(row["volume"])
    return volumes


def normal_cdf(x):
    return 0.5 * (1 + erf(x / sqrt(2)))


def normal_quantile(p):
    lo, hi = -40.0, 40.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if normal_cdf(mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def bootstrap(categories, volumes, replicates, seed):
    rng = np.random.default_rng(seed)
    names = list(categories)
    total = sum(volumes[c] for c in names)
    w = {c: volumes[c] / total for c in names}
    theta = sum(w[c] * categories[c][1].sum() / categories[c][0].sum() for c in names)
    t = np.empty(replicates)
    done = 0
    while done < replicates:
        b = min(CHUNK, replicates - done)
        acc = np.zeros(b)
        for c in names:
            crimes, recorded = categories[c]
            m = len(crimes)
            idx = rng.integers(0, m, size=(b, m))
            acc += w[c] * recorded[idx].sum(axis=1) / crimes[idx].sum(axis=1)
        t[done:done + b] = acc
        done += b
    # BCa: z0 with ties half, acceleration from the cluster jackknife (each incident left out)
    z0 = normal_quantile(((t < theta).sum() + 0.5 * (t == theta).sum()) / replicates)
    third = 0.0
    second = 0.0
    for c in names:
        crimes, recorded = categories[c]
        m = len(crimes)
        x, n = recorded.sum(), crimes.sum()
        left = (x - recorded) / (n - crimes)
        l = (m - 1) * w[c] * (x / n - left)
        third += (l ** 3).sum() / m ** 3
        second += (l ** 2).sum() / m ** 2
    a = third / (6 * second ** 1.5)
    z = normal_quantile(0.975)
    levels = [normal_cdf(z0 + (z0 + s) / (1 - a * (z0 + s))) for s in (-z, z)]
    return np.quantile(t, levels)


def permute(before, after, volumes_before, volumes_after, replicates, seed):
    rng = np.random.default_rng(seed)
    names = [c for c in after if c in before]
    ta = sum(volumes_after[c] for c in after)
    tb = sum(volumes_before[c] for c in before)
    setup = []
    observed = 0.0
    for c in names:
        crimes = np.concatenate([after[c][0], before[c][0]])
        recorded = np.concatenate([after[c][1], before[c][1]])
        wa, wb = volumes_after[c] / ta, volumes_before[c] / tb
        setup.append((crimes, recorded, len(after[c][0]), wa, wb))
        observed += wa * after[c][1].sum() / after[c][0].sum() - wb * before[c][1].sum() / before[c][0].sum()
    up = down = 0
    done = 0
    while done < replicates:
        b = min(CHUNK, replicates - done)
        t = np.zeros(b)
        for crimes, recorded, m_after, wa, wb in setup:
            order = rng.permuted(np.tile(np.arange(len(crimes)), (b, 1)), axis=1)[:, :m_after]
            ca, ra = crimes[order].sum(axis=1), recorded[order].sum(axis=1)
            t += wa * ra / ca - wb * (recorded.sum() - ra) / (crimes.sum() - ca)
        up += int((t >= observed - 1e-12).sum())
        down += int((t <= observed + 1e-12).sum())
        done += b
    return min(1.0, 2 * min((up + 1) / (replicates + 1), (down + 1) / (replicates + 1)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["bootstrap", "permute"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--replicates", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    best = float("inf")
    if args.what == "bootstrap":
        audit, volumes = args.files
        name, categories = read_audit(audit)
        vol = read_volumes(volumes, name)
        for r in range(args.repeat):
            start = time.perf_counter()
            result = bootstrap(categories, vol, args.replicates, args.seed + r)
            best = min(best, time.perf_counter() - start)
        print(f"all crime BCa 95%: {result[0]:.6f} to {result[1]:.6f}")
    else:
        first, second, volumes = args.files
        name_b, before = read_audit(first)
        name_a, after = read_audit(second)
        vol_b, vol_a = read_volumes(volumes, name_b), read_volumes(volumes, name_a)
        for r in range(args.repeat):
            start = time.perf_counter()
            result = permute(before, after, vol_b, vol_a, args.replicates, args.seed + r)
            best = min(best, time.perf_counter() - start)
        print(f"all crime, two-sided p = {result:.6g}")
    print(f"{args.replicates:,} replicates: best of {args.repeat} {best:.3f} s, {best / args.replicates * 1e9:.0f} ns per replicate")


if __name__ == "__main__":
    main()
