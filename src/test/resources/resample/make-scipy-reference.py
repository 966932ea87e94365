"""BCa adjusted levels and acceleration from scipy 1.10's bootstrap, on replicates given to it.

Run from the project root with Debian's python3 (scipy 1.10.1, numpy 1.24):
    /usr/bin/python3 src/test/resources/resample/make-scipy-reference.py
Writes scipy-bca-counts-<design>.csv (the replicates' recorded counts per category, drawn with
numpy's default_rng(20261201)) and scipy-bca.csv: scipy.stats._resampling._bca_interval (the
function behind scipy.stats.bootstrap(method='BCa'), paired=False: each category a separate
sample) applied to those replicates, giving alpha_1, alpha_2 (the adjusted percentile levels) and
a_hat. scipy counts replicates equal to the estimate as half below (_percentile_of_score, 'mean'
kind) and takes the acceleration from the jackknife of each sample, sum_j n_j^-3 sum U^3 over
6 (sum_j n_j^-2 sum U^2)^1.5: the two conventions the Java code states.
"""
import csv
import os

import numpy as np
import scipy
from scipy.stats import _resampling

HERE = "src/test/resources/resample"
DESIGNS = {
    "one-category": ([180], [202], [25000]),
    "cambridgeshire-like": ([180, 131, 211], [202, 132, 220], [25000, 2500, 35000]),
    "all-recorded-sexual": ([170, 130, 200], [200, 130, 215], [24000, 2600, 38000]),
}
B = 2000

rows = []
for name, (x, n, v) in DESIGNS.items():
    w = np.array(v, dtype=float) / sum(v)
    samples = [np.concatenate([np.ones(xi), np.zeros(ni - xi)]) for xi, ni in zip(x, n)]

    def statistic(*data, axis=-1):
        total = 0.0
        for wi, d in zip(w, data):
            total = total + wi * np.mean(d, axis=axis)
        return total

    rng = np.random.default_rng(20261201)
    counts = np.stack([rng.binomial(ni, xi / ni, size=B) for xi, ni in zip(x, n)], axis=1)
    theta_b = np.zeros(B)
    for h in range(len(n)):
        theta_b = theta_b + w[h] * (counts[:, h] / n[h])
    with open(os.path.join(HERE, f"scipy-bca-counts-{name}.csv"), "w") as f:
        f.write(",".join(f"x{h + 1}" for h in range(len(n))) + "\n")
        for row in counts:
            f.write(",".join(str(c) for c in row) + "\n")
    for confidence in (0.90, 0.95):
        alpha = (1 - confidence) / 2
        a1, a2, a_hat = _resampling._bca_interval(samples, statistic, axis=-1, alpha=alpha,
                                                 theta_hat_b=theta_b, batch=None)
        theta = statistic(*samples)
        rows.append(dict(design=name, confidence=confidence, alpha_1=repr(float(a1)), alpha_2=repr(float(a2)),
                         a_hat=repr(float(a_hat)), below=int((theta_b < theta).sum()),
                         equal=int((theta_b == theta).sum())))

with open(os.path.join(HERE, "scipy-bca.csv"), "w", newline="") as f:
    out = csv.DictWriter(f, fieldnames=list(rows[0]))
    out.writeheader()
    out.writerows(rows)
print("scipy", scipy.__version__, "numpy", np.__version__)
