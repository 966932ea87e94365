"""Ours against the peers, from one side-by-side run (benchmarks/bootstrap_side_by_side.sh).

    /usr/bin/python3 benchmarks/bootstrap_side_by_side.py target/jmh-side-by-side.json target/peers.json

Reads JMH's JSON (BootstrapBenchmark: milliseconds per BCa interval of 100,000 and 1,000,000 replicates;
the targets use the million)
and scipy_bootstrap.py's JSON, and prints issue 8's three speed targets with the ratios: ours
(every processor) against scipy.stats.bootstrap at its best rate, and against the numpy
sufficient-statistics bootstrap; and the time of a million.
"""
import json
import sys


def main():
    jmh = json.load(open(sys.argv[1]))
    peers = json.load(open(sys.argv[2]))
    ours = {}
    for run in jmh:
        if not run["benchmark"].endswith("BootstrapBenchmark.bca"):
            continue
        params = run["params"]
        ms = run["primaryMetric"]["score"]
        error = run["primaryMetric"]["scoreError"]
        replicates = int(params["replicates"])
        ours[(params["implementation"], replicates)] = (ms, error, replicates / (ms / 1e3))
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        extra = f", {alloc['score'] / 2**20:,.2f} MiB allocated per interval" if alloc else ""
        print(f"{params['implementation']}: {ms:,.2f} ± {error:,.2f} ms per interval of {replicates:,}"
              f" = {replicates / (ms / 1e3) / 1e6:,.1f} M replicates/s{extra}")
    scipy_rate = max(r["replicates"] / r["seconds"] for r in peers["runs"] if r["peer"] == "scipy")
    numpy = [r for r in peers["runs"] if r["peer"] == "numpy"][0]
    numpy_rate = numpy["replicates"] / numpy["seconds"]
    print(f"scipy {peers['scipy']} bootstrap BCa (best): {scipy_rate:,.0f} replicates/s")
    print(f"numpy {peers['numpy']} sufficient statistics: {numpy['seconds'] * 1e3:,.1f} ms = {numpy_rate / 1e6:,.2f} M"
          " replicates/s")
    ms, error, rate = ours[("ours", 1_000_000)]
    print()
    print("| target | measured | met? |")
    print("|---|---|---|")
    print(f"| >= 500x scipy.stats.bootstrap BCa | {rate / 1e6:,.1f} M / {scipy_rate / 1e3:,.1f} k = **{rate / scipy_rate:,.0f}x**"
          f" | {'yes' if rate / scipy_rate >= 500 else 'no'} |")
    print(f"| >= 10x numpy sufficient statistics | {rate / 1e6:,.1f} M / {numpy_rate / 1e6:,.2f} M = **{rate / numpy_rate:,.1f}x**"
          f" | {'yes' if rate / numpy_rate >= 10 else 'no'} |")
    print(f"| 1,000,000 BCa replicates < 30 ms on 2 cores | **{ms:,.2f} ± {error:,.2f} ms** | {'yes' if ms < 30 else 'no'} |")


if __name__ == "__main__":
    main()
