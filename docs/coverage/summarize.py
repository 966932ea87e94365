"""Summarises the coverage CSVs of make-coverage.sh into the markdown tables of docs/coverage.md."""
import csv
import glob
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def curves(path, key_columns):
    groups = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            groups[tuple(row[c] for c in key_columns)].append(row)
    return groups


def line(cells):
    return "| " + " | ".join(cells) + " |"


def summarize(rows, rate_column):
    cov = [float(r["coverage"]) for r in rows]
    low = min(range(len(cov)), key=lambda i: cov[i])
    width = [float(r["expected_width"]) for r in rows]
    share = sum(c < float(rows[0]["confidence"]) - 0.01 for c in cov) / len(cov)
    return [f"{100 * sum(cov) / len(cov):.2f}", f"{100 * cov[low]:.2f} at {100 * float(rows[low][rate_column]):.1f}",
            f"{100 * share:.1f}", f"{100 * sum(width) / len(width):.2f}"]


print("### One category (true rates 80% to 99.9% by 0.1 point)\n")
print(line(["method", "audited", "mean coverage %", "lowest % (at rate %)", "rates below 94% (%)",
            "mean expected width (points)"]))
print(line(["---"] * 2 + ["---:"] * 4))
for (method, n), rows in curves(os.path.join(HERE, "one-category.csv"), ["method", "audited"]).items():
    print(line([method, n] + summarize(rows, "rate")))

for path in sorted(glob.glob(os.path.join(HERE, "change-*.csv"))):
    name = os.path.basename(path)[len("change-"):-len(".csv")]
    nb, na, change = name.split("-")
    print(f"\n### A change of {100 * float(change):+.0f} point(s), {nb} audited before and {na} after"
          " (before rates 80% to 99% by 0.2 point)\n")
    print(line(["method", "mean coverage %", "lowest % (at before rate %)", "rates below 94% (%)",
                "mean expected width (points)"]))
    print(line(["---"] + ["---:"] * 4))
    for (method,), rows in curves(path, ["method"]).items():
        print(line([method] + summarize(rows, "rate_before")))

print("\n### All crime, the seed report's design (examples/data/peel-2022.csv), 100,000 replicates, seed 2022\n")
print(line(["method", "variance", "true rate %", "coverage %", "Monte Carlo s.e. (points)",
            "mean expected width (points)"]))
print(line(["---"] * 2 + ["---:"] * 4))
for path in sorted(glob.glob(os.path.join(HERE, "all-crime-*.csv"))):
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            print(line([r["method"], r["variance"], f"{100 * float(r['rate']):.2f}",
                        f"{100 * float(r['coverage']):.2f}", f"{100 * float(r['mc_error']):.2f}",
                        f"{100 * float(r['expected_width']):.2f}"]))
