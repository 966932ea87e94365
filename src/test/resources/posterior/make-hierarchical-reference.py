"""Reference values for org.recordingrate.posterior.HierarchicalPosterior (HierarchicalPosteriorTest).

Run: python3 make-hierarchical-reference.py   (scipy 1.10+, numpy)
Writes hierarchical.csv beside this script.

The model of Gelman et al. (2013, BDA3, section 5.3): x_i ~ Bin(n_i, p_i), p_i ~ Beta(alpha, beta),
p(alpha, beta) ~ (alpha + beta)^(-5/2). Computed here by QUADPACK's adaptive quadrature
(scipy.integrate.quad, nested: v = log(alpha + beta) outside, u = log(alpha / beta) inside, the inner
integral's break points at its conditional mode), not by the library's trapezoid rule:
  - the normalising constant Z = int int exp(L(u, v)) du dv;
  - E[p_i | x] = int int exp(L) (alpha + x_i) / (alpha + beta + n_i) du dv / Z;
  - P(p_i <= q | x) = int int exp(L) I_q(alpha + x_i, beta + n_i - x_i) du dv / Z, and the 2.5% and 97.5%
    points by Brent's method on it;
  - E[alpha / (alpha + beta) | x] and E[sqrt(mu (1 - mu) / (alpha + beta + 1)) | x].
"""
import numpy as np
from scipy import integrate, optimize, special

DATA = {
    'four-forces': ([180, 90, 45, 200], [202, 100, 60, 210]),
    'six-forces': ([188, 131, 211, 170, 52, 300], [202, 132, 220, 200, 70, 320]),
    'alike': ([180, 182, 179, 184], [200, 200, 200, 200]),
}


def log_post(u, v, x, n):
    kappa = np.exp(v)
    mu = special.expit(u)
    a, b = kappa * mu, kappa * (1 - mu)
    return (np.log(a) + np.log(b) - 2.5 * np.log(kappa)
            + np.sum(special.betaln(a + x, b + n - x) - special.betaln(a, b)))


def solve(x, n):
    x = np.asarray(x, float)
    n = np.asarray(n, float)
    res = optimize.minimize(lambda z: -log_post(z[0], z[1], x, n), [special.logit(x.sum() / n.sum()), 3.0],
                            method='Nelder-Mead', options={'xatol': 1e-10, 'fatol': 1e-12, 'maxiter': 20000})
    u0, v0 = res.x
    top = -res.fun

    def cond_mode(v):
        r = optimize.minimize_scalar(lambda u: -log_post(u, v, x, n), bracket=(u0 - 0.5, u0 + 0.5))
        return r.x

    def integral(g):
        def inner(v):
            m = cond_mode(v)
            f = lambda u: np.exp(log_post(u, v, x, n) - top) * g(u, v)
            lo, hi = m - 30, m + 30
            return integrate.quad(f, lo, hi, points=[m - 0.5, m - 0.05, m, m + 0.05, m + 0.5], limit=400,
                                  epsabs=0, epsrel=1e-12)[0]
        pieces = [v0 - 15, v0 - 3, v0 - 1, v0, v0 + 1, v0 + 3, v0 + 10, v0 + 30, v0 + 60, v0 + 100]
        total = 0.0
        for lo, hi in zip(pieces[:-1], pieces[1:]):
            total += integrate.quad(inner, lo, hi, limit=400, epsabs=0, epsrel=1e-11)[0]
        return total

    def ab(u, v):
        kappa = np.exp(v)
        mu = special.expit(u)
        return kappa * mu, kappa * (1 - mu)

    z = integral(lambda u, v: 1.0)
    out = {'mu': integral(lambda u, v: special.expit(u)) / z,
           'tau': integral(lambda u, v: np.sqrt(special.expit(u) * (1 - special.expit(u)) / (np.exp(v) + 1))) / z}
    forces = []
    for i in range(len(x)):
        xi, ni = x[i], n[i]
        mean = integral(lambda u, v: (ab(u, v)[0] + xi) / (np.exp(v) + ni)) / z

        def cdf(q):
            return integral(lambda u, v: special.betainc(ab(u, v)[0] + xi, ab(u, v)[1] + ni - xi, q)) / z
        lower = optimize.brentq(lambda q: cdf(q) - 0.025, 1e-6, 1 - 1e-6, xtol=1e-12)
        upper = optimize.brentq(lambda q: cdf(q) - 0.975, 1e-6, 1 - 1e-6, xtol=1e-12)
        forces.append((int(xi), int(ni), mean, lower, upper))
    return out, forces


with open('hierarchical.csv', 'w') as f:
    f.write('case,force,recorded,audited,mean,lower,upper,population_mean,between_force_sd\n')
    for case, (x, n) in DATA.items():
        out, forces = solve(x, n)
        for i, (xi, ni, mean, lower, upper) in enumerate(forces):
            f.write('%s,%d,%d,%d,%.15g,%.15g,%.15g,%.15g,%.15g\n' % (case, i + 1, xi, ni, mean, lower, upper, out['mu'],
                                                                  out['tau']))
