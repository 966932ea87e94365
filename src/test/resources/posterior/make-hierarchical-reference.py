"""Reference values for org.recordingrate.posterior.HierarchicalPosterior (HierarchicalPosteriorTest).

Run: python3 make-hierarchical-reference.py   (numpy, scipy 1.11 or later for special.betaincc; made with scipy 1.17.1)
Writes hierarchical.csv and hierarchical-moments.csv beside this script.

The model of Gelman et al. (2013, BDA3, section 5.3): x_i ~ Bin(n_i, p_i), p_i ~ Beta(alpha, beta),
p(alpha, beta) ~ (alpha + beta)^(-5/2); in u = log(alpha / beta), v = log(alpha + beta) the log posterior is
  L(u, v) = log alpha + log beta - 5/2 log(alpha + beta) + sum_i [log B(alpha + x_i, beta + n_i - x_i) - log B(alpha, beta)].
Computed here independently of the library's method (a trapezoid rule in v - v* = c sinh(w), Stirling's
series for the gamma differences):
  - each log B difference as exact sums of logarithms, sum_{k<x} log(alpha + k) + sum_{k<n-x} log(beta + k)
    - sum_{k<n} log(alpha + beta + k), which stays exact however large alpha + beta grows;
  - the integrals over (u, v) by a product Gauss-Legendre rule: v over pieces around the mode (v* - 20 to
    v* + 80, where the density has fallen by e^-40 under the prior's e^(-v/2) tail), and at each v node u over
    pieces of its conditional standard deviation around its conditional mode (+/- 15 of them);
  - E[p_i | x] and P(p_i <= q | x) as the weighted sums of (alpha + x_i) / (alpha + beta + n_i) and of the
    incomplete beta function, the 2.5% and 97.5% points by Brent's method;
  - the same with twice the nodes in every piece: the script stops if a mean moves by more than 1e-10 or a
    bound by more than 2e-6 (1e-5 for the forces alike), and writes the finer rule's values. The bounds converge more slowly than the
    means: at large alpha + beta a force's Beta component is nearly a step in u at the bound, narrower than
    the nodes' spacing, so the rule converges only algebraically there (from 20 to 40 nodes a piece the
    bounds move by up to 4e-9 for forces that differ, 2.4e-6 for forces alike, whose posterior puts much
    weight on large alpha + beta).
"""
import numpy as np
from scipy import optimize, special

DATA = {
    'four-forces': ([180, 90, 45, 200], [202, 100, 60, 210]),
    'six-forces': ([188, 131, 211, 170, 52, 300], [202, 132, 220, 200, 70, 320]),
    'alike': ([180, 182, 179, 184], [200, 200, 200, 200]),
}
V_PIECES = [-20, -10, -5, -2, -1, 0, 1, 2, 5, 10, 20, 40, 80]
U_PIECES = [-15, -8, -4, -2, -1, 0, 1, 2, 4, 8, 15]


def log_post(u, v, x, n):
    """L(u, v) for an array of u at one v."""
    u = np.atleast_1d(np.asarray(u, float))
    log_mu = -np.logaddexp(0, -u)
    log_not = -np.logaddexp(0, u)
    a = np.exp(v + log_mu)
    b = np.exp(v + log_not)
    kappa = np.exp(v)
    total = 2 * v + log_mu + log_not - 2.5 * v
    for xi, ni in zip(x, n):
        total = total + np.log(a[:, None] + np.arange(xi)).sum(axis=1) \
            + np.log(b[:, None] + np.arange(ni - xi)).sum(axis=1) - np.log(kappa + np.arange(ni)).sum()
    return total


