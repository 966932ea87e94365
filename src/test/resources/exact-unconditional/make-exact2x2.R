# Reference values for DifferenceMethod.EXACT_UNCONDITIONAL from R's exact2x2 (Fay and Hunsberger):
# uncondExact2x2(x1, n1, x2, n2, parmtype = "difference", method = "score", tsmethod = "central",
# conf.int = TRUE), the change x2/n2 - x1/n1 (group 1 = before, group 2 = after), with a finer nuisance
# grid than the default (nPgrid = 1000; exact2x2's own SAS checks needed more than the default 100).
# Run: Rscript make-exact2x2.R > exact2x2-intervals.csv (exact2x2 1.7.0, exactci 1.4-5, ssanv, R 4.2.2).
suppressMessages(library(exact2x2))
tables <- rbind(c(10, 35, 24, 61), c(4, 12, 9, 11), c(2, 7, 6, 13), c(0, 7, 13, 13), c(30, 60, 41, 60),
                c(48, 80, 56, 70), c(5, 20, 15, 20), c(1, 34, 7, 34), c(0, 10, 0, 10), c(10, 10, 10, 10),
                c(3, 10, 9, 10), c(7, 10, 3, 10))
cat("recorded_before,audited_before,recorded_after,audited_after,confidence,lower,upper\n")
for (i in seq_len(nrow(tables))) {
  t <- tables[i, ]
  for (level in c(0.95, 0.9)) {
    r <- uncondExact2x2(t[1], t[2], t[3], t[4], parmtype = "difference", method = "score", tsmethod = "central",
                        conf.int = TRUE, conf.level = level, control = ucControl(nPgrid = 1000))
    cat(sprintf("%d,%d,%d,%d,%s,%.10g,%.10g\n", t[1], t[2], t[3], t[4], level, r$conf.int[1], r$conf.int[2]))
  }
}
