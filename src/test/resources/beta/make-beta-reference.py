#!/usr/bin/python3
"""Reference values for org.recordingrate.internal.Beta, written to beta-reference.csv.

Run with Debian's interpreter and packages (python3-mpmath, python3-scipy):

    /usr/bin/python3 src/test/resources/beta/make-beta-reference.py > src/test/resources/beta/beta-reference.csv

Every value is computed with mpmath at 50 significant digits from the exact binary value of the
double inputs (a, b, x, p are written with repr(), which round-trips), and printed to 25 digits.

How the values are computed, and checked a second way:
  * I_x(a, b) and 1 - I_x(a, b): the continued fraction of Numerical Recipes (6.4.5) evaluated
    with the modified Lentz method to 1e-45, on the tail left of the mean (x < (a+1)/(a+b+2)),
    otherwise on the mirror image I_{1-x}(b, a); the other tail is 1 minus it, which at 50 digits
    loses nothing that matters. The continued fraction converges for every shape; mpmath's own
    betainc (a hypergeometric series) does not for large shapes, so it is only the check:
      - against mpmath.betainc where 1e-3 <= a, b <= 200 (for 1 - I_x(a, b) as I_{1-x}(b, a), where
        x > 1e-30 so that 1 - x is exact);
        betainc is wrong for shapes like 1e-20,
      - for a shape below 1/2, against numerical integration (mpmath.quad) of
        I_x(a, b) = x^a / (a B(a, b)) * integral_0^1 (1 - x s^(1/a))^(b - 1) ds (t = x s^(1/a)),
        on the side where x is at most 1/2,
      - against the binomial sum P(X >= a), X ~ Binomial(a + b - 1, x), for integer a, b with
        a + b - 1 <= 2e9 (summed term by term from the pmf until the terms are below 1e-48),
    and the script stops if any check differs by more than 1e-30 (relative).
  * the quantile x with I_x(a, b) = p: Newton's method on log I in log x, in mpmath, on the side
    where the answer is at most 1/2 (solving I_y(b, a) = 1 - p for y = 1 - x otherwise), kept in
    a bracket, to a step below 1e-42; then checked by evaluating the solved tail at the root
    (relative residual at most 1e-35).
  * log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b) at 50 digits (60 for the check).

Columns: kind,a,b,arg,value,complement
  cdf       arg = x, value = I_x(a, b), complement = 1 - I_x(a, b)
  quantile  arg = p, value = x with I_x(a, b) = p, complement = 1 - x
  logbeta   arg empty, value = ln B(a, b), complement empty
A value below the smallest double (about 4.9e-324) is written as it is (e.g. 1.2e-400); Java
reads it as 0.
"""
import sys

import mpmath as mp
from scipy import special

mp.mp.dps = 50
TOL = mp.mpf(10) ** -45


def log_beta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def continued_fraction(a, b, x):
    """NR (6.4.5) by modified Lentz; converges fast for x < (a+1)/(a+b+2)."""
    tiny = mp.mpf(10) ** -400
    c = mp.mpf(1)
    d = 1 - (a + b) * x / (a + 1)
    d = 1 / (d if d != 0 else tiny)
    h = d
    for m in range(1, 10 ** 7):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((a - 1 + m2) * (a + m2)),
                   -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2))):
            d = 1 + aa * d
            c = 1 + aa / c
            d = 1 / (d if d != 0 else tiny)
            c = c if c != 0 else tiny
            delta = d * c
            h *= delta
        if abs(delta - 1) < TOL:
            return h
    raise RuntimeError("continued fraction did not converge for %r %r %r" % (a, b, x))


def left_tail(a, b, x):
    """I_x(a, b) for x left of the mean (direct continued fraction)."""
    log_front = a * mp.log(x) + b * mp.log1p(-x) - log_beta(a, b) - mp.log(a)
    return mp.exp(log_front) * continued_fraction(a, b, x)


def tails(a, b, x):
    """(I_x(a, b), 1 - I_x(a, b)) with a, b, x exact mpf, 0 < x < 1."""
    if x < (a + 1) / (a + b + 2):
        lower = left_tail(a, b, x)
        return lower, 1 - lower
    upper = left_tail(b, a, 1 - x)
    return 1 - upper, upper


