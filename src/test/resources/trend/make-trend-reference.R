# Reference values for org.recordingrate.trend (TrendReferenceTest).
# Run: Rscript make-trend-reference.R   (R 4.2.2, metafor 3.8.1 on Debian 12)
# Writes trend-tallies.csv and trend-figures.csv beside this script.
suppressMessages(library(metafor))
f <- function(v) sprintf("%.17g", v)

tallies <- list(
  list(id = "three-improving", time = c(2014, 2017, 2022), x = c(150, 171, 188), n = c(200, 205, 202)),
  list(id = "three-flat", time = c(2014, 2017, 2022), x = c(180, 176, 183), n = c(200, 198, 201)),
  list(id = "four-falling", time = c(2013, 2015, 2018, 2023), x = c(95, 90, 84, 70), n = c(100, 100, 100, 95)),
  list(id = "five-uneven", time = c(2010.5, 2012, 2016.25, 2019, 2024), x = c(40, 52, 61, 75, 99), n = c(60, 70, 75, 90, 110)),
  list(id = "with-all-recorded", time = c(2014, 2017, 2022), x = c(120, 131, 132), n = c(132, 132, 132)),
  list(id = "small", time = c(1, 2, 3), x = c(1, 3, 4), n = c(5, 5, 5)),
  list(id = "big", time = c(2015, 2018, 2021), x = c(812345, 845678, 901234), n = c(1000000, 1000001, 1000002))
)
rows <- c("id,time,recorded,audited,chi_square,p_value,homogeneity_chi_square,residual_chi_square,residual_p_value,slope_lm")
for (t in tallies) {
  a <- suppressWarnings(prop.trend.test(t$x, t$n, score = t$time))
  h <- suppressWarnings(prop.test(t$x, t$n))
  res <- unname(h$statistic - a$statistic)
  k <- length(t$x)
  # the slope: least squares of every record's outcome (0/1) on its inspection's time
  y <- unlist(mapply(function(x, n) c(rep(1, x), rep(0, n - x)), t$x, t$n, SIMPLIFY = FALSE))
  tt <- unlist(mapply(function(time, n) rep(time, n), t$time, t$n, SIMPLIFY = FALSE))
  slope <- if (sum(t$n) < 1e5) unname(coef(lm(y ~ tt))[2]) else unname(coef(lm(x / n ~ time, weights = n, data = data.frame(x = t$x, n = t$n, time = t$time)))[2])
  rows <- c(rows, paste(t$id, paste(t$time, collapse = " "), paste(t$x, collapse = " "), paste(t$n, collapse = " "),
                        f(unname(a$statistic)), f(a$p.value), f(unname(h$statistic)), f(res),
                        f(pchisq(res, k - 2, lower.tail = FALSE)), f(slope), sep = ","))
}
writeLines(rows, "trend-tallies.csv")

figures <- list(
  list(id = "northshire-violence", time = c(2014, 2017, 2022), rate = c(74.5, 80.0, 89.1), margin = c(3.6, 3.1, 4.3)),
  list(id = "cambridgeshire-all", time = c(2014, 2017, 2022), rate = c(85.0, 87.8, 93.2), margin = c(2.1, 1.7, 2.3)),
  list(id = "flat-four", time = c(2012, 2015, 2018, 2021), rate = c(90.1, 89.4, 91.0, 90.2), margin = c(1.9, 2.2, 1.8, 2.0)),
  list(id = "falling-uneven", time = c(2011.5, 2014, 2019.75), rate = c(96.0, 93.5, 88.25), margin = c(1.1, 1.6, 2.45)),
  list(id = "past-100", time = c(2014, 2017, 2022), rate = c(91.1, 95.0, 99.0), margin = c(2.9, 2.0, 1.7))
)
rows <- c("id,time,rate,margin,slope,se,lower,upper,z,p_value,qe,qe_p_value")
for (g in figures) {
  yi <- g$rate / 100
  vi <- (g$margin / 100 / qnorm(0.975))^2
  m <- rma(yi, vi, mods = ~ time, method = "FE", data = data.frame(yi = yi, vi = vi, time = g$time))
  rows <- c(rows, paste(g$id, paste(g$time, collapse = " "), paste(g$rate, collapse = " "), paste(g$margin, collapse = " "),
                        f(m$b[2]), f(m$se[2]), f(m$ci.lb[2]), f(m$ci.ub[2]), f(m$zval[2]), f(m$pval[2]), f(m$QE), f(m$QEp),
                        sep = ","))
}
writeLines(rows, "trend-figures.csv")
