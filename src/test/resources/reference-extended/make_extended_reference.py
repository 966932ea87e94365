#!/usr/bin/python3
"""High-precision reference values over the whole supported range of recording-rate.

Run with Debian's python3 and its mpmath (1.2.1 was used):

    /usr/bin/python3 src/test/resources/reference-extended/make_extended_reference.py [--check-only]

It writes, next to itself:

  single-proportion-extended.csv   recorded,audited,confidence,method,lower,upper
  two-proportion-extended.csv      recorded_before,audited_before,recorded_after,audited_after,
                                   confidence,method,lower,upper,statistic,p_value
  all-crime-wilson-designs.csv     design,category,recorded,audited,volume
  all-crime-wilson-results.csv     design,confidence,variance,estimate,effective_audited,lower,upper

The columns and the method definitions are those of ../reference/README.md (shared/reference):
nothing here is taken from the Java code.  Every value is computed with mpmath at 80 significant
digits and written with 30; the confidence level written in a row is a decimal whose nearest double
is the level used (the computation starts from that double, exactly, as the Java code does).

How each quantity is computed (all independent of the library):

* z = Phi^-1(1 - alpha/2) = sqrt(2) erfinv(1 - alpha), checked by erfc(z / sqrt 2) / 2 = alpha / 2.
* Wald, Wilson, Wilson with continuity correction, Agresti-Coull, logit: the closed forms of the
  README, evaluated at 80 digits (no cancellation is left at that precision).  The change interval
  wald_cc is R's prop.test(c(xa, xb), c(na, nb))$conf.int: Wald widened by Yates's correction
  min((1/na + 1/nb)/2, |d|), as R's source writes it.
* The regularized incomplete beta I_x(a, b) (Clopper-Pearson, Jeffreys, mid-p):
    - integer shapes with min(a, b) <= 60 (binomial tails with few terms): the finite sum
      P(Y >= a) = 1 - sum_{j < a} C(a + b - 1, j) x^j (1 - x)^(a + b - 1 - j), term by term;
    - other shapes with min(a, b) <= 60: mpmath.betainc (its hypergeometric series);
    - both shapes above 60: the integral of the density by tanh-sinh quadrature (mpmath.quad) in
      the standardized variable u = (t - mode) / s, s = sqrt(mode (1 - mode) / (a + b - 2)), with the
      log-density written as (a - 1) log1p(s u / mode) + (b - 1) log1p(-s u / (1 - mode)) so that its
      huge linear parts cancel at 80 digits; the integration range is cut at |u| = 60 (for shapes
      above 60 the log-concave density there is below e^-300 of its peak) and split at u = 0, +-2, +-5, ...
  The quadrature is checked against mpmath.betainc and against the finite binomial sum where
  they work (shapes 60 to 2000), and against I_{1/2}(a, a) = 1/2 for shapes up to 2^52.
* Beta quantiles and the mid-p bounds: the root of G(t) = target, G a (mixture of) incomplete
  beta functions, by Newton's method on log G in logit(t) inside a bracket, to 1e-40 relative;
  each root is then checked by evaluating G.
* Miettinen-Nurminen: for each D the restricted maximum likelihood estimate (r_a, r_b = r_a - D)
  is found by maximising the constrained log-likelihood directly, i.e. by a bracketed root of its
  derivative xa/r - (na - xa)/(1 - r) + xb/(r - D) - (nb - xb)/(1 - r + D), which decreases in r
  (terms with a zero count are left out; the maximum is at an end of [max(0, D), min(1, 1 + D)]
  when the derivative does not change sign there); V(D) = [r_a (1 - r_a)/na + r_b (1 - r_b)/nb]
  N/(N - 1); each bound is the root of (d - D)^2 = z^2 V(D) on the side of d, bracketed between d
  and -1 or 1 (Illinois regula falsi with bisection steps) to 1e-42 relative.  For small tables the restricted estimate is also checked against the roots of
  Farrington and Manning's cubic found by mpmath.polyroots.
* Newcombe (methods 10 and 11): from the 80-digit Wilson and Wilson-cc limits.
* All-crime Wilson: p = sum W_h p_h, V = sum W_h^2 p_h (1 - p_h) / n_h (binomial) or
  sum W_h^2 (1 - n_h/N_h) p_h (1 - p_h) / (n_h - 1) (survey, N_h = volume), n_eff = p (1 - p) / V,
  then Wilson's formula with n_eff for n (Kott 2017), exactly.

Before writing, the script recomputes every row of ../reference/single-proportion.csv and every
interval row of ../reference/two-proportion.csv (made independently with R, statsmodels and
mpmath) and stops unless all agree to 1e-12: the definitions here are the shared ones.
"""

