"""Reference values for the gamma-function pieces of BetaBinomialGrid (BetaBinomialGridExactTest), in 50-digit
arithmetic with mpmath 1.3.0. Run: python3 make-grid-reference.py (prints the values the test quotes).

  stirling(z)  = loggamma(z) - ((z - 1/2) log z - z + log(2 pi) / 2)
  rising(z, k) = loggamma(z + k) - loggamma(z)
  L(u, v)      = log alpha + log beta - 5/2 log(alpha + beta)
                 + sum_i [log B(alpha + x_i, beta + n_i - x_i) - log B(alpha, beta)],
                 alpha = e^v / (1 + e^-u), beta = e^v / (1 + e^u)  (Gelman et al. 2013, BDA3, section 5.3)
"""
import mpmath as mp

mp.mp.dps = 50

print("stirling")
for z in ["15", "15.5", "20", "37.25", "100", "12345.5", "1e8"]:
    zz = mp.mpf(z)
    print(z, mp.nstr(mp.loggamma(zz) - ((zz - mp.mpf(1) / 2) * mp.log(zz) - zz + mp.log(2 * mp.pi) / 2), 25))

print("rising")
for z, k in [("0.5", "180"), ("14.9", "3.5"), ("15", "0.5"), ("15", "200"), ("20", "3.7"), ("1000", "180"),
             ("1e10", "22.5"), ("1e30", "200"), ("123456.75", "1e5")]:
    zz, kk = mp.mpf(z), mp.mpf(k)
    print(z, k, mp.nstr(mp.loggamma(zz + kk) - mp.loggamma(zz), 25))

X = [180, 90, 45.5, 200]
N = [202, 100, 60, 210]


def L(u, v):
    u, v = mp.mpf(u), mp.mpf(v)
    a = mp.exp(v) / (1 + mp.exp(-u))
    b = mp.exp(v) / (1 + mp.exp(u))
    s = mp.log(a) + mp.log(b) - mp.mpf(5) / 2 * mp.log(a + b)
    for x, n in zip(X, N):
        x, n = mp.mpf(x), mp.mpf(n)
        s += mp.log(mp.beta(a + x, b + n - x)) - mp.log(mp.beta(a, b))
    return s


print("logPosterior differences from (2, 3)")
base = L(2, 3)
for u, v in [(1.5, 2), (2.5, 4), (-1, 1), (3, 10), (2, 25), (1, 70), (31, 2), (-31, 3), (0, -2)]:
    print(u, v, mp.nstr(L(u, v) - base, 25))

# the mode (u*, v*) of L by Newton's method on the exact gradient (mpmath.findroot, 50 digits), and the
# curvatures -d2L/du2 and -d2L/dv2 there (mpmath.diff), for the same counts
def grad(u, v):
    return [mp.diff(lambda t: L(t, v), u), mp.diff(lambda t: L(u, t), v)]


ustar, vstar = mp.findroot(lambda u, v: grad(u, v), (mp.mpf(2), mp.mpf(3)))
print("mode u*", mp.nstr(ustar, 25), "v*", mp.nstr(vstar, 25))
print("-L_uu", mp.nstr(-mp.diff(lambda t: L(t, vstar), ustar, 2), 25))
print("-L_vv", mp.nstr(-mp.diff(lambda t: L(ustar, t), vstar, 2), 25))
