#!/usr/bin/env python3
"""Writes the synthetic record-level audits audit-2017.csv (CDI 2017) and audit-2022.csv
(PEEL 2021/22) and their volumes file volumes.csv: NOT real data. The force's raw audit is not
published; these records are made up so that, read back and estimated as the inspectors did
(binomial variance, Wald intervals, categories weighted by volume), they give the seed report's
published figures (published-figures.csv):

  all crime        2017: 87.8 +/- 1.7   2022: 93.2 +/- 2.3, "didn't record more than 4,500"
  violence         2017: 80.0 +/- 3.1   2022: 89.1 +/- 4.3
  sexual offences  2017: 91.1 +/- 2.9   2022: 99.0 (+/- 1.4, not the published 1.7: no tally does it)

No tally n with a rate that rounds to 99.0% has a Wald margin that rounds to 1.7 (the scan below
shows it), so the 2022 sexual offences are 189 of 191, the closest in margin with that rate. The
other crime tallies are free (the report gives none): the search below picks the one that brings
all crime nearest the published rate and margin.

Crimes come in incidents of one to four (probabilities 0.55, 0.25, 0.12, 0.08); an unrecorded crime
joins an incident that already has one with probability 0.5, so outcomes cluster a little within
incidents, as they do when one log's crimes are all missed together. About 3% more rows are reports
that the auditors found should not be recorded (should_record No): excluded from the estimate,
counted by the reader. The volumes are the ones of peel-2022.csv and cdi-2017.csv; the populations
(incident records of each category in the audit period) are illustrative.

    python3 examples/data/make-audit.py      (writes the three files beside this script)
"""
import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
Z = 1.959963984540054  # the normal quantile at 0.975
SEED = 20220601


def percent(x):
    """x as a percentage to one decimal, half up (as the reports round)."""
    return math.floor(x * 1000 + 0.5) / 10


def wald(tallies, volumes):
    total = sum(volumes)
    rate = sum(v * r / n for v, (r, n) in zip(volumes, tallies)) / total
    var = sum((v / total) ** 2 * (r / n) * (1 - r / n) / n for v, (r, n) in zip(volumes, tallies))
    return rate, Z * math.sqrt(var)


# No tally rounds to 99.0 +/- 1.7:
assert not [(r, n) for n in range(1, 20001) for r in range(int(0.989 * n), n + 1)
            if percent(r / n) == 99.0 and percent(Z * math.sqrt(r / n * (1 - r / n) / n)) == 1.7]

INSPECTIONS = {
    "CDI 2017": dict(file="audit-2017.csv", prefix="17", published=(87.8, 1.7),
                     categories=[("violence", 24000, 21500, (512, 640)),
                                 ("sexual offences", 2200, 2000, (337, 370)),
                                 ("other crime", 33000, 30500, None)]),
    "PEEL 2021/22": dict(file="audit-2022.csv", prefix="22", published=(93.2, 2.3),
                         categories=[("violence", 25000, 22500, (180, 202)),
                                     ("sexual offences", 2500, 2250, (189, 191)),
                                     ("other crime", 35000, 32000, None)]),
}


def other_crime(spec):
    """The other crime tally (n from 100 to 1,500) bringing all crime nearest the published figure."""
    fixed = [c[3] for c in spec["categories"][:2]]
    volumes = [c[1] for c in spec["categories"]]
    best = None
    for n in range(100, 1501):
        for r in range(int(0.85 * n), n + 1):
            rate, margin = wald(fixed + [(r, n)], volumes)
            if (percent(rate), percent(margin)) == spec["published"]:
                distance = abs(100 * rate - spec["published"][0]) + abs(100 * margin - spec["published"][1])
                if best is None or distance < best[0]:
                    best = (distance, (r, n))
    return best[1]


def incidents(rng, recorded, audited):
    """Incident sizes of 1 to 4 adding up to `audited`, and each incident's recorded crimes."""
    sizes = []
    while sum(sizes) < audited:
        sizes.append(min(rng.choices([1, 2, 3, 4], [0.55, 0.25, 0.12, 0.08])[0], audited - sum(sizes)))
    unrecorded = [0] * len(sizes)
    for _ in range(audited - recorded):
        open_with = [i for i, s in enumerate(sizes) if 0 < unrecorded[i] < s]
        open_any = [i for i, s in enumerate(sizes) if unrecorded[i] < s]
        choice = rng.choice(open_with) if open_with and rng.random() < 0.5 else rng.choice(open_any)
        unrecorded[choice] += 1
    return [(s, s - u) for s, u in zip(sizes, unrecorded)]


def main():
    rng = random.Random(SEED)
    volume_rows = []
    for name, spec in INSPECTIONS.items():
        spec["categories"][2] = spec["categories"][2][:3] + (other_crime(spec),)
        rows = []
        incident_number = 0
        for category, volume, population, (recorded, audited) in spec["categories"]:
            volume_rows.append([name, category, volume, population])
            for size, kept in incidents(rng, recorded, audited):
                incident_number += 1
                incident = "INC%s-%05d" % (spec["prefix"], incident_number)
                outcomes = ["Yes"] * kept + ["No"] * (size - kept)
                rng.shuffle(outcomes)
                for outcome in outcomes:
                    rows.append([name, incident, category, "Yes", outcome])
                if rng.random() < 0.05:  # a report in the log that should not have been recorded
                    rows.append([name, incident, category, "No", ""])
        rng.shuffle(rows)
        with open(os.path.join(HERE, spec["file"]), "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["inspection", "incident_id", "record_id", "category", "should_record", "recorded"])
            for number, row in enumerate(rows, 1):
                out.writerow(row[:2] + ["CAM%s-%06d" % (spec["prefix"], number)] + row[2:])
        tallies = [c[3] for c in spec["categories"]]
        rate, margin = wald(tallies, [c[1] for c in spec["categories"]])
        print("%s: %s; all crime %.1f +/- %.1f, %d rows, unrecorded %d" % (name, tallies, percent(rate),
              percent(margin), len(rows), sum(c[1] for c in spec["categories"]) * (1 - rate) / rate))
    with open(os.path.join(HERE, "volumes.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["inspection", "category", "volume", "population"])
        out.writerows(volume_rows)


if __name__ == "__main__":
    main()
