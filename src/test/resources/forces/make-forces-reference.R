# Reference values for org.recordingrate.forces, made independently of the Java code with R 4.2.2,
# metafor 3.8-1 (Debian r-cran-metafor) and VGAM 1.1-7 (r-cran-vgam). Run from the repository root:
#
#   Rscript src/test/resources/forces/make-forces-reference.R
#
# It writes forces-reference-*.csv beside itself. The tests read those files (R is not needed to run
# them). What each part reproduces:
#
# * FunnelPlotR's over-dispersion (nhs-r-community/FunnelPlotR, R/od_adjustment.R: winsorisation(),
#   phi_func(), tau_func()), transcribed below with its own names, on the z-scores of the issue
#   (p - target) / sqrt(target (1 - target) / n) (FunnelPlotR itself uses the arcsine scale for
#   proportions; the formulas for phi and tau2 are the same on any scale);
# * metafor's rma(yi, vi, method = "DL") and blup(), called as they are;
# * metafor's escalc(measure = "PR") for tallies (adds 1/2 to a tally of none or all recorded);
# * ebbr's ebb_fit_prior() (dgrtwo/ebbr, R/ebb_fit_prior.R): method "mm" transcribed; method "mle" run
#   exactly as ebbr does (VGAM::dbetabinom.ab, stats4::mle, L-BFGS-B, lower 1e-9), and the maximum
#   found again to full precision with optim(BFGS) on the log scale from ebbr's answer;
# * rank critical values of Mogstad, Romano, Shaikh and Wilhelm (2024): the marginal ones exactly, by
#   quadrature of P(T_j <= c) = integral of phi(u) prod_k [Phi((s_j u + c s_jk)/s_k) - Phi((s_j u - c
#   s_jk)/s_k)] du and uniroot; for equal variances the simultaneous one is qtukey(level, I, Inf) / sqrt(2);
#   and csranks' single-step csdiffmeans() (danielwilhelm/R-CS-ranks, R/diffmeans.R) transcribed, with
#   R's own random numbers, for comparison.

suppressMessages({
  library(metafor)
  library(VGAM)
  library(stats4)
})
options(digits = 17)
here <- "src/test/resources/forces"
z95 <- qnorm(0.975)

# ---- FunnelPlotR, R/od_adjustment.R (transcribed) ----
winsorisation <- function(Uzscore, trim_by = 0.1) {
  lz <- quantile(x = Uzscore, trim_by, na.rm = TRUE)
  uz <- quantile(x = Uzscore, (1 - trim_by), na.rm = TRUE)
  list(lz = unname(lz), uz = unname(uz),
       Wuzscore = ifelse(Uzscore < lz, lz, ifelse(Uzscore > uz, uz, Uzscore)))
}
phi_func <- function(n, zscores) (1 / n) * sum(zscores^2)
tau_func <- function(n, phi, S) {
  if ((n * phi) < (n - 1)) return(0)
  max(0, ((sum(n) * sum(phi)) - (sum(n) - 1)) / (sum(1 / (S^2)) - (sum((1 / (S^2))^2) / sum(1 / (S^2)))))
}

# ---- exact marginal rank critical values ----
marginal_cdf <- function(j, c, v) {
  s <- sqrt(v)
  f <- function(u) {
    out <- dnorm(u)
    for (k in seq_along(v)) {
      if (k == j) next
      sjk <- sqrt(v[j] + v[k])
      out <- out * (pnorm((s[j] * u + c * sjk) / s[k]) - pnorm((s[j] * u - c * sjk) / s[k]))
    }
    out
  }
  integrate(f, -12, 12, subdivisions = 2000L, rel.tol = 1e-13, abs.tol = 0)$value
}
marginal_critical <- function(v, level) {
  sapply(seq_along(v), function(j) {
    c <- uniroot(function(c) marginal_cdf(j, c, v) - level, c(0.5, 10), tol = 1e-13)$root
    h <- 1e-5
    density <- (marginal_cdf(j, c + h, v) - marginal_cdf(j, c - h, v)) / (2 * h)
    c(critical = c, density = density)
  })
}
rank_intervals <- function(x, v, cj, csim) {
  I <- length(x)
  out <- matrix(0L, I, 5, dimnames = list(NULL, c("rank", "rank_lower", "rank_upper", "rank_lower_simultaneous",
                                                   "rank_upper_simultaneous")))
  for (j in 1:I) {
    k <- setdiff(1:I, j)
    s <- sqrt(v[j] + v[k])
    d <- x[k] - x[j]
    out[j, ] <- c(1L + sum(d > 0), 1L + sum(d > cj[j] * s), I - sum(-d > cj[j] * s),
                  1L + sum(d > csim * s), I - sum(-d > csim * s))
  }
  out
}

