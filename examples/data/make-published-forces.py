"""Writes published-forces.csv: synthetic published crime-recording figures for 12 invented forces, in
the column names an inspectorate's own table might use (rate and "+/-" in percent, one decimal), two
crime types per force, a region and the crimes recorded. Fixed seed, so the file is reproducible.
Not real data: the forces do not exist."""
import math
import random

rng = random.Random(2024)
FORCES = [("Northmoor Police", "North"), ("Eastvale Constabulary", "North"), ("Wexcombe Police", "North"),
          ("Harrowfield Constabulary", "Midlands"), ("Lindenshire Police", "Midlands"),
          ("Corbridge Constabulary", "Midlands"), ("Saltmarsh Police", "South"), ("Kestrel Bay Constabulary", "South"),
          ("Ashdown Vale Police", "South"), ("Millbrook Constabulary", "South"), ("Tarnwick Police", "Wales"),
          ("Glyn Ceiriog Police", "Wales")]
rows = ["Force,Region,Inspection year,Crime type,Recording rate (%),Confidence interval (+/- %),"
        "Crimes recorded (12 months)"]
z = 1.959963984540054
for name, region in FORCES:
    true_all = min(0.985, max(0.75, rng.gauss(0.905, 0.04)))
    for crime, shift, audited, volume in (("all crime (excluding fraud)", 0.0, rng.randint(380, 900),
                                           rng.randint(40_000, 180_000)),
                                          ("violent offences", -0.03, rng.randint(150, 320), rng.randint(12_000, 60_000))):
        p = min(0.99, true_all + shift + rng.gauss(0, 0.015))
        x = sum(rng.random() < p for _ in range(audited))
        rate = x / audited
        margin = z * math.sqrt(rate * (1 - rate) / audited)
        rows.append(f"{name},{region},2023,{crime},{100 * rate:.1f},{100 * margin:.1f},{volume}")
with open("published-forces.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
