"""Peers of BootstrapBenchmark: the 3-category design's all-crime BCa interval in Python.

    /usr/bin/python3 benchmarks/scipy_bootstrap.py [--repeat 5] [--json target/peers.json]

Debian's python3 with python3-scipy 1.10.1 and python3-numpy 1.24.2 (apt-get install
python3-scipy). Measures, each the minimum wall time of --repeat runs on this machine:

1. scipy.stats.bootstrap(method='BCa', vectorized=True, paired=False), the three categories as
   three samples of 0/1 records, statistic the volume-weighted sum of their means, for
   n_resamples = 10,000 and 100,000 (scipy resamples the records: memory and time grow with
   records x replicates, so 1,000,000 is out of reach on this machine's memory budget);
2. the fastest thing a Python user would write, through the sufficient statistics: one
   rng.binomial(n_h, p_h, size=B) per category, the weighted sum, np.quantile at the two BCa
   levels (z0 and the acceleration computed in closed form), for B = 1,000,000.

Prints replicates per second; divide 1,000,000 by them for the time of a million. With --json,
also writes them to that file (read by benchmarks/bootstrap_side_by_side.py).
"""
import argparse
import json
import time

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtr, ndtri

RECORDED = np.array([180, 131, 211])
AUDITED = np.array([202, 132, 220])
VOLUMES = np.array([25000.0, 2500.0, 35000.0])
W = VOLUMES / VOLUMES.sum()


def samples():
    return [np.concatenate([np.ones(x), np.zeros(n - x)]) for x, n in zip(RECORDED, AUDITED)]


def statistic(a, b, c, axis=-1):
    return W[0] * np.mean(a, axis=axis) + W[1] * np.mean(b, axis=axis) + W[2] * np.mean(c, axis=axis)


def scipy_bca(b, seed):
    res = stats.bootstrap(tuple(samples()), statistic, n_resamples=b, method="BCa", vectorized=True,
                          paired=False, confidence_level=0.95, random_state=np.random.default_rng(seed))
    return res.confidence_interval


def numpy_sufficient(b, seed):
    rng = np.random.default_rng(seed)
    p = RECORDED / AUDITED
    t = np.zeros(b)
    for h in range(3):
        t += (W[h] / AUDITED[h]) * rng.binomial(AUDITED[h], p[h], size=b)
    theta = float((W * p).sum())
    z0 = ndtri(((t < theta).sum() + (t <= theta).sum()) / (2 * b))
    third = (W ** 3 * p * (1 - p) * (1 - 2 * p) / AUDITED ** 2).sum()
    second = (W ** 2 * p * (1 - p) / AUDITED).sum()
    a = third / (6 * second ** 1.5)
    z = ndtri(0.975)
    levels = ndtr(z0 + (z0 + np.array([-z, z])) / (1 - a * (z0 + np.array([-z, z]))))
    return np.quantile(t, levels)


def best(run, repeat):
    times = []
    for r in range(repeat):
        start = time.perf_counter()
        run(r)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, min of {args.repeat} runs")
    results = {"scipy": scipy.__version__, "numpy": np.__version__, "repeat": args.repeat, "runs": []}
    for b in (10_000, 100_000):
        t = best(lambda r: scipy_bca(b, r), args.repeat)
        print(f"scipy.stats.bootstrap BCa, {b:,} resamples: {t * 1e3:,.1f} ms = {b / t:,.0f} replicates/s"
              f" (interval {scipy_bca(b, 0)})")
        results["runs"].append({"peer": "scipy", "replicates": b, "seconds": t})
    b = 1_000_000
    t = best(lambda r: numpy_sufficient(b, r), args.repeat)
    print(f"numpy sufficient statistics (binomial + weighted sum + np.quantile), {b:,} replicates:"
          f" {t * 1e3:,.1f} ms = {b / t:,.0f} replicates/s (interval {numpy_sufficient(b, 0)})")
    results["runs"].append({"peer": "numpy", "replicates": b, "seconds": t})
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
