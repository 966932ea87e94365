#!/usr/bin/env python3
"""Reference values for the special functions of org.recordingrate.internal (SpecialFunctionsTest).

Run: python3 make-internal-reference.py > internal-reference.csv   (mpmath 1.3.0, 60 digits)

Every value is computed from its textbook definition in high precision, independently of the Java
code's cancellation-free forms:
  wilson      x,y,z -> Wilson's roots (x + z^2/2 -+ z sqrt(xy/n + z^2/4))/(n + z^2), p - lower, upper - p,
              Newcombe (1998) method 4 continuity-corrected L = (2x+z^2-1-zR)/(2(n+z^2)),
              R = sqrt(z^2-2-1/n+4x(y+1)/n) (0 at x = 0), U = (2x+z^2+1+zR')/(2(n+z^2)),
              R' = sqrt(z^2+2-1/n+4x(y-1)/n) (1 at y = 0), p - L, U - p.
  hyper       na,nb,s,k -> log h(k), log P(X>=k), log P(X<=k) from exact integer binomials (fractions),
              the lower mode by enumeration.
  normal      x -> Phi(x), 1 - Phi(x), 2(1 - Phi(|x|)) by mpmath.erfc.
  quantile    p -> Phi^-1(p) by mpmath findroot on erfc at 60 digits.
  critical    c -> Phi^-1(1 - (1-c)/2) with c exact (the double's binary value).
  binomial    k,n,p -> log C(n,k) p^k q^(n-k), q = 1 - p exactly (binary p).
  stirling    n -> log(n!) - log(sqrt(2 pi n) (n/e)^n).
  deviance    x,mean -> x log(x/mean) + mean - x.
  studentt    p,df -> t with P(T <= t) = p, from P(T <= -t) = I_{df/(df+t^2)}(df/2, 1/2)/2.
  ibeta       a,b,x -> I_x(a, b), 1 - I_x(a, b) by the continued fraction (large shapes, a + b not a double).
Columns: kind,a1,a2,a3,a4,v1,...  (numbers as repr of their doubles, 17 significant digits)
"""
import mpmath as mp
from fractions import Fraction
from math import comb

mp.mp.dps = 60


def d(v):
    return repr(float(v))


def wilson(x, y, z):
    x, y, z = mp.mpf(x), mp.mpf(y), mp.mpf(z)
    n = x + y
    z2 = z * z
    s = mp.sqrt(x * y / n + z2 / 4)
    lower = mp.mpf(0) if x == 0 else (x + z2 / 2 - z * s) / (n + z2)
    upper = mp.mpf(1) if y == 0 else (x + z2 / 2 + z * s) / (n + z2)
    p = x / n
    if x == 0:
        cl = mp.mpf(0)
    else:
        r = mp.sqrt(z2 - 2 - 1 / n + 4 * x * (y + 1) / n)
        cl = (2 * x + z2 - 1 - z * r) / (2 * (n + z2))
    if y == 0:
        cu = mp.mpf(1)
    else:
        r2 = mp.sqrt(z2 + 2 - 1 / n + 4 * x * (y - 1) / n)
        cu = (2 * x + z2 + 1 + z * r2) / (2 * (n + z2))
    cl = max(mp.mpf(0), min(mp.mpf(1), cl))
    cu = max(mp.mpf(0), min(mp.mpf(1), cu))
    return [lower, upper, p - lower, upper - p, cl, cu, p - cl, cu - p]


rows = []
for (x, y, z) in [(0, 10, 1.959963984540054), (10, 0, 1.959963984540054), (3, 7, 1.959963984540054),
                  (7, 3, 1.959963984540054), (5, 5, 1.959963984540054), (1, 1, 1.0),
                  (180, 22, 1.959963984540054), (22, 180, 2.5758293035489004), (1, 999, 1.959963984540054),
                  (999, 1, 1.959963984540054), (37.5, 12.25, 1.6448536269514722), (2.5, 1.25, 3.0),
                  (123456789, 987654321, 1.959963984540054), (1e15, 3, 1.959963984540054),
                  (2, 6.4e15, 3.2905267314918945), (40, 60, 1.25e-6), (60, 40, 6.1), (1, 2, 0.0),
                  (4, 4, 0.5), (100, 101, 1.959963984540054), (101, 100, 1.959963984540054),
                  (1, 1e9, 4.0), (2, 3, 2.0)]:
    rows.append(["wilson", d(x), d(y), d(z), ""] + [d(v) for v in wilson(x, y, z)])