import argparse
import csv
import math
import os
import sys
import time

import mpmath as mp

mp.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "reference")
DIGITS = 30
SMALL_SHAPE = 60

# ----------------------------------------------------------------------------------------- basics


def exact(value):
    """An mpf equal to the double (or integer) value, exactly."""
    return mp.mpf(value)


def tail_of(confidence_text):
    """alpha/2 for the double nearest to the written confidence level, exactly."""
    c = exact(float(confidence_text))
    return (1 - c) / 2


def critical(tail):
    """z with 1 - Phi(z) = tail."""
    z = mp.sqrt(2) * mp.erfinv(1 - 2 * tail)
    check = mp.erfc(z / mp.sqrt(2)) / 2
    assert abs(check - tail) <= mp.mpf(10) ** -60 * tail, (tail, z, check)
    return z


def show(value):
    value = mp.mpf(value)
    if value == 0:
        return "0"
    if value == 1:
        return "1"
    if value == -1:
        return "-1"
    return mp.nstr(value, DIGITS, strip_zeros=False, min_fixed=-5, max_fixed=1)


def clip(value, low, high):
    return min(max(value, mp.mpf(low)), mp.mpf(high))


# ------------------------------------------------------------------------ closed-form intervals


def wald(x, n, z):
    p = mp.mpf(x) / n
    half = z * mp.sqrt(p * (1 - p) / n)
    return clip(p - half, 0, 1), clip(p + half, 0, 1)


def wilson(x, n, z):
    x = mp.mpf(x)
    n = mp.mpf(n)
    z2 = z * z
    root = z * mp.sqrt(x * (n - x) / n + z2 / 4)
    lower = mp.mpf(0) if x == 0 else (x + z2 / 2 - root) / (n + z2)
    upper = mp.mpf(1) if x == n else (x + z2 / 2 + root) / (n + z2)
    return lower, upper