# ---- csranks' single-step critical values (R/diffmeans.R, stepdown = FALSE, cstype "symmetric") ----
csranks_critical <- function(v, level, R, seed) {
  set.seed(seed)
  I <- length(v)
  Z <- MASS::mvrnorm(R, mu = rep(0, I), Sigma = diag(v))
  sd <- sqrt(outer(v, v, "+"))
  Tj <- matrix(0, R, I)
  for (j in 1:I) {
    k <- setdiff(1:I, j)
    Tj[, j] <- apply(abs(Z[, j] - Z[, k, drop = FALSE]) / matrix(sd[j, k], R, I - 1, byrow = TRUE), 1, max)
  }
  c(marginal = apply(Tj, 2, quantile, probs = level), simultaneous = unname(quantile(apply(Tj, 1, max), level)))
}

# ---- one data set: the funnel, DerSimonian-Laird and ranks ----
analyse <- function(name, force, p, v, n, yi = p, volume = NULL, region = NULL) {
  target <- sum(n * p) / sum(n)
  s <- sqrt(target * (1 - target) / n)
  z <- (p - target) / s
  I <- length(p)
  w <- winsorisation(z, 0.1)
  phi <- phi_func(I, w$Wuzscore)
  tau2 <- tau_func(I, phi, s)
  add <- sqrt(s^2 + tau2)
  mul <- sqrt(phi) * s
  clip <- function(x) pmin(1, pmax(0, x))
  fit <- rma(yi = yi, vi = v, method = "DL")
  b <- blup(fit)
  crit <- marginal_critical(v, 0.95)
  cs <- csranks_critical(v, 0.95, 20000, 1)
  ranks <- rank_intervals(p, v, crit["critical", ], max(cs["simultaneous"], max(crit["critical", ])))
  rows <- data.frame(force = force, rate = p, variance = v, effective_audited = n, z = z,
                     z_winsorised = w$Wuzscore,
                     lower95_additive = clip(target - z95 * add), upper95_additive = clip(target + z95 * add),
                     lower998_additive = clip(target - qnorm(0.999) * add),
                     upper998_additive = clip(target + qnorm(0.999) * add),
                     lower95_multiplicative = clip(target - z95 * mul), upper95_multiplicative = clip(target + z95 * mul),
                     z_additive = (p - target) / add, z_multiplicative = z / sqrt(phi),
                     yi = yi, blup = b$pred, blup_se = b$se, blup_lower = b$pi.lb, blup_upper = b$pi.ub,
                     critical = crit["critical", ], critical_density = crit["density", ],
                     csranks_critical = cs[1:I])
  rows <- cbind(rows, ranks[, "rank", drop = FALSE], ranks[, c("rank_lower", "rank_upper")])
  write.csv(rows, file.path(here, paste0("forces-reference-", name, ".csv")), row.names = FALSE)
  scalars <- data.frame(dataset = name, forces = I, target = target, lower_z = w$lz, upper_z = w$uz, phi = phi,
                        tau2 = tau2, p_value = pchisq(I * phi, I - 1, lower.tail = FALSE),
                        dl_tau2 = fit$tau2, dl_mu = as.numeric(fit$beta), dl_se = fit$se, dl_q = fit$QE,
                        dl_i2 = fit$I2 / 100, csranks_simultaneous = unname(cs["simultaneous"]))
  if (!is.null(volume)) {
    W <- volume / sum(volume)
    national <- sum(W * p)
    se <- sqrt(sum(W^2 * v))
    scalars$national_rate <- national
    scalars$national_lower <- max(0, national - z95 * se)
    scalars$national_upper <- min(1, national + z95 * se)
  }
  scalars
}

scalars <- list()

# A. 38 synthetic published all-crime figures (make-published-38.py)
pub <- read.csv(file.path(here, "published-38.csv"))
p <- pub$rate / 100
v <- (pub$margin / 100 / z95)^2
n <- p * (1 - p) / v
scalars[[1]] <- analyse("published-38", pub$force, p, v, n, volume = pub$volume)

# B. examples/data/forces-2022.csv, all crime: volume-weighted rate, binomial variance (a category of
#    none or all recorded at (x + 1/2)/(n + 1), as escalc), effective audited count 1 / sum W^2 / n
fo <- read.csv("examples/data/forces-2022.csv")
forces <- unique(fo$inspection)
cat_var <- function(x, n) ifelse(x == 0 | x == n, ((x + 0.5) / (n + 1)) * (1 - (x + 0.5) / (n + 1)) / (n + 1),
                                 (x / n) * (1 - x / n) / n)
agg <- t(sapply(forces, function(f) {
  d <- fo[fo$inspection == f, ]
  W <- d$volume / sum(d$volume)
  c(rate = sum(W * d$recorded / d$audited), variance = sum(W^2 * cat_var(d$recorded, d$audited)),
    n = 1 / sum(W^2 / d$audited), volume = sum(d$volume))
}))
scalars[[2]] <- analyse("forces-all-crime", forces, agg[, "rate"], agg[, "variance"], agg[, "n"],
                        volume = agg[, "volume"])

# C. examples/data/forces-2022.csv, violence tallies: escalc(measure = "PR") for the random-effects
#    model; ebbr's priors
vio <- fo[fo$category == "violence", ]
es <- escalc(measure = "PR", xi = vio$recorded, ni = vio$audited)
scalars[[3]] <- analyse("forces-violence", vio$inspection, vio$recorded / vio$audited, as.numeric(es$vi),
                        vio$audited, yi = as.numeric(es$yi), volume = vio$volume)