def integral_tail(a, b, x):
    """I_x(a, b) by quadrature after t = x s^(1/a), which takes the t^(a-1) singularity out; with
    s = 1 - r the steep part of s^(1/a) (width about a) sits at r = 0, where the split points are."""
    points = [mp.mpf(0)] + [mp.mpf(10) ** -k for k in range(30, 0, -2)] + [mp.mpf(1)]
    integral = mp.quad(lambda r: (1 - x * (1 - r) ** (1 / a)) ** (b - 1), points)
    return mp.exp(a * mp.log(x) - log_beta(a, b) - mp.log(a)) * integral


def sum_pmf(n, start, x, step):
    """P(X >= start) (step +1) or P(X <= start) (step -1), X ~ Binomial(n, x), from the pmf at
    start onwards; start must lie on the far side of the mode so that the terms decrease."""
    if start < 0 or start > n:
        return mp.mpf(0)
    log_term = (mp.loggamma(n + 1) - mp.loggamma(start + 1) - mp.loggamma(n - start + 1)
                + start * mp.log(x) + (n - start) * mp.log1p(-x))
    term = mp.exp(log_term)
    total = term
    ratio = x / (1 - x)
    k = start
    while True:
        if step > 0:
            if k >= n:
                break
            term *= (n - k) / mp.mpf(k + 1) * ratio
        else:
            if k <= 0:
                break
            term *= k / mp.mpf(n - k + 1) / ratio
        k += step
        total += term
        if term < total * mp.mpf(10) ** -48:
            break
    return total


def check(name, value, other, inputs):
    scale = max(abs(value), abs(other))
    if scale > mp.mpf(10) ** -4000 and abs(value - other) > mp.mpf(10) ** -30 * scale:
        raise SystemExit("check failed for %s %s: %s vs %s" % (name, inputs, mp.nstr(value, 40), mp.nstr(other, 40)))


def checked_tails(a, b, x):
    A, B, X = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    lower, upper = tails(A, B, X)
    if min(a, b) < 0.5:
        if x <= 0.5:
            check("quad", lower, integral_tail(A, B, X), (a, b, x))
        else:
            check("quad upper", upper, integral_tail(B, A, 1 - X), (a, b, x))
    if 1e-3 <= min(a, b) and max(a, b) <= 200:
        check("betainc", lower, mp.betainc(A, B, 0, X, regularized=True), (a, b, x))
        if x > 1e-30:  # below, 1 - x is no longer exact at 50 digits
            check("betainc upper", upper, mp.betainc(B, A, 0, 1 - X, regularized=True), (a, b, x))
    if a == int(a) and b == int(b) and a + b - 1 <= 2e9:
        # I_x(a, b) = P(X >= a) and 1 - I_x(a, b) = P(X <= a - 1): sum the side away from the mode
        n, k = int(a + b - 1), int(a)
        mp.mp.dps = 60
        if k > (n + 1) * X:
            check("binomial", lower, sum_pmf(n, k, X, +1), (a, b, x))
        else:
            check("binomial", upper, sum_pmf(n, k - 1, X, -1), (a, b, x))
        mp.mp.dps = 50
    return lower, upper