def wilson_cc(x, n, z):
    """Newcombe (1998a) method 4, never dropping the correction; clipped to [0, 1]."""
    x = mp.mpf(x)
    n = mp.mpf(n)
    z2 = z * z
    p = x / n
    q = 1 - p
    if x == 0:
        lower = mp.mpf(0)
    else:
        lower = (2 * n * p + z2 - 1 - z * mp.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / (2 * (n + z2))
        lower = clip(lower, 0, 1)
    if x == n:
        upper = mp.mpf(1)
    else:
        upper = (2 * n * p + z2 + 1 + z * mp.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / (2 * (n + z2))
        upper = clip(upper, 0, 1)
    return lower, upper


def agresti_coull(x, n, z):
    z2 = z * z
    nt = n + z2
    pt = (x + z2 / 2) / nt
    half = z * mp.sqrt(pt * (1 - pt) / nt)
    return clip(pt - half, 0, 1), clip(pt + half, 0, 1)


def logit(x, n, z):
    p = mp.mpf(x) / n
    centre = mp.log(mp.mpf(x) / (n - x))
    half = z / mp.sqrt(n * p * (1 - p))
    expit = lambda t: 1 / (1 + mp.exp(-t))
    return expit(centre - half), expit(centre + half)


# --------------------------------------------------------------------- incomplete beta function


def log_beta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def log_density(t, a, b):
    return (a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - log_beta(a, b)


def is_whole(v):
    return mp.isint(v)


def binomial_upper(k, m, x):
    """P(Y >= k) for Y ~ Binomial(m, x) (k >= 1), by the shorter finite sum."""
    k = int(k)
    m = int(m)
    x = mp.mpf(x)
    if k > m:
        return mp.mpf(0)
    if k <= m - k + 1:
        # 1 - P(Y <= k - 1): k terms
        below = mp.fsum(mp.binomial(m, j) * x ** j * mp.exp((m - j) * mp.log1p(-x)) for j in range(k))
        return 1 - below
    # P(Y >= k) directly: m - k + 1 terms
    return mp.fsum(mp.binomial(m, j) * x ** j * mp.exp((m - j) * mp.log1p(-x)) for j in range(k, m + 1))


def ibeta_quad(a, b, x, upper):
    """I_x(a, b) (or its complement) for a, b > SMALL_SHAPE by quadrature around the mode."""
    m = (a - 1) / (a + b - 2)
    s = mp.sqrt(m * (1 - m) / (a + b - 2))
    log_peak = log_density(m, a, b)

    def g(u):
        t = s * u
        return mp.exp((a - 1) * mp.log1p(t / m) + (b - 1) * mp.log1p(-t / (1 - m)))

    ux = (x - m) / s
    lo = max(-m / s, mp.mpf(-60))
    hi = min((1 - m) / s, mp.mpf(60))
    marks = [-40, -20, -10, -5, -2, 0, 2, 5, 10, 20, 40]
    if not upper:
        if ux <= lo:
            return mp.mpf(0)  # below the support, or below e^-300 of the peak
        left, right = lo, min(ux, hi)
    else:
        if ux >= hi:
            return mp.mpf(0)
        left, right = max(ux, lo), hi
    points = [left] + [mp.mpf(p) for p in marks if left < p < right] + [right]
    value = mp.quad(g, points, method="gauss-legendre")
    return mp.re(value) * s * mp.exp(log_peak)


def ibeta(a, b, x, upper=False):
    """The regularized incomplete beta I_x(a, b), or 1 - I_x(a, b) when upper."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    x = mp.mpf(x)
    if x <= 0:
        return mp.mpf(1 if upper else 0)
    if x >= 1:
        return mp.mpf(0 if upper else 1)
    if min(a, b) <= SMALL_SHAPE:
        if is_whole(a) and is_whole(b):
            # I_x(a, b) = P(Y >= a), Y ~ Binomial(a + b - 1, x)
            value = binomial_upper(a, a + b - 1, x)
            return 1 - value if upper else value
        if a > b:
            # mpmath's series want the small shape first: I_x(a, b) = 1 - I_(1-x)(b, a)
            return ibeta(b, a, 1 - x, not upper)
        if upper:
            return mp.betainc(a, b, x, 1, regularized=True)
        return mp.betainc(a, b, 0, x, regularized=True)
    # both shapes large: integrate the smaller tail, complement at 80 digits if needed
    mean = a / (a + b)
    if x <= mean:
        lower_tail = ibeta_quad(a, b, x, False)
        return 1 - lower_tail if upper else lower_tail
    upper_tail = ibeta_quad(a, b, x, True)
    return upper_tail if upper else 1 - upper_tail


# ------------------------------------------------------------------------------ root finding


def solve_increasing(G, dG, target, start):
    """The t in (0, 1) with G(t) = target for an increasing G with G(0) = 0 and G(1) >= target,
    by Newton's method on log G in v = logit(t), bracketed; dG is dG/dt."""
    lo, hi = mp.mpf(-2000), mp.mpf(2000)  # v bracket: t from e^-2000 to 1 - e^-2000
    start = mp.mpf(start)
    v = mp.log(start / (1 - start))
    log_target = mp.log(target)
    for _ in range(400):
        t = 1 / (1 + mp.exp(-v))
        value = G(t)
        if value <= 0:
            lo = v
            v = v + 10 if hi - v > 20 else (v + hi) / 2
            continue
        r = mp.log(value) - log_target
        if r < 0:
            lo = v
        elif r > 0:
            hi = v
        else:
            return t
        slope = dG(t) * t * (1 - t) / value
        step = -r / slope if slope > 0 else mp.mpf(0)
        nxt = v + step
        if not (lo < nxt < hi) or slope <= 0:
            nxt = (lo + hi) / 2
        if abs(nxt - v) <= mp.mpf(10) ** -45 * max(1, abs(v)):
            t = 1 / (1 + mp.exp(-nxt))
            return t
        v = nxt
    raise RuntimeError("no convergence")


def solve_decreasing_target(Gc, minus_dGc, target, start):
    """The t with Gc(t) = target where Gc decreases from Gc(0) >= target to Gc(1) = 0: solve
    the mirror problem in s = 1 - t (Gc(1 - s) increases in s, with derivative -Gc'(1 - s))."""
    s = solve_increasing(lambda s: Gc(1 - s), lambda s: minus_dGc(1 - s), target, 1 - mp.mpf(start))
    return 1 - s


def beta_quantile_lower(p, a, b):
    """The t with I_t(a, b) = p."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    f = lambda t: mp.exp(log_density(t, a, b))
    return solve_increasing(lambda t: ibeta(a, b, t), f, p, start_point(p, a, b))


def beta_quantile_upper(q, a, b):
    """The t with 1 - I_t(a, b) = q, i.e. 1 - t solves I_{1-t}(b, a) = q."""
    return 1 - beta_quantile_lower(q, b, a)


def start_point(p, a, b):
    """A start inside (0, 1): the normal approximation in the middle, the power tail at the edges."""
    mean = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    zq = mp.sqrt(2) * mp.erfinv(2 * p - 1)
    t = mean + zq * sd
    if 0 < t < 1:
        return t
    # power-law tail: I_t ~ t^a / (a B(a, b))
    t = mp.exp((mp.log(p) + mp.log(a) + log_beta(a, b)) / a)
    return min(max(t, mp.mpf(10) ** -300), 1 - mp.mpf(10) ** -30)


# --------------------------------------------------------------------------- exact intervals


def clopper_pearson(x, n, tail):
    lower = mp.mpf(0) if x == 0 else beta_quantile_lower(tail, x, n - x + 1)
    upper = mp.mpf(1) if x == n else beta_quantile_upper(tail, x + 1, n - x)
    return lower, upper


def jeffreys(x, n, tail):
    a = mp.mpf(x) + mp.mpf(1) / 2
    b = mp.mpf(n - x) + mp.mpf(1) / 2
    lower = mp.mpf(0) if x == 0 else beta_quantile_lower(tail, a, b)
    upper = mp.mpf(1) if x == n else beta_quantile_upper(tail, a, b)
    return lower, upper


def mid_p(x, n, tail):
    n = int(n)
    x = int(x)
    if x == 0:
        lower = mp.mpf(0)
    elif x == n:
        lower = (2 * tail) ** (mp.mpf(1) / n)
    else:
        # 1/2 P(X = x) + P(X > x) = (I_p(x, n-x+1) + I_p(x+1, n-x)) / 2, increasing in p
        G = lambda t: (ibeta(x, n - x + 1, t) + ibeta(x + 1, n - x, t)) / 2
        dG = lambda t: (mp.exp(log_density(t, mp.mpf(x), mp.mpf(n - x + 1)))
                        + mp.exp(log_density(t, mp.mpf(x + 1), mp.mpf(n - x)))) / 2
        lower = solve_increasing(G, dG, tail, start_point(tail, x + mp.mpf(0.5), n - x + mp.mpf(0.5)))
        assert abs(G(lower) - tail) <= mp.mpf(10) ** -35 * tail
    if x == n:
        upper = mp.mpf(1)
    elif x == 0:
        upper = 1 - (2 * tail) ** (mp.mpf(1) / n)
    else:
        # 1/2 P(X = x) + P(X < x) = (1 - I_p(x+1, n-x) + 1 - I_p(x, n-x+1)) / 2, decreasing in p
        Gc = lambda t: (ibeta(x + 1, n - x, t, True) + ibeta(x, n - x + 1, t, True)) / 2
        minus_dGc = lambda t: (mp.exp(log_density(t, mp.mpf(x), mp.mpf(n - x + 1)))
                               + mp.exp(log_density(t, mp.mpf(x + 1), mp.mpf(n - x)))) / 2
        start = 1 - start_point(tail, n - x + mp.mpf(0.5), x + mp.mpf(0.5))
        upper = solve_decreasing_target(Gc, minus_dGc, tail, start)
        assert abs(Gc(upper) - tail) <= mp.mpf(10) ** -35 * tail
    return lower, upper


def one_sample(method, x, n, tail):
    z = critical(tail)
    if method == "wald":
        return wald(x, n, z)
    if method == "wilson":
        return wilson(x, n, z)
    if method == "wilson_cc":
        return wilson_cc(x, n, z)
    if method == "agresti_coull":
        return agresti_coull(x, n, z)
    if method == "clopper_pearson":
        return clopper_pearson(x, n, tail)
    if method == "jeffreys":
        return jeffreys(x, n, tail)
    if method == "mid_p":
        return mid_p(x, n, tail)
    if method == "logit":
        return logit(x, n, z)
    raise ValueError(method)


ONE_SAMPLE_METHODS = ["wald", "wilson", "wilson_cc", "agresti_coull", "clopper_pearson", "jeffreys", "mid_p",
                      "logit"]

# ---------------------------------------------------------------------------- two-sample methods


def bracketed_root(f, a, b, fa=None, fb=None, relative=mp.mpf(10) ** -45):
    """A root of f between a and b, where f changes sign (an end value may be infinite), by the
    Illinois variant of regula falsi with a bisection every fourth step; a step next to an end
    whose value is infinite goes 1/256 of the way from that end, so that a root very close to it
    (a rate of 1e-16 next to 0) is reached in a few steps.  Stops at a bracket of relative width
    `relative`."""
    fa = f(a) if fa is None else fa
    fb = f(b) if fb is None else fb
    if fa == 0:
        return a
    if fb == 0:
        return b
    assert (fa > 0) != (fb > 0), (a, b, fa, fb)
    side = 0
    for i in range(2000):
        if abs(b - a) <= relative * max(abs(a), abs(b)) or abs(b - a) <= mp.mpf(10) ** -300:
            break
        if mp.isinf(fa):
            c = a + (b - a) / 256
        elif mp.isinf(fb):
            c = b + (a - b) / 256
        elif i % 4 == 3:
            c = (a + b) / 2
        else:
            c = (a * fb - b * fa) / (fb - fa)
            if not (min(a, b) < c < max(a, b)):
                c = (a + b) / 2
        fc = f(c)
        if fc == 0:
            return c
        if (fc > 0) == (fb > 0):
            b, fb = c, fc
            if side == -1 and not mp.isinf(fa):
                fa /= 2
            side = -1
        else:
            a, fa = c, fc
            if side == 1 and not mp.isinf(fb):
                fb /= 2
            side = 1
    return (a + b) / 2


def restricted_after(xa, na, xb, nb, D):
    """argmax over r of xa ln r + (na-xa) ln(1-r) + xb ln(r-D) + (nb-xb) ln(1-r+D)."""
    lo = max(mp.mpf(0), D)
    hi = min(mp.mpf(1), 1 + D)
    if hi <= lo:
        return lo

    def score(r):
        s = mp.mpf(0)
        if xa:
            s += xa / r
        if na - xa:
            s -= (na - xa) / (1 - r)
        if xb:
            s += xb / (r - D)
        if nb - xb:
            s -= (nb - xb) / (1 - r + D)
        return s

    # the score at the ends (+inf or -inf where a log term blows up)
    def score_at_lo():
        if (xa and lo == 0) or (xb and lo == D):
            return mp.inf
        if (na - xa and lo == 1) or (nb - xb and lo == 1 + D):
            return -mp.inf
        return score(lo)

    def score_at_hi():
        if (na - xa and hi == 1) or (nb - xb and hi == 1 + D):
            return -mp.inf
        if (xa and hi == 0) or (xb and hi == D):
            return mp.inf
        return score(hi)

    at_lo = score_at_lo()
    if at_lo <= 0:
        return lo
    at_hi = score_at_hi()
    if at_hi >= 0:
        return hi
    return bracketed_root(score, lo, hi, at_lo, at_hi, mp.mpf(10) ** -60)


def mn_variance(xa, na, xb, nb, D):
    ra = restricted_after(xa, na, xb, nb, D)
    rb = ra - D
    N = mp.mpf(na + nb)
    return (ra * (1 - ra) / na + rb * (1 - rb) / nb) * N / (N - 1)


def miettinen_nurminen(xb, nb, xa, na, z):
    pa = mp.mpf(xa) / na
    pb = mp.mpf(xb) / nb
    d = pa - pb

    def excess(D):  # > 0 outside the interval
        return (d - D) ** 2 - z * z * mn_variance(xa, na, xb, nb, D)

    def bound(end):
        if d == end:
            return mp.mpf(end)
        # excess(d) <= 0 < excess(end): one crossing on each side of d.  Where V(d) = 0 (both
        # rates 0 or 1) excess(d) = 0 but excess < 0 just beside d, unless the interval is the point.
        inner = d
        if excess(d) == 0:
            inner = d + (end - d) * mp.mpf(10) ** -60
            if excess(inner) > 0:
                return d
        return bracketed_root(excess, inner, mp.mpf(end), None, None, mp.mpf(10) ** -42)

    return bound(-1), bound(1)


def newcombe(xb, nb, xa, na, z, limits):
    pa = mp.mpf(xa) / na
    pb = mp.mpf(xb) / nb
    la, ua = limits(xa, na, z)
    lb, ub = limits(xb, nb, z)
    d = pa - pb
    return d - mp.sqrt((pa - la) ** 2 + (ub - pb) ** 2), d + mp.sqrt((ua - pa) ** 2 + (pb - lb) ** 2)


def two_sample(method, xb, nb, xa, na, tail):
    z = critical(tail)
    if method == "wald":
        pa = mp.mpf(xa) / na
        pb = mp.mpf(xb) / nb
        half = z * mp.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
        return clip(pa - pb - half, -1, 1), clip(pa - pb + half, -1, 1)
    if method == "wald_cc":
        # R's prop.test(c(xa, xb), c(na, nb))$conf.int: Yates's correction min(1/2 (1/na + 1/nb), |d|)
        pa = mp.mpf(xa) / na
        pb = mp.mpf(xb) / nb
        d = pa - pb
        half = z * mp.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb) + min((mp.mpf(1) / na + mp.mpf(1) / nb) / 2, abs(d))
        return clip(d - half, -1, 1), clip(d + half, -1, 1)
    if method == "agresti_caffo":
        pa = (mp.mpf(xa) + 1) / (na + 2)
        pb = (mp.mpf(xb) + 1) / (nb + 2)
        half = z * mp.sqrt(pa * (1 - pa) / (na + 2) + pb * (1 - pb) / (nb + 2))
        return clip(pa - pb - half, -1, 1), clip(pa - pb + half, -1, 1)
    if method == "newcombe":
        return newcombe(xb, nb, xa, na, z, wilson)
    if method == "newcombe_cc":
        return newcombe(xb, nb, xa, na, z, wilson_cc)
    if method == "miettinen_nurminen":
        return miettinen_nurminen(xb, nb, xa, na, z)
    raise ValueError(method)


TWO_SAMPLE_METHODS = ["wald", "wald_cc", "agresti_caffo", "newcombe", "newcombe_cc", "miettinen_nurminen"]

# ------------------------------------------------------------------------------- self-checks


def close(expected, actual, tolerance=mp.mpf("1e-12")):
    return abs(mp.mpf(expected) - actual) <= tolerance


def check_against_shared_reference():
    bad = 0
    rows = list(csv.DictReader(open(os.path.join(REFERENCE, "single-proportion.csv"))))
    for r in rows:
        lo, up = one_sample(r["method"], int(r["recorded"]), int(r["audited"]), tail_of(r["confidence"]))
        if not (close(r["lower"], lo) and close(r["upper"], up)):
            bad += 1
            print("single-proportion.csv disagrees:", r, show(lo), show(up), file=sys.stderr)
    count = len(rows)
    rows = [r for r in csv.DictReader(open(os.path.join(REFERENCE, "two-proportion.csv"))) if r["lower"]]
    for r in rows:
        lo, up = two_sample(r["method"], int(r["recorded_before"]), int(r["audited_before"]),
                            int(r["recorded_after"]), int(r["audited_after"]), tail_of(r["confidence"]))
        if not (close(r["lower"], lo) and close(r["upper"], up)):
            bad += 1
            print("two-proportion.csv disagrees:", r, show(lo), show(up), file=sys.stderr)
    count += len(rows)
    if bad:
        sys.exit("%d of %d shared reference rows disagree" % (bad, count))
    print("shared reference: %d rows agree to 1e-12" % count, file=sys.stderr)


def check_incomplete_beta():
    # quadrature against mpmath.betainc and the binomial sum where those work
    for a, b, x in [(61, 70, "0.45"), (500, 400, "0.57"), (1000.5, 999.5, "0.49"), (2000, 61, "0.97"),
                    (61.5, 3000.5, "0.015"), (300, 300, "0.45")]:
        a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
        for upper in (False, True):
            q = ibeta_quad(a, b, x, upper) if (x <= a / (a + b)) != upper else None
            if q is None:
                continue
            ref = mp.betainc(a, b, x, 1, regularized=True) if upper else mp.betainc(a, b, 0, x, regularized=True)
            assert abs(q - ref) <= mp.mpf(10) ** -40 * ref, (a, b, x, upper, q, ref)
            if is_whole(a) and is_whole(b):
                s = binomial_upper(a, a + b - 1, x)
                s = 1 - s if upper else s
                assert abs(q - s) <= mp.mpf(10) ** -40 * s, (a, b, x, upper, q, s)
    # symmetry: I_{1/2}(a, a) = 1/2 exactly, up to 2^52
    for a in [mp.mpf(10) ** 4, mp.mpf(10) ** 9, mp.mpf(2) ** 52 + mp.mpf(1) / 2]:
        v = ibeta_quad(a, a, mp.mpf(1) / 2, False)
        assert abs(v - mp.mpf(1) / 2) <= mp.mpf(10) ** -40, (a, v)
    # betainc (small first shape) against the binomial sum at a huge second shape
    n = mp.mpf(2) ** 53
    for a, x in [(3, 2 / n), (20, 25 / n)]:
        ref = binomial_upper(a, a + n - 2, x)
        v = mp.betainc(a, n - 1, 0, x, regularized=True)
        assert abs(v - ref) <= mp.mpf(10) ** -40 * ref, (a, v, ref)
    print("incomplete beta: quadrature, betainc and binomial sums agree", file=sys.stderr)


def check_restricted_estimate():
    """The bisection MLE against the roots of Farrington and Manning's cubic (mpmath.polyroots)."""
    for xb, nb, xa, na in [(48, 80, 56, 70), (512, 640, 188, 202), (1, 34, 7, 34), (7, 9, 2, 13)]:
        for D in [mp.mpf(k) / 20 for k in range(-19, 20)]:
            r = restricted_after(xa, na, xb, nb, D)
            theta = mp.mpf(nb) / na
            pa = mp.mpf(xa) / na
            pb = mp.mpf(xb) / nb
            # Farrington and Manning (1990), eq. 5 (coefficients re-derived from the score equation)
            c3 = 1 + theta
            c2 = -(1 + theta + pa + theta * pb + D * (theta + 2))
            c1 = D * D + D * (2 * pa + theta + 1) + pa + theta * pb
            c0 = -pa * D * (1 + D)
            roots = [mp.re(t) for t in mp.polyroots([c3, c2, c1, c0], maxsteps=200, extraprec=200)
                     if abs(mp.im(t)) < mp.mpf(10) ** -30]
            lo, hi = max(0, D), min(1, 1 + D)
            feasible = [t for t in roots if lo - mp.mpf(10) ** -40 <= t <= hi + mp.mpf(10) ** -40]
            assert any(abs(t - r) < mp.mpf(10) ** -30 for t in feasible), (xb, nb, xa, na, D, r, roots)
    print("restricted estimate: bisection agrees with the cubic's feasible root", file=sys.stderr)


# --------------------------------------------------------------------------------- the grids

TWO53 = 2 ** 53
SIZES = [1, 2, 3, 5, 10, 29, 202, 1000, 10 ** 4, 10 ** 5, 10 ** 6, 10 ** 7, 10 ** 8, 10 ** 9, 10 ** 10,
         10 ** 12, 10 ** 14, 10 ** 15, 2 ** 52, TWO53 - 1, TWO53]
CONFIDENCES = ["0.000001", "0.001", "0.5", "0.95", "0.999999", "0.999999999"]


def counts(n):
    xs = {0, 1, 2, n // 2, n - 2, n - 1, n}
    if n >= 10 ** 6:
        xs.add(n // 1000)  # a rate of 1e-3 with large shapes
    return sorted(x for x in xs if 0 <= x <= n)


def single_rows(progress):
    rows = []
    start = time.time()
    for n in SIZES:
        for x in counts(n):
            for conf in CONFIDENCES:
                tail = tail_of(conf)
                for method in ONE_SAMPLE_METHODS:
                    if method == "logit" and (x == 0 or x == n):
                        continue  # undefined there (README); the library's convention is tested apart
                    lower, upper = one_sample(method, x, n, tail)
                    assert lower <= upper, (x, n, conf, method, lower, upper)
                    rows.append([str(x), str(n), conf, method, show(lower), show(upper)])
        if progress:
            print("  one sample: n = %d done (%d rows, %.0f s)" % (n, len(rows), time.time() - start),
                  file=sys.stderr)
    return rows


GROUPS = [1, 2, 10, 202, 10 ** 4, 10 ** 6, 10 ** 8, 10 ** 10, 10 ** 12, 10 ** 14, 10 ** 15, TWO53 - 1, TWO53]
CROSS = [(202, 640), (10, TWO53), (TWO53, 10), (10 ** 6, 10 ** 15), (10 ** 15, 10 ** 6), (TWO53 - 1, TWO53),
         (10 ** 8, 10 ** 8 + 1)]
TWO_CONFIDENCES = ["0.000001", "0.5", "0.95", "0.999999", "0.999999999"]


def pairs_of_counts(nb, na):
    """(xb, xa) pairs: rates at 0, near 0, a half, near 1, 1, and mixed."""
    def near(n):
        return sorted({0, 1, n // 2, n - 1, n})
    chosen = set()
    for xb in near(nb):
        for xa in near(na):
            # keep the informative combinations: equal kinds, neighbours and the extremes
            kind_b = near(nb).index(xb)
            kind_a = near(na).index(xa)
            if abs(kind_a - kind_b) <= 1 or {kind_a, kind_b} == {0, 4}:
                chosen.add((xb, xa))
    if na == nb and na >= 4:
        chosen.add((na // 2, na // 2 + 1))
        chosen.add((na - 2, na - 1))
    return sorted(chosen)


def two_rows(progress):
    rows = []
    start = time.time()
    tables = [(n, n) for n in GROUPS] + CROSS
    for nb, na in tables:
        for xb, xa in pairs_of_counts(nb, na):
            for conf in TWO_CONFIDENCES:
                tail = tail_of(conf)
                for method in TWO_SAMPLE_METHODS:
                    lower, upper = two_sample(method, xb, nb, xa, na, tail)
                    assert lower <= upper, (xb, nb, xa, na, conf, method, lower, upper)
                    rows.append([str(xb), str(nb), str(xa), str(na), conf, method, show(lower), show(upper), "", ""])
        if progress:
            print("  two samples: %d vs %d done (%d rows, %.0f s)" % (nb, na, len(rows), time.time() - start),
                  file=sys.stderr)
    return rows


# ------------------------------------------------------------------------------- all-crime Wilson

DESIGNS = {
    # design: [(category, recorded, audited, volume)]
    "huge-rare": [("violence", 1, 10 ** 14, 25000), ("sexual offences", 3, 10 ** 13, 2500),
                  ("other crime", 2, 10 ** 14, 35000)],
    "huge-all": [("violence", 10 ** 14 - 1, 10 ** 14, 25000), ("sexual offences", 10 ** 13 - 3, 10 ** 13, 2500),
                 ("other crime", 10 ** 14, 10 ** 14, 35000)],
    "huge-middle": [("violence", 9 * 10 ** 14, 10 ** 15, 25000), ("other crime", 2 ** 51, 2 ** 52, 35000)],
    "one-category-2^53": [("violence", 1, TWO53, 1000)],
    "one-category-rare": [("violence", 1, 10 ** 15, 1000)],
    "mixed": [("violence", 180, 202, 25000), ("other crime", 1, 10 ** 12, 35000)],
    "seed": [("violence", 180, 202, 25000), ("sexual offences", 131, 132, 2500), ("other crime", 211, 220, 35000)],
}
ALL_CRIME_CONFIDENCES = ["0.000001", "0.95", "0.999999999"]


def all_crime_wilson(categories, variance, z):
    total = mp.mpf(sum(c[3] for c in categories))
    p = mp.fsum(mp.mpf(v) * x / n for _, x, n, v in categories) / total
    if variance == "binomial":
        V = mp.fsum((mp.mpf(v) / total) ** 2 * (mp.mpf(x) / n) * (1 - mp.mpf(x) / n) / n for _, x, n, v in categories)
    else:
        V = mp.fsum((mp.mpf(v) / total) ** 2 * max(0, 1 - mp.mpf(n) / v) * (mp.mpf(x) / n) * (1 - mp.mpf(x) / n)
                    / (n - 1) for _, x, n, v in categories)
    if p == 0 or p == 1:
        n_eff = mp.mpf(sum(c[2] for c in categories))
    else:
        n_eff = p * (1 - p) / V
    c = z * z / n_eff
    root = mp.sqrt(c * (p * (1 - p) + c / 4))
    lower = mp.mpf(0) if p == 0 else (p + c / 2 - root) / (1 + c)
    upper = mp.mpf(1) if p == 1 else (p + c / 2 + root) / (1 + c)
    return p, n_eff, lower, upper


def all_crime_rows():
    designs = []
    results = []
    for name, categories in DESIGNS.items():
        for category, x, n, v in categories:
            designs.append([name, category, str(x), str(n), str(v)])
        for conf in ALL_CRIME_CONFIDENCES:
            z = critical(tail_of(conf))
            # the survey variance with volume as population needs volume >= audited
            for variance in ("binomial", "survey"):
                if variance == "survey" and any(v < n for _, _, n, v in categories):
                    continue
                p, n_eff, lower, upper = all_crime_wilson(categories, variance, z)
                results.append([name, conf, variance, show(p), show(n_eff), show(lower), show(upper)])
    return designs, results


# -------------------------------------------------------------------------------------- main


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print("wrote %s (%d rows)" % (name, len(rows)), file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check-only", action="store_true", help="run the self-checks and stop")
    parser.add_argument("--only", choices=["single", "two", "allcrime"], help="write one file (pair) only")
    args = parser.parse_args()
    check_incomplete_beta()
    check_restricted_estimate()
    check_against_shared_reference()
    if args.check_only:
        return
    if args.only in (None, "allcrime"):
        designs, results = all_crime_rows()
        write("all-crime-wilson-designs.csv", ["design", "category", "recorded", "audited", "volume"], designs)
        write("all-crime-wilson-results.csv",
              ["design", "confidence", "variance", "estimate", "effective_audited", "lower", "upper"], results)
    if args.only in (None, "two"):
        write("two-proportion-extended.csv",
              ["recorded_before", "audited_before", "recorded_after", "audited_after", "confidence", "method",
               "lower", "upper", "statistic", "p_value"], two_rows(True))
    if args.only in (None, "single"):
        write("single-proportion-extended.csv", ["recorded", "audited", "confidence", "method", "lower", "upper"],
              single_rows(True))


if __name__ == "__main__":
    main()
