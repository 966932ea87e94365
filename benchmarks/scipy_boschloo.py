#!/usr/bin/python3
"""Times scipy's boschloo_exact and barnard_exact on the audit-sized table (188 of 202 after,
560 of 640 before) and prints scipy's two-sided results beside this library's for a few tables.

Needs scipy (Debian: apt-get install -y python3-scipy) and must run with the system Python:

    /usr/bin/python3 benchmarks/scipy_boschloo.py [--repeat N]

Our results come from org.recordingrate.benchmarks.PrintExactTests (benchmarks/java), run on
the class path that Maven builds (the script calls `mvn -q test-compile dependency:build-classpath`).
scipy's table is [[after recorded, before recorded], [after unrecorded, before unrecorded]]:
its first column is the group whose higher rate is "greater", here the later inspection.
"""

import argparse
import statistics
import subprocess
import sys
import time

import scipy
from scipy.stats import barnard_exact, boschloo_exact, fisher_exact

TIMED = ("560/640", "188/202")
TABLES = [
    ("560/640", "188/202"),
    ("512/640", "188/202"),
    ("3/10", "9/10"),
    ("1/34", "7/34"),
    ("48/80", "56/70"),
    ("0/29", "5/56"),
    ("25/25", "20/25"),
    ("30/60", "41/60"),
    ("7/10", "3/10"),
]


def tally(text):
    recorded, audited = (int(part) for part in text.split("/"))
    return recorded, audited


def scipy_table(before, after):
    xb, nb = tally(before)
    xa, na = tally(after)
    return [[xa, xb], [na - xa, nb - xb]]


def ours(tables):
    classpath_file = "target/benchmark-classpath.txt"
    subprocess.run(["mvn", "-q", "test-compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=" + classpath_file], check=True)
    with open(classpath_file) as f:
        classpath = "target/classes:target/test-classes:" + f.read().strip()
    output = subprocess.run(
        ["java", "-cp", classpath, "org.recordingrate.benchmarks.PrintExactTests"]
        + [before + ":" + after for before, after in tables],
        check=True, capture_output=True, text=True).stdout
    results = {}
    for line in output.splitlines():
        before, after, test, statistic, p_value = line.split("\t")
        results[(before, after, test)] = (float(statistic), float(p_value))
    return results


def timed(function, table, repeat):
    seconds = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(table)
        seconds.append(time.perf_counter() - start)
    return result, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each scipy test")
    args = parser.parse_args()
    print(f"scipy {scipy.__version__}, Python {sys.version.split()[0]}")

    table = scipy_table(*TIMED)
    print(f"\nTiming on before {TIMED[0]}, after {TIMED[1]} (two-sided, scipy defaults n=32):")
    for function in (barnard_exact, boschloo_exact):
        result, seconds = timed(function, table, args.repeat)
        print(f"  {function.__name__:15s} min {min(seconds) * 1e3:9.1f} ms  median "
              f"{statistics.median(seconds) * 1e3:9.1f} ms  over {args.repeat} runs;  "
              f"statistic {result.statistic:.15g}, p {result.pvalue:.15g}")

    mine = ours(TABLES)
    print("\nTwo-sided p-values, scipy beside this library (relative difference of p):")
    print(f"  {'before':>7s} {'after':>7s} {'test':13s} {'scipy p':>22s} {'ours p':>22s} {'rel. diff':>9s}"
          f"  {'scipy statistic':>22s} {'ours statistic':>22s}")
    for before, after in TABLES:
        table = scipy_table(before, after)
        theirs = {
            "barnard": barnard_exact(table),
            "boschloo": boschloo_exact(table),
            "fisher_exact": fisher_exact(table),
        }
        for test, result in theirs.items():
            statistic, p_value = mine[(before, after, test)]
            scipy_statistic = float("nan") if test == "fisher_exact" else result.statistic
            difference = abs(result.pvalue - p_value) / max(p_value, 1e-300)
            print(f"  {before:>7s} {after:>7s} {test:13s} {result.pvalue:22.15g} {p_value:22.15g} "
                  f"{difference:9.1e}  {scipy_statistic:22.15g} {statistic:22.15g}")


if __name__ == "__main__":
    main()
