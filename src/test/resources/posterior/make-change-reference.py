"""Reference values for org.recordingrate.posterior.PosteriorChange (PosteriorReferenceTest).

Run: python3 make-change-reference.py   (scipy 1.17.1, numpy)
Writes beta-change.csv beside this script.

Computed from the definitions with QUADPACK's adaptive Gauss-Kronrod quadrature (scipy.integrate.quad,
absolute tolerance 1e-14, break points at the later posterior's quantiles) and Cephes' incomplete beta
function (scipy.special.betainc), not with the library's methods (a tanh-sinh rule over the narrower
posterior):
  - P(after > before) = int_0^1 f_after(x) I_x(a_before, b_before) dx;
  - the change's bounds: the d with P(after - before <= d) = (1 -/+ level) / 2 (Brent's method, xtol 1e-15),
    P(after - before <= d) = I_d(after) [d > 0] + int_{max(0,d)}^{min(1,1+d)} f_after(x) (1 - I_{x-d}(before)) dx.
"""
import numpy as np
from scipy import integrate, optimize, special, stats


def pdf(x, a, b):
    return np.exp((a - 1) * np.log(x) + (b - 1) * np.log1p(-x) - special.betaln(a, b))


def breaks(a, b, lo, hi):
    qs = stats.beta.ppf([1e-12, 1e-6, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 0.999, 1 - 1e-6, 1 - 1e-12], a, b)
    return sorted(q for q in set(qs) if lo < q < hi)


def quad(f, lo, hi, a, b):
    pts = [lo] + breaks(a, b, lo, hi) + [hi]
    return sum(integrate.quad(f, u, v, epsabs=1e-15, epsrel=1e-13, limit=500)[0] for u, v in zip(pts[:-1], pts[1:]))


def p_improvement(a1, b1, a2, b2):
    return quad(lambda x: pdf(x, a2, b2) * special.betainc(a1, b1, x), 0.0, 1.0, a2, b2)


def change_cdf(d, a1, b1, a2, b2):
    lo, hi = max(0.0, d), min(1.0, 1 + d)
    head = special.betainc(a2, b2, d) if d > 0 else 0.0
    return head + quad(lambda x: pdf(x, a2, b2) * special.betaincc(a1, b1, min(1.0, max(0.0, x - d))), lo, hi, a2, b2)


PRIORS = {'jeffreys': (0.5, 0.5), 'uniform': (1.0, 1.0)}


def prior(name):
    if name in PRIORS:
        return PRIORS[name]
    a, b = name.split(' ')
    return float(a), float(b)


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
        level = float(lev)
        lower = optimize.brentq(lambda d: change_cdf(d, a1, b1, a2, b2) - (1 - level) / 2, -1, 1, xtol=1e-15)
        upper = optimize.brentq(lambda d: change_cdf(d, a1, b1, a2, b2) - (1 + level) / 2, -1, 1, xtol=1e-15)
        out.write('%d,%d,%d,%d,%s,%s,%.17g,%.17g,%.17g\n' % (x1, n1, x2, n2, pr, lev, p_improvement(a1, b1, a2, b2),
                                                             lower, upper))