def hyper(na, nb, s):
    total = comb(na + nb, s)
    lo, hi = max(0, s - nb), min(na, s)
    h = {k: Fraction(comb(na, k) * comb(nb, s - k), total) for k in range(lo, hi + 1)}
    mode = lo
    while mode < hi and h[mode + 1] > h[mode]:
        mode += 1
    return lo, hi, h, mode


def mlog(fr):
    if fr == 0:
        return mp.ninf
    return mp.log(mp.mpf(fr.numerator)) - mp.log(mp.mpf(fr.denominator))


for (na, nb, s) in [(10, 12, 9), (30, 20, 25), (5, 5, 5), (200, 150, 60), (7, 3, 8), (12, 12, 0),
                    (12, 12, 24), (1, 1, 1), (40, 1000, 30), (1000, 40, 1010), (6, 6, 6), (300, 300, 300)]:
    lo, hi, h, mode = hyper(na, nb, s)
    ks = sorted(set([lo, hi, mode, mode + 1, (lo + hi) // 2, lo + 1, hi - 1]) & set(range(lo, hi + 1)))
    for k in ks:
        up = sum((h[j] for j in range(k, hi + 1)), Fraction(0))
        down = sum((h[j] for j in range(lo, k + 1)), Fraction(0))
        rows.append(["hyper", str(na), str(nb), str(s), str(k), d(mlog(h[k])), d(mlog(up)), d(mlog(down)),
                     str(lo), str(hi), str(mode)])

for x in [-40.0, -30.0, -8.0, -1.5, -0.25, 0.0, 0.5, 1.959963984540054, 6.0, 9.0, 38.0]:
    x_ = mp.mpf(x)
    rows.append(["normal", d(x), "", "", "", d(mp.erfc(-x_ / mp.sqrt(2)) / 2), d(mp.erfc(x_ / mp.sqrt(2)) / 2),
                 d(min(mp.mpf(1), mp.erfc(abs(x_) / mp.sqrt(2))))])


def ninv(p):
    p = mp.mpf(p)
    guess = mp.mpf(float(__import__('statistics').NormalDist().inv_cdf(float(p)))) if 0 < p < 1 else 0
    return mp.findroot(lambda t: mp.erfc(-t / mp.sqrt(2)) / 2 - p, guess, tol=mp.mpf(10) ** -55)


for p in [1e-300, 1e-20, 1e-12, 3e-11, 1e-5, 0.01, 0.07, 0.075, 0.08, 0.3, 0.5, 0.6, 0.9, 0.925, 0.93, 0.999,
          0.9999999]:
    rows.append(["quantile", d(p), "", "", "", d(ninv(p))])

for c in [1e-6, 0.01, 0.5, 0.8, 0.85, 0.86, 0.9, 0.95, 0.99, 0.999999, 1 - 1e-9]:
    alpha_half = (1 - mp.mpf(c)) / 2
    rows.append(["critical", d(c), "", "", "", d(-ninv(alpha_half))])

for (k, n, p) in [(0, 10, 0.3), (0, 10, 0.7), (10, 10, 0.3), (10, 10, 0.7), (0, 1000, 1e-9), (1000, 1000, 1 - 1e-9),
                  (3, 10, 0.25), (7, 10, 0.25), (450, 1000, 0.5), (20, 40, 0.5), (1, 1e6, 1e-6),
                  (5e5, 1e6, 0.4), (17, 17000, 0.001), (2, 10, 0.0), (8, 10, 1.0)]:
    kk, nn, pp = mp.mpf(k), mp.mpf(n), mp.mpf(p)
    qq = 1 - pp
    if (pp == 0 and kk > 0) or (qq == 0 and kk < nn):
        v = mp.ninf
    else:
        v = mp.loggamma(nn + 1) - mp.loggamma(kk + 1) - mp.loggamma(nn - kk + 1) + (kk * mp.log(pp) if kk > 0 else 0) \
            + ((nn - kk) * mp.log(qq) if nn > kk else 0)
    rows.append(["binomial", d(k), d(n), d(p), "", d(v)])

for n in [1, 2, 15, 16, 17, 30, 100, 1e4, 1e8]:
    nn = mp.mpf(n)
    rows.append(["stirling", d(n), "", "", "", d(mp.loggamma(nn + 1) - (0.5 * mp.log(2 * mp.pi * nn) + nn * mp.log(nn) - nn))])

for (x, mean) in [(10, 10.5), (10, 9.2), (10, 12.0), (10, 30.0), (1, 100.0), (1000, 999.9), (5, 4.0909), (5, 4.0)]:
    xx, mm = mp.mpf(x), mp.mpf(mean)
    rows.append(["deviance", d(x), d(mean), "", "", d(xx * mp.log(xx / mm) + mm - xx)])


def tq(p, df):
    p, df = mp.mpf(p), mp.mpf(df)
    f = lambda t: mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2 - p
    from scipy.stats import t as tdist
    return -mp.findroot(f, mp.mpf(-float(tdist.ppf(float(p), float(df)))), tol=mp.mpf(10) ** -50)


for (p, df) in [(0.025, 1), (0.025, 2.5), (0.005, 10), (0.05, 29), (0.4, 3), (1e-8, 5), (0.025, 1e6), (0.5, 7)]:
    rows.append(["studentt", d(p), d(df), "", "", d(0 if p == 0.5 else tq(p, df))])


# ibeta: a,b,x -> I_x(a, b) and 1 - I_x(a, b) for large shapes whose sum a + b is not a double (the
# rounding error of the sum enters lambda = a - (a + b) x), at and a few standard deviations around the mean;
# by the continued fraction NR (6.4.5) at 60 digits on the side where it converges fast, as
# src/test/resources/beta/make-beta-reference.py does (checked there against mpmath's betainc).
def _cf(a, b, x):
    tiny = mp.mpf(10) ** -400
    c = mp.mpf(1)
    dd = 1 - (a + b) * x / (a + 1)
    dd = 1 / (dd if dd != 0 else tiny)
    h = dd
    for m in range(1, 10 ** 7):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((a - 1 + m2) * (a + m2)),
                   -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2))):
            dd = 1 + aa * dd
            c = 1 + aa / c
            dd = 1 / (dd if dd != 0 else tiny)
            c = c if c != 0 else tiny
            delta = dd * c
            h *= delta
        if abs(delta - 1) < mp.mpf(10) ** -50:
            return h
    raise RuntimeError("no convergence")


def _left(a, b, x):
    lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    return mp.exp(a * mp.log(x) + b * mp.log1p(-x) - lb - mp.log(a)) * _cf(a, b, x)


def ibeta(a, b, x):
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x < (a + 1) / (a + b + 2):
        lo = _left(a, b, x)
        return lo, 1 - lo
    up = _left(b, a, 1 - x)
    return 1 - up, up


ib = []
for (a, b) in [(123456789.123, 987654321.987), (330000000.7, 17000000.3), (150.5, 3000.25), (2500.75, 180.125),
               (1234567.891, 7654321.019)]:
    mean = a / (a + b)
    sd = (mean * (1 - mean) / (a + b)) ** 0.5
    for k in (-3, -0.5, 0, 0.7, 2.5):
        x = mean + k * sd
        lo, up = ibeta(a, b, x)
        ib.append(["ibeta", d(a), d(b), d(x), "", d(lo), d(up)])

rows.extend(ib)
print("kind,a1,a2,a3,a4,v1,v2,v3,v4,v5,v6,v7,v8")
for r in rows:
    r = r + [""] * (13 - len(r))
    print(",".join(r))
