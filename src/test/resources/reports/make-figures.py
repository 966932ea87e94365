#!/usr/bin/env python3
"""Independent numbers for the synthetic reports (python3, standard library only).

Prints, for each tally behind a figure, the rate and Wald margin to one decimal; for each
comparison the two-sample z-test on the published figures (z = change / sqrt((m1/z)^2 + (m0/z)^2),
two-sided p = erfc(|z|/sqrt 2)); the volumes consistent with each "more than N" (allowing the
rounding of the rate: N lo/(1 - lo) <= V < (N + unit) hi/(1 - hi)); and, by brute force over
every x of every n up to 5,000, the audited counts n at which some tally reproduces a figure.
"""
import math
from fractions import Fraction as F

Z95 = 1.959963984540054   # R: qnorm(0.975)
Z99 = 2.5758293035489004  # R: qnorm(0.995)


def figure(x, n, z=Z95):
    p = x / n
    return round(100 * p, 1), round(100 * z * math.sqrt(p * (1 - p) / n), 1)


def ztest(r1, m1, r0, m0, z=Z95):
    se = math.hypot(m1 / z, m0 / z)
    zz = (r1 - r0) / se
    return zz, math.erfc(abs(zz) / math.sqrt(2))


def volume_range(more_than, rate_text, unit):
    decimals = len(rate_text.split('.')[1]) if '.' in rate_text else 0
    half = F(5, 10 ** (decimals + 1))
    lo = (F(rate_text) - half) / 100
    hi = (F(rate_text) + half) / 100
    lower = math.ceil(more_than * lo / (1 - lo))
    upper = math.ceil((more_than + unit) * hi / (1 - hi)) - 1
    return lower, upper


def reproducing(rate_text, margin_text, z=Z95, n_max=5000):
    def half(t):
        d = len(t.split('.')[1]) if '.' in t else 0
        return 5 / 10 ** (d + 1)
    r, m = float(rate_text), float(margin_text)
    hr, hm = half(rate_text), half(margin_text)
    found = []
    for n in range(1, n_max + 1):
        for x in range(max(0, math.floor(n * (r - hr) / 100) - 1), min(n, math.ceil(n * (r + hr) / 100) + 1) + 1):
            p = x / n
            if abs(100 * p - r) <= hr + 1e-12 and abs(100 * z * math.sqrt(p * (1 - p) / n) - m) <= hm * (1 + 1e-9):
                found.append((x, n))
    return found


if __name__ == '__main__':
    print('tallies behind the figures')
    for x, n in [(402, 440), (301, 342), (276, 330), (188, 196), (150, 171), (455, 474), (97, 104), (88, 101),
                 (370, 400), (925, 1000), (180, 202), (512, 640), (95, 97)]:
        print(f'  {x}/{n}: {figure(x, n)}')
    print('  180/202 at 99%:', figure(180, 202, Z99))
    print('z-tests')
    for args in [(91.4, 2.6, 86.2, 2.0), (88.0, 3.4, 83.6, 4.0), (95.9, 2.8, 87.7, 4.9), (91.4, 2.6, 96.0, 1.8),
                 (93.3, 4.8, 87.1, 6.5), (90.1, 3.0, 88.9, 2.8), (89.1, 4.3, 80.0, 3.1)]:
        print(f'  {args}: z = {ztest(*args)[0]!r}, p = {ztest(*args)[1]!r}')
    print('volumes consistent with "more than N"')
    for n, rate, unit in [(7500, '91.4', 100), (2100, '88.0', 100), (9000, '90.1', 100), (1900, '92.5', 100),
                          (4500, '93.2', 100)]:
        print(f'  {n} at {rate}: {volume_range(n, rate, unit)}')
    print('tallies reproducing a figure (n up to 5,000)')
    for rate, margin in [('99.0', '1.7'), ('81.37', '3.23'), ('89.1', '4.3'), ('88.0', '3.4'), ('93.3', '4.8')]:
        found = reproducing(rate, margin)
        ns = sorted({n for _, n in found})
        print(f'  {rate} +/- {margin}: {len(found)} tallies' + (f', n {ns[0]} to {ns[-1]}, first {found[0]}' if found else ''))