def solve_small(a, b, target):
    """t in (0, 1/2] with I_t(a, b) = target, given I_{1/2}(a, b) >= target."""
    log_target = mp.log(target)
    lo, hi = mp.mpf(-3000), mp.log(mp.mpf(0.5))  # bracket in u = log t
    guess = special.betaincinv(float(a), float(b), float(target))
    u = mp.log(guess) if 0 < guess < 0.5 else (lo + hi) / 2
    for _ in range(2000):
        t = mp.exp(u)
        lower, _ = tails(a, b, t)
        g = mp.log(lower) - log_target
        if g > 0:
            hi = u
        else:
            lo = u
        density = mp.exp((a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - log_beta(a, b))
        slope = t * density / lower  # d log I / d log t
        step = g / slope
        new_u = u - step
        if not (lo < new_u < hi):
            new_u = (lo + hi) / 2
        if abs(new_u - u) < mp.mpf(10) ** -42:
            return mp.exp(new_u)
        u = new_u
    raise RuntimeError("no convergence %r %r %r" % (a, b, target))


def quantile(a, b, p):
    """x with I_x(a, b) = p, and 1 - x, both to 50 digits."""
    A, B, P = mp.mpf(a), mp.mpf(b), mp.mpf(p)
    half_lower, _ = tails(A, B, mp.mpf(0.5))
    if P <= half_lower:
        x = solve_small(A, B, P)
        y = 1 - x
        residual = tails(A, B, x)[0] / P - 1
    else:
        y = solve_small(B, A, 1 - P)
        x = 1 - y
        residual = tails(B, A, y)[0] / (1 - P) - 1
    if abs(residual) > mp.mpf(10) ** -35:
        raise SystemExit("quantile check failed %r %r %r" % (a, b, p))
    return x, y


def fmt(v):
    return mp.nstr(v, 25, min_fixed=0, max_fixed=0) if v != 0 else "0"


def emit(kind, a, b, arg, value, complement):
    print("%s,%r,%r,%s,%s,%s" % (kind, a, b, "" if arg is None else repr(arg),
                                fmt(value), "" if complement is None else fmt(complement)))
    sys.stdout.flush()


GRID = [0.5, 1.0, 1.5, 2.0, 3.7, 7.25, 10.0, 33.3, 100.5, 1000.0, 12345.5, 1e5, 1000000.5, 1e7, 1e9]
LEVELS = [1e-12, 1e-5, 0.025, 0.3, 0.5, 0.7, 0.975, 1 - 1e-5, 1 - 1e-12]
FIXED_X = [1e-300, 1e-100, 1e-10, 1e-3, 0.5, 1 - 1e-3, 1 - 1e-10]
QUANTILE_P = [1e-12, 1e-8, 0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995, 1 - 1e-8, 1 - 1e-12]
INTERVAL_P = [0.005, 0.025, 0.05, 0.95, 0.975, 0.995]
SIZES = [1, 2, 10, 202, 1000, 10 ** 5, 10 ** 6, 10 ** 7, 10 ** 9]
# shapes below 1/2 (Korn-Graubard effective sizes can be small; TOMS 708 has series for shapes
# below 1e-15), at fixed points only: the inverse of scipy is unreliable there
TINY = [1e-20, 1e-5, 0.05, 0.2]
TINY_PARTNERS = [1e-20, 0.05, 0.5, 3.7, 1000.0, 1e9]
TINY_X = [1e-100, 1e-10, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-10]


def grid_points(a, b):
    xs = set(FIXED_X)
    for p in LEVELS:
        x = float(special.betaincinv(a, b, p))
        if 0 < x < 1:
            xs.add(x)
    return sorted(xs)


def interval_shapes(n):
    """(a, b) of Clopper-Pearson (x, n-x+1), (x+1, n-x) and Jeffreys (x+1/2, n-x+1/2)."""
    tallies = sorted({t for t in (0, 1, 2, 5, n // 2, n - 5, n - 2, n - 1, n) if 0 <= t <= n})
    shapes = []
    for x in tallies:
        if x >= 1:
            shapes.append((float(x), float(n - x + 1)))
        if x <= n - 1:
            shapes.append((float(x + 1), float(n - x)))
        shapes.append((x + 0.5, n - x + 0.5))
    return sorted(set(shapes))


def main():
    print("kind,a,b,arg,value,complement")
    for a in GRID:
        for b in GRID:
            emit("logbeta", a, b, None, log_beta(mp.mpf(a), mp.mpf(b)), None)
            for x in grid_points(a, b):
                lower, upper = checked_tails(a, b, x)
                emit("cdf", a, b, x, lower, upper)
    for small in TINY:
        for other in TINY_PARTNERS:
            for a, b in sorted({(small, other), (other, small)}):
                for x in TINY_X:
                    lower, upper = checked_tails(a, b, x)
                    emit("cdf", a, b, x, lower, upper)
    quantile_grid = [0.5, 1.0, 3.7, 10.0, 100.5, 12345.5, 1000000.5, 1e9]
    for a in quantile_grid:
        for b in quantile_grid:
            for p in QUANTILE_P:
                x, y = quantile(a, b, p)
                emit("quantile", a, b, p, x, y)
    for n in SIZES:
        for a, b in interval_shapes(n):
            for p in INTERVAL_P:
                x, y = quantile(a, b, p)
                emit("quantile", a, b, p, x, y)
                lower, upper = checked_tails(a, b, float(x))
                emit("cdf", a, b, float(x), lower, upper)


if __name__ == "__main__":
    main()
