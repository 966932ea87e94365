# Reference values for the resample package, made with R's boot package (Canty and Ripley).
# Run from the project root:  Rscript src/test/resources/resample/make-boot-reference.R
# Writes, beside this script:
#   boot-replicates-<case>.csv  the replicates t (and their binomial variance v) of boot() with strata
#   boot-intervals.csv          boot.ci() on those replicates: perc, basic, norm, bca (two accelerations), stud
#   exact-bootstrap.csv         quantiles of the exact bootstrap distribution by full enumeration
#   exact-conditional.csv       stratified permutation p-values by full enumeration, and fisher.test
suppressMessages(library(boot))
here <- "src/test/resources/resample"
cat("R", R.version$major, R.version$minor, "boot", as.character(packageVersion("boot")), "\n")

design <- function(recorded, audited, volume) {
  h <- rep(seq_along(audited), audited)
  y <- unlist(mapply(function(x, n) c(rep(1, x), rep(0, n - x)), recorded, audited, SIMPLIFY = FALSE))
  list(data = data.frame(h = h, y = y), W = volume / sum(volume), n = audited, x = recorded)
}

cases <- list(
  "one-category" = design(180, 202, 25000),
  "cambridgeshire-like" = design(c(180, 131, 211), c(202, 132, 220), c(25000, 2500, 35000)),
  "two-categories" = design(c(512, 610), c(640, 660), c(30000, 41000))
)

out <- NULL
for (name in names(cases)) {
  cs <- cases[[name]]
  W <- cs$W
  stat <- function(d, i) {
    dd <- d[i, ]
    p <- tapply(dd$y, dd$h, mean)
    n <- tapply(dd$y, dd$h, length)
    c(sum(W * p), sum(W^2 * p * (1 - p) / n))
  }
  set.seed(20261201)
  b <- boot(cs$data, stat, R = 1999, strata = cs$data$h)
  write.csv(data.frame(t = sprintf("%.17g", b$t[, 1]), v = sprintf("%.17g", b$t[, 2])),
            file.path(here, paste0("boot-replicates-", name, ".csv")), row.names = FALSE, quote = FALSE)
  L <- empinf(b, type = "jack", index = 1)             # (n_h - 1)(t - t_(-j)), stratum by stratum
  nh <- cs$n[cs$data$h]
  a.pooled <- sum(L^3) / (6 * sum(L^2)^1.5)             # what boot.ci computes from these L
  Ls <- L / nh                                          # Davison and Hinkley's stratified form
  a.stratified <- sum(Ls^3) / (6 * sum(Ls^2)^1.5)
  for (conf in c(0.90, 0.95)) {
    ci <- boot.ci(b, conf = conf, type = c("perc", "basic", "norm", "stud"), index = c(1, 2))
    bca.pooled <- boot.ci(b, conf = conf, type = "bca", index = 1, L = L)$bca
    bca.strat <- boot.ci(b, conf = conf, type = "bca", index = 1, L = Ls)$bca
    rows <- rbind(
      c("percentile", ci$percent[4:5]),
      c("basic", ci$basic[4:5]),
      c("normal", ci$normal[2:3]),
      c("studentized", ci$student[4:5]),
      c("bca_pooled", bca.pooled[4:5]),
      c("bca_stratified", bca.strat[4:5]))
    out <- rbind(out, data.frame(case = name, confidence = conf, type = rows[, 1],
                                 lower = sprintf("%.17g", as.numeric(rows[, 2])),
                                 upper = sprintf("%.17g", as.numeric(rows[, 3])),
                                 t0 = sprintf("%.17g", b$t0[1]), v0 = sprintf("%.17g", b$t0[2]),
                                 a_pooled = sprintf("%.17g", a.pooled), a_stratified = sprintf("%.17g", a.stratified)))
  }
}
write.csv(out, file.path(here, "boot-intervals.csv"), row.names = FALSE, quote = FALSE)

