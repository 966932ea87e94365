"""Writes funnel-limits.csv: funnel-plot control limits for a proportion (Spiegelhalter 2005,
Statistics in Medicine 24:1185-1202, appendix A.1.1), computed with 50-digit mpmath and checked
against scipy for whole n. Run: /usr/bin/python3 make-funnel-limits.py (mpmath, scipy 1.10).

exact_binomial: with F(r) = P(R <= r), R ~ Binomial(n, theta), extended to real n as
  F(r) = I_{1-theta}(n - r, r + 1) for 0 <= r < n, 0 for r < 0, 1 for r >= n,
  r_p = the smallest whole r with F(r) >= p, alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)),
  limit = (r_p - alpha) / n, clipped to [0, 1].
normal: theta + Phi^-1(p) sqrt(theta (1 - theta) / n), clipped to [0, 1].
"""
import csv
import mpmath as mp
from scipy import stats

from scipy import special

mp.mp.dps = 50


def betacf(a, b, x):
    """The continued fraction of I_x(a, b) (modified Lentz), for x < (a + 1) / (a + b + 2)."""
    tiny = mp.mpf(10) ** -300
    c, d = mp.mpf(1), 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 100000):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + num * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < mp.mpf(10) ** -45:
            return h
    raise ArithmeticError("continued fraction did not converge")


def ibeta(x, a, b):
    """I_x(a, b) to about 45 digits: the continued fraction on the side where it converges fast."""
    if x == 0 or x == 1:
        return mp.mpf(x)
    front = mp.exp(a * mp.log(x) + b * mp.log(1 - x) - mp.log(a) - mp.log(mp.beta(a, b)))
    if x < (a + 1) / (a + b + 2):
        return front * betacf(a, b, x)
    back = mp.exp(b * mp.log(1 - x) + a * mp.log(x) - mp.log(b) - mp.log(mp.beta(a, b)))
    return 1 - back * betacf(b, a, 1 - x)


def cdf(r, n, theta):
    if r < 0:
        return mp.mpf(0)
    if r >= n:
        return mp.mpf(1)
    value = ibeta(1 - theta, n - r, r + 1)
    # an independent double-precision check: scipy's betainc (Cephes)
    assert abs(float(value) - special.betainc(float(n - r), float(r + 1), float(1 - theta))) < 1e-11, (r, n, theta)
    return value


def quantile(theta, n, p):
    """The smallest whole r with F(r) >= p, by bisection (F increases in r; F(ceil n) = 1)."""
    lo, hi = 0, int(mp.ceil(n))
    while lo < hi:
        mid = (lo + hi) // 2
        if cdf(mid, n, theta) >= p:
            hi = mid
        else:
            lo = mid + 1
    return lo


def exact(theta, n, p):
    r = quantile(theta, n, p)
    at, below = cdf(r, n, theta), cdf(r - 1, n, theta)
    alpha = (at - p) / (at - below)
    return min(mp.mpf(1), max(mp.mpf(0), (r - alpha) / n))


def normal(theta, n, p):
    z = mp.sqrt(2) * mp.erfinv(2 * p - 1)
    return min(mp.mpf(1), max(mp.mpf(0), theta + z * mp.sqrt(theta * (1 - theta) / n)))


thetas = ["0.5", "0.9", "0.9041", "0.95", "0.99"]
sizes = ["1", "2", "5", "10", "37", "100", "132", "202", "450.7", "554", "1000", "1234.5", "20000"]
ps = ["0.001", "0.025", "0.975", "0.999"]
rows = []
for t in thetas:
    for n in sizes:
        for p in ps:
            theta, size, prob = mp.mpf(t), mp.mpf(n), mp.mpf(p)
            e = exact(theta, size, prob)
            if size == int(size):
                # scipy's binomial cdf agrees with the beta form for whole n
                r = int(stats.binom.ppf(float(prob), int(size), float(theta)))
                rr = quantile(theta, size, prob)
                assert r == rr, (t, n, p, r, rr)
                for k in (rr - 1, rr):
                    if 0 <= k < size:
                        assert abs(float(cdf(k, size, theta)) - stats.binom.cdf(k, int(size), float(theta))) < 1e-12
            rows.append([t, n, p, mp.nstr(e, 20), mp.nstr(normal(theta, size, prob), 20)])
with open("funnel-limits.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["theta", "n", "p", "exact_binomial", "normal"])
    w.writerows(rows)
print(len(rows), "rows")
