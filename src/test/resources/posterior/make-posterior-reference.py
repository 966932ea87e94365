"""Reference values for org.recordingrate.posterior (PosteriorReferenceTest), computed with 30-digit arithmetic.

Run: python3 make-posterior-reference.py   (mpmath 1.3.0)
Writes beta-posterior.csv and beta-change.csv beside this script.

Each number is computed from its definition with mpmath's own incomplete beta function, quadrature
(tanh-sinh, with break points at the densities' quantiles) and root finding, not with the library's
methods:
  - equal-tailed bounds: betaincinv at (1 -/+ level) / 2;
  - highest-density interval: [q(t), q(t + level)] with the lower tail t found by bisection until the
    densities at both ends are equal, or [0, q(level)] / [q(1 - level), 1] when a <= 1 / b <= 1;
  - quantiles q: bisection on mpmath's betainc, then the Illinois method;
  - P(after > before) = int_0^1 f_after(x) I_x(a_before, b_before) dx;
  - the change's bounds: the d with P(after - before <= d) = (1 -/+ level) / 2, where
    P(after - before <= d) = I_d(after) [d > 0] + int_{max(0,d)}^{min(1,1+d)} f_after(x) (1 - I_{x-d}(before)) dx.
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


def points(a, b):
    """Break points for quadrature over a Beta(a, b) density: its quantiles."""
    qs = [mp.mpf(0)]
    for p in ['1e-30', '1e-20', '1e-12', '1e-6', '0.001', '0.02', '0.1', '0.3', '0.5', '0.7', '0.9', '0.98', '0.999',
              '0.999999', '0.999999999999']:
        q = quantile(mp.mpf(p), a, b)
        if q > qs[-1] and q < 1:
            qs.append(q)
    qs.append(mp.mpf(1))
    return qs


def p_improvement(a1, b1, a2, b2):
    return mp.quad(lambda x: pdf(x, a2, b2) * cdf(x, a1, b1), points(a2, b2))


POINTS = {}


def change_cdf(d, a1, b1, a2, b2):
    lo, hi = max(mp.mpf(0), d), min(mp.mpf(1), 1 + d)
    if (a2, b2) not in POINTS:
        POINTS[(a2, b2)] = points(a2, b2)
    pts = [p for p in POINTS[(a2, b2)] if lo < p < hi]
    head = cdf(d, a2, b2) if d > 0 else mp.mpf(0)
    return head + mp.quad(lambda x: pdf(x, a2, b2) * (1 - cdf(x - d, a1, b1)), [lo] + pts + [hi])


def change_bound(target, a1, b1, a2, b2):
    # bisection to a bracket of 2^-12, then the Illinois method in it
    lo, hi = mp.mpf(-1), mp.mpf(1)
    for _ in range(12):
        mid = (lo + hi) / 2
        if change_cdf(mid, a1, b1, a2, b2) < target:
            lo = mid
        else:
            hi = mid
    return mp.findroot(lambda d: change_cdf(d, a1, b1, a2, b2) - target, (lo, hi), solver='illinois',
                       tol=mp.mpf(10) ** -40)


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

changes = [
    (512, 640, 188, 202, 'jeffreys', '0.95'), (3, 10, 7, 10, 'uniform', '0.95'), (180, 202, 131, 132, 'jeffreys', '0.95'),
    (50, 60, 45, 60, 'jeffreys', '0.95'), (0, 5, 2, 5, 'jeffreys', '0.9'), (132, 132, 130, 132, 'jeffreys', '0.95'),
    (1000, 1100, 5, 6, 'jeffreys', '0.95'), (40, 50, 41, 50, 'uniform', '0.95'), (20, 25, 200, 250, '2 2', '0.95'),
]
with open('beta-change.csv', 'w') as out:
    out.write('recorded_before,audited_before,recorded_after,audited_after,prior,credibility,p_improvement,'
              'difference_lower,difference_upper\n')
    for x1, n1, x2, n2, pr, lev in changes:
        A, B = prior(pr)
        a1, b1, a2, b2 = A + x1, B + n1 - x1, A + x2, B + n2 - x2
        level = mp.mpf(lev)
        out.write(','.join([str(x1), str(n1), str(x2), str(n2), pr, lev, s(p_improvement(a1, b1, a2, b2)),
                            s(change_bound((1 - level) / 2, a1, b1, a2, b2)),
                            s(change_bound((1 + level) / 2, a1, b1, a2, b2))]) + '\n')
