"""Writes published-38.csv: 38 synthetic forces' all-crime figures as published (rate and margin in
percent, one decimal) with volumes and regions, spread between forces as the issue describes the
inspectorate's figures (a between-force SD of about 4.5 points, phi about 20). Fixed seed. Not real data.
Run with /usr/bin/python3 in this folder."""
import math
import random

rng = random.Random(38)
z = 1.959963984540054
rows = ["force,region,rate,margin,volume"]
for i in range(1, 39):
    region = ["North", "Midlands", "South", "Wales"][i % 4]
    true = min(0.99, max(0.72, rng.gauss(0.895, 0.045)))
    audited = rng.randint(350, 1100)
    x = sum(rng.random() < true for _ in range(audited))
    rate = x / audited
    margin = z * math.sqrt(rate * (1 - rate) / audited)
    volume = rng.randint(30_000, 400_000)
    rows.append(f"Force {i:02d},{region},{100 * rate:.1f},{100 * margin:.1f},{volume}")
with open("published-38.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
