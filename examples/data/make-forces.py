"""Writes forces-2022.csv: 43 synthetic forces x 3 categories, for the examples and the
command-line tests. Fixed seed, so the file is reproducible. Not real data."""
import random

rng = random.Random(20221)
rows = ["inspection,category,recorded,audited,volume,population"]
for force in range(1, 44):
    for category, rate, audited, volume in (("violence", 0.88, 200, 24000), ("sexual offences", 0.93, 130, 2500),
                                            ("other crime", 0.91, 220, 34000)):
        n = int(audited * rng.uniform(0.8, 1.25))
        p = min(1.0, rate + rng.uniform(-0.08, 0.08))
        x = sum(rng.random() < p for _ in range(n))
        v = int(volume * rng.uniform(0.3, 3.0))
        rows.append(f"force {force:02d},{category},{x},{n},{v},{v}")
with open("forces-2022.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