def nodes(x, n, order):
    """The rule's nodes: arrays of alpha, beta and normalised weights."""
    scalar = lambda z: -log_post(z[0], z[1], x, n)[0]
    p = sum(x) / sum(n)
    res = optimize.minimize(scalar, [np.log(p / (1 - p)), 3.0], method='Nelder-Mead',
                            options={'xatol': 1e-10, 'fatol': 1e-12, 'maxiter': 20000})
    u0, v0 = res.x
    gx, gw = np.polynomial.legendre.leggauss(order)
    alphas, betas, logs = [], [], []
    m = u0
    vs, vw = [], []
    for lo, hi in zip(V_PIECES[:-1], V_PIECES[1:]):
        vs.extend(v0 + lo + (hi - lo) * (gx + 1) / 2)
        vw.extend((hi - lo) / 2 * gw)
    for v, wv in zip(vs, vw):
        m = optimize.minimize_scalar(lambda z: -log_post(z, v, x, n)[0], bracket=(m - 0.1, m + 0.1)).x
        e = 1e-3
        second = (log_post(m + e, v, x, n)[0] - 2 * log_post(m, v, x, n)[0] + log_post(m - e, v, x, n)[0]) / e ** 2
        s = 1 / np.sqrt(-second)
        us, uw = [], []
        for lo, hi in zip(U_PIECES[:-1], U_PIECES[1:]):
            us.extend(m + s * (lo + (hi - lo) * (gx + 1) / 2))
            uw.extend(s * (hi - lo) / 2 * gw)
        us = np.array(us)
        kappa = np.exp(v)
        mu = special.expit(us)
        alphas.append(kappa * mu)
        betas.append(kappa * (1 - mu))
        logs.append(log_post(us, v, x, n) + np.log(np.array(uw) * wv))
    alpha = np.concatenate(alphas)
    beta = np.concatenate(betas)
    log_w = np.concatenate(logs)
    w = np.exp(log_w - log_w.max())
    keep = w > 1e-30
    return alpha[keep], beta[keep], w[keep] / w[keep].sum()


def solve(x, n, order):
    alpha, beta, w = nodes(x, n, order)
    kappa = alpha + beta
    mu = alpha / kappa
    out = {'mu': np.sum(w * mu), 'tau': np.sum(w * np.sqrt(mu * (1 - mu) / (kappa + 1)))}
    out['sd'] = np.sqrt(np.sum(w * mu * mu) - out['mu'] ** 2)
    forces = []
    for xi, ni in zip(x, n):
        a, b = alpha + xi, beta + ni - xi
        mean = np.sum(w * a / (a + b))
        sd = np.sqrt(np.sum(w * a * (a + 1) / ((a + b) * (a + b + 1))) - mean ** 2)
        lower = optimize.brentq(lambda q: np.sum(w * special.betainc(a, b, q)) - 0.025, 1e-9, 1 - 1e-9, xtol=1e-14)
        upper = optimize.brentq(lambda q: np.sum(w * special.betaincc(a, b, q)) - 0.025, 1e-9, 1 - 1e-9, xtol=1e-14)
        forces.append((xi, ni, mean, lower, upper, sd))
    return out, forces


# every case is computed and checked before the file is written: a failed check leaves no half-written file
lines = ['case,force,recorded,audited,mean,lower,upper,population_mean,between_force_sd\n']
# the posterior standard deviations (each force's, and the population's: the sd of alpha / (alpha + beta)),
# written beside it to hierarchical-moments.csv
moments = ['case,force,sd,population_sd\n']
for case, (x, n) in DATA.items():
    out, forces = solve(x, n, 20)
    check, again = solve(x, n, 40)
    assert abs(out['mu'] - check['mu']) < 1e-10 and abs(out['tau'] - check['tau']) < 1e-10, case
    assert abs(out['sd'] - check['sd']) < 1e-10, case
    for one, two in zip(forces, again):
        assert abs(one[2] - two[2]) < 1e-10 and abs(one[5] - two[5]) < 1e-10, (case, one, two)
        assert max(abs(p - q) for p, q in zip(one[3:5], two[3:5])) < (1e-5 if case == 'alike' else 2e-6), (case, one, two)
    for i, (xi, ni, mean, lower, upper, sd) in enumerate(again):
        moments.append('%s,%d,%.15g,%.15g\n' % (case, i + 1, sd, check['sd']))
        lines.append('%s,%d,%d,%d,%.15g,%.15g,%.15g,%.15g,%.15g\n' % (case, i + 1, xi, ni, mean, lower, upper,
                                                                    check['mu'], check['tau']))
with open('hierarchical.csv', 'w') as f:
    f.writelines(lines)
with open('hierarchical-moments.csv', 'w') as f:
    f.writelines(moments)