# The exact bootstrap: T* = sum W_h X_h / n_h with X_h ~ Binomial(n_h, x_h/n_h), every combination
# of counts enumerated (outer products), then the smallest t with P(T* <= t) >= level.
exact <- function(x, n, v) {
  W <- v / sum(v)
  vals <- 0; probs <- 1
  for (h in seq_along(n)) {
    k <- 0:n[h]
    p <- dbinom(k, n[h], x[h] / n[h])
    keep <- p > 0
    vals <- as.vector(outer(vals, W[h] * k[keep] / n[h], "+"))
    probs <- as.vector(outer(probs, p[keep], "*"))
  }
  o <- order(vals)
  vals <- vals[o]; cum <- cumsum(probs[o])
  sapply(c(0.005, 0.025, 0.05, 0.95, 0.975, 0.995), function(a) vals[which(cum >= a * (1 - 1e-12))[1]])
}
designs <- read.csv("src/test/resources/reference/stratified-designs.csv")
ex <- NULL
for (d in c("cambridgeshire-like", "one-category", "small-categories", "two-categories", "all-recorded-sexual")) {
  r <- designs[designs$design == d, ]
  q <- exact(r$recorded, r$audited, r$volume)
  ex <- rbind(ex, data.frame(design = d, level = c(0.005, 0.025, 0.05, 0.95, 0.975, 0.995),
                             quantile = sprintf("%.17g", q)))
}
write.csv(ex, file.path(here, "exact-bootstrap.csv"), row.names = FALSE, quote = FALSE)

# The stratified permutation test by enumeration: X_h (recorded after) hypergeometric given the
# margins, D = sum a_h X_h + constant with a_h = W_after/n_after + W_before/n_before.
conditional <- function(xb, nb, vb, xa, na, va) {
  Wb <- vb / sum(vb); Wa <- va / sum(va)
  a <- Wa / na + Wb / nb
  s <- xa + xb
  vals <- 0; probs <- 1
  for (h in seq_along(na)) {
    k <- max(0, s[h] - nb[h]):min(na[h], s[h])
    p <- dhyper(k, na[h], nb[h], s[h])
    vals <- as.vector(outer(vals, a[h] * (k - xa[h]), "+"))
    probs <- as.vector(outer(probs, p, "*"))
  }
  eps <- 1e-12
  c(up = sum(probs[vals >= -eps]), down = sum(probs[vals <= eps]))
}
pc <- rbind(
  c("cdi-peel", conditional(c(512, 102, 610), c(640, 112, 700), c(30000, 2400, 40000),
                            c(180, 131, 211), c(202, 132, 220), c(25000, 2500, 35000))),
  c("small", conditional(c(6, 3, 15), c(10, 5, 20), c(900, 80, 1500),
                         c(8, 5, 14), c(10, 5, 20), c(900, 80, 1500))))
fisher <- function(xb, nb, xa, na, alt) fisher.test(matrix(c(xa, na - xa, xb, nb - xb), 2), alternative = alt)$p.value
perm <- data.frame(case = pc[, 1], p_improved = sprintf("%.17g", as.numeric(pc[, 2])),
                   p_deteriorated = sprintf("%.17g", as.numeric(pc[, 3])))
write.csv(perm, file.path(here, "exact-conditional.csv"), row.names = FALSE, quote = FALSE)
fi <- data.frame(before = c("512/640", "56/80", "30/40"), after = c("188/202", "48/70", "30/35"))
fi$p_greater <- sprintf("%.17g", c(fisher(512, 640, 188, 202, "greater"), fisher(56, 80, 48, 70, "greater"),
                                   fisher(30, 40, 30, 35, "greater")))
fi$p_less <- sprintf("%.17g", c(fisher(512, 640, 188, 202, "less"), fisher(56, 80, 48, 70, "less"),
                                fisher(30, 40, 30, 35, "less")))
write.csv(fi, file.path(here, "fisher-one-sided.csv"), row.names = FALSE, quote = FALSE)
