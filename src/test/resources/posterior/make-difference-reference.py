"""Reference values for BetaMath.Difference.probability (BetaDifferenceExactTest): the distribution of
D = X_after - X_before, X ~ Beta independent, at points d away from 0 and in both tails.

Run: python3 make-difference-reference.py   (mpmath 1.3.0, scipy 1.17.1 only for break points)
Writes beta-difference.csv beside this script.

Both tails from their own integrals, in 40-digit arithmetic (mpmath's tanh-sinh quadrature, mpmath.quad,
over pieces cut at the kinks x = d, x = 1 + d and at the later rate's quantiles; mpmath.betainc regularized):
  P(D <= d) = int_0^1 f_after(x) P(before >= x - d) dx,
  P(D >  d) = int_0^1 f_after(x) P(before <  x - d) dx,
always over the later rate (the library integrates over the narrower of the two, so the cases below
exercise both of its orientations against the one formula here).
"""
import csv
import os

import mpmath as mp
from scipy import stats

mp.mp.dps = 40


def cdf(y, a, b):
    if y <= 0:
        return mp.mpf(0)
    if y >= 1:
        return mp.mpf(1)
    return mp.betainc(a, b, 0, y, regularized=True)


def sf(y, a, b):
    if y <= 0:
        return mp.mpf(1)
    if y >= 1:
        return mp.mpf(0)
    return mp.betainc(a, b, y, 1, regularized=True)


def tails(ab, bb, aa, ba, d):
    ab, bb, aa, ba, d = (mp.mpf(str(v)) for v in (ab, bb, aa, ba, d))
    logbeta = mp.log(mp.beta(aa, ba))

    def f(x):
        if x <= 0 or x >= 1:
            return mp.mpf(0)
        return mp.exp((aa - 1) * mp.log(x) + (ba - 1) * mp.log1p(-x) - logbeta)

    pts = {mp.mpf(0), mp.mpf(1)}
    for k in (d, 1 + d):
        if 0 < k < 1:
            pts.add(k)
    for q in stats.beta.ppf([1e-15, 1e-8, 1e-3, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-8], float(aa), float(ba)):
        if 0 < q < 1:
            pts.add(mp.mpf(float(q)))
    pts = sorted(pts)
    below = mp.quad(lambda x: f(x) * sf(x - d, ab, bb), pts)
    above = mp.quad(lambda x: f(x) * cdf(x - d, ab, bb), pts)
    return below, above


# (a_before, b_before, a_after, b_after, d): Jeffreys posteriors of tallies, the later narrower or wider,
# shapes below 1 at either end, points inside the bulk, in the tails and near -1 and 1
CASES = []
for d in (-0.08, -0.02, 0.0, 0.03, 0.06, 0.12, 0.2):
    CASES.append((512.5, 128.5, 188.5, 14.5, d))   # 512/640 then 188/202: the earlier is the narrower
    CASES.append((188.5, 14.5, 512.5, 128.5, -d))  # the later is the narrower
for d in (-0.9, -0.5, -0.1, 0.1, 0.4, 0.8):
    CASES.append((0.5, 5.5, 2.5, 3.5, d))          # 0/5 then 2/5
    CASES.append((2.5, 3.5, 0.5, 5.5, d))
for d in (-0.15, -0.05, -0.01, 0.01, 0.02):
    CASES.append((132.5, 0.5, 120.5, 12.5, d))     # 132/132 then 120/132
    CASES.append((120.5, 12.5, 132.5, 0.5, -d))
for d in (-0.97, 0.97):
    CASES.append((3.0, 2.0, 2.0, 3.0, d))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "beta-difference.csv")
with open(out, "w", newline="") as handle:
    w = csv.writer(handle, lineterminator="\n")
    w.writerow(["a_before", "b_before", "a_after", "b_after", "d", "p_at_most", "p_above"])
    for c in CASES:
        below, above = tails(*c)
        w.writerow([*c, mp.nstr(below, 20, min_fixed=-30, max_fixed=1), mp.nstr(above, 20, min_fixed=-30, max_fixed=1)])
        print(c, mp.nstr(below, 20), mp.nstr(above, 20), mp.nstr(below + above - 1, 5))
