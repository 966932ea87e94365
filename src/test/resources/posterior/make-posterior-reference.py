"""Reference values for org.recordingrate.posterior (PosteriorReferenceTest), computed with 30-digit arithmetic.

Run: python3 make-posterior-reference.py   (mpmath 1.3.0)
Writes beta-posterior.csv beside this script (beta-change.csv comes from make-change-reference.py).

Each number is computed from its definition with mpmath's own incomplete beta function and root
finding, not with the library's methods:
  - equal-tailed bounds: the quantiles q at (1 -/+ level) / 2;
  - highest-density interval: [q(t), q(t + level)] with the lower tail t found by bisection until the
    densities at both ends are equal, or [0, q(level)] / [q(1 - level), 1] when a <= 1 / b <= 1;
  - quantiles q: bisection on mpmath's betainc, then the Illinois method;
"""
import mpmath as mp

mp.mp.dps = 30


def pdf(x, a, b):
    return mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - mp.log(mp.beta(a, b)))


def cdf(x, a, b):
    if x <= 0:
        return mp.mpf(0)
    if x >= 1:
        return mp.mpf(1)
    return mp.betainc(a, b, 0, x, regularized=True)


def quantile(p, a, b):
    # bisection on the regularized incomplete beta to a bracket of 2^-60, then the Illinois method in it
    lo, hi = mp.mpf(0), mp.mpf(1)
    for _ in range(60):
        mid = (lo + hi) / 2
        if cdf(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    if cdf(lo, a, b) == p:
        return lo
    return mp.findroot(lambda x: cdf(x, a, b) - p, (lo, hi), solver='illinois', tol=mp.mpf(10) ** -55)


def hpd(a, b, level):
    if a <= 1:
        return mp.mpf(0), quantile(level, a, b)
    if b <= 1:
        return quantile(1 - level, a, b), mp.mpf(1)
    # bisection on the lower tail t: log f(upper) - log f(lower) falls through 0
    lo, hi = mp.mpf(0), 1 - level
    for _ in range(110):
        t = (lo + hi) / 2
        l, u = quantile(t, a, b), quantile(t + level, a, b)
        if pdf(u, a, b) > pdf(l, a, b):
            lo = t
        else:
            hi = t
    t = (lo + hi) / 2
    return quantile(t, a, b), quantile(t + level, a, b)


PRIORS = {'jeffreys': (mp.mpf('0.5'), mp.mpf('0.5')), 'uniform': (mp.mpf(1), mp.mpf(1))}


def prior(name):
    if name in PRIORS:
        return PRIORS[name]
    a, b = name.split(' ')
    return mp.mpf(a), mp.mpf(b)


def s(v):
    return mp.nstr(v, 25, min_fixed=-30, max_fixed=30)


single = [
    (188, 202, 'jeffreys', '0.95'), (132, 132, 'jeffreys', '0.95'), (0, 5, 'jeffreys', '0.95'),
    (180, 202, 'uniform', '0.95'), (1, 1, 'jeffreys', '0.95'), (131, 132, '2 1', '0.95'),
    (5000, 5400, 'jeffreys', '0.9'), (3, 10, 'uniform', '0.8'), (7, 10, 'jeffreys', '0.99'),
    (1, 50, 'jeffreys', '0.95'), (49, 50, 'uniform', '0.95'),
]
with open('beta-posterior.csv', 'w') as out:
    out.write('recorded,audited,prior,credibility,mean,lower,upper,hpd_lower,hpd_upper\n')
    for x, n, pr, lev in single:
        A, B = prior(pr)
        a, b = A + x, B + n - x
        level = mp.mpf(lev)
        l, u = hpd(a, b, level)
        out.write(','.join([str(x), str(n), pr, lev, s(a / (a + b)), s(quantile((1 - level) / 2, a, b)),
                            s(quantile((1 + level) / 2, a, b)), s(l), s(u)]) + '\n')