# ebbr, method "mm" (transcribed) and "mle" (as ebbr runs it), and the maximum to full precision
x <- vio$recorded
N <- vio$audited
praw <- x / N
mu <- mean(praw)
vr <- stats::var(praw)
alpha_mm <- ((1 - mu) / vr - 1 / mu) * mu^2
beta_mm <- alpha_mm * (1 / mu - 1)
ll <- function(alpha, beta) -sum(VGAM::dbetabinom.ab(x, N, alpha, beta, log = TRUE))
ebbr_fit <- stats4::mle(ll, start = list(alpha = alpha_mm, beta = beta_mm), method = "L-BFGS-B",
                        lower = c(1e-9, 1e-9))
ab_ebbr <- stats4::coef(ebbr_fit)
nll_log <- function(t) -sum(lbeta(x + exp(t[1]), N - x + exp(t[2])) - lbeta(exp(t[1]), exp(t[2])))
opt <- optim(log(ab_ebbr), nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
opt <- optim(opt$par, nll_log, method = "Nelder-Mead", control = list(reltol = 1e-16, maxit = 20000))
opt <- optim(opt$par, nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
# Newton's method to finish, with the exact gradient and Hessian in (alpha, beta). For whole counts
# digamma(x + a) - digamma(a) = sum_{j < x} 1 / (a + j) (and trigamma likewise, with squares): finite sums
# of positive terms, free of the cancellation of digamma differences, which on this flat ridge of the
# likelihood moves the maximum by about 1e-7.
ab <- exp(opt$par)
dsum <- function(count, start, power) sapply(seq_along(count), function(i)
  if (count[i] == 0) 0 else sum(1 / (start + 0:(count[i] - 1))^power))
for (step in 1:50) {
  a <- ab[1]; b <- ab[2]
  g <- c(sum(dsum(x, a, 1) - dsum(N, a + b, 1)), sum(dsum(N - x, b, 1) - dsum(N, a + b, 1)))
  hab <- sum(dsum(N, a + b, 2))
  H <- matrix(c(-sum(dsum(x, a, 2)) + hab, hab, hab, -sum(dsum(N - x, b, 2)) + hab), 2, 2)
  ab <- ab - solve(H, g)
}
opt$value <- nll_log(log(ab))
grad <- c(sum(dsum(x, ab[1], 1) - dsum(N, ab[1] + ab[2], 1)), sum(dsum(N - x, ab[2], 1) - dsum(N, ab[1] + ab[2], 1)))
posterior <- function(a, b) data.frame(mean = (x + a) / (N + a + b), lower = qbeta(0.025, x + a, N - x + b),
                                       upper = qbeta(0.975, x + a, N - x + b),
                                       sd = sqrt((x + a) * (N - x + b) / ((N + a + b)^2 * (N + a + b + 1))))
post_ml <- posterior(ab[1], ab[2])
post_mm <- posterior(alpha_mm, beta_mm)
write.csv(data.frame(force = vio$inspection, recorded = x, audited = N,
                     ml_mean = post_ml$mean, ml_sd = post_ml$sd, ml_lower = post_ml$lower, ml_upper = post_ml$upper,
                     mm_mean = post_mm$mean, mm_sd = post_mm$sd, mm_lower = post_mm$lower, mm_upper = post_mm$upper),
          file.path(here, "forces-reference-ebbr.csv"), row.names = FALSE)
ebbr <- data.frame(alpha_mm = alpha_mm, beta_mm = beta_mm, alpha_ebbr_mle = unname(ab_ebbr[1]),
                   beta_ebbr_mle = unname(ab_ebbr[2]), alpha_ml = ab[1], beta_ml = ab[2],
                   log_likelihood = -opt$value, gradient_alpha = grad[1], gradient_beta = grad[2])
write.csv(ebbr, file.path(here, "forces-reference-ebbr-prior.csv"), row.names = FALSE)

# D. equal variances: the simultaneous critical value is the studentized range's quantile / sqrt(2)
#    (its density, for the tests' Monte Carlo tolerance, by a central difference of ptukey)
for (I in c(5, 20, 43)) {
  csim <- qtukey(0.95, I, Inf) / sqrt(2)
  marg <- marginal_critical(rep(0.0004, I), 0.95)
  scalars[[length(scalars) + 1]] <- data.frame(dataset = paste0("equal-", I), forces = I,
                                               simultaneous_exact = csim,
                                               simultaneous_density = (ptukey((csim + 1e-5) * sqrt(2), I, Inf) -
                                                                       ptukey((csim - 1e-5) * sqrt(2), I, Inf)) / 2e-5,
                                               marginal_exact = marg["critical", 1],
                                               marginal_density = marg["density", 1])
}

all <- Reduce(function(a, b) merge(a, b, all = TRUE), scalars)
write.csv(all, file.path(here, "forces-reference-scalars.csv"), row.names = FALSE)
print(all)
print(ebbr)
