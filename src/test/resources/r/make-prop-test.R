# Reference values for the wald_cc change interval (DifferenceMethod.WALD_CC): R's own
# prop.test(c(x_after, x_before), c(n_after, n_before), conf.level = level)$conf.int, whose
# estimate is p_after - p_before (R's first group minus its second), with R's default
# correct = TRUE (Yates's continuity correction). Run from this folder:
#   Rscript make-prop-test.R > prop-test-intervals.csv
# Made with R 4.2.2 (Debian r-base-core 4.2.2.20221110-2). prop.test warns "Chi-squared
# approximation may be incorrect" for small tallies; the interval is computed all the same.
cases <- read.csv(text = "recorded_before,audited_before,recorded_after,audited_after,confidence
512,640,188,202,0.95
188,202,512,640,0.95
512,640,188,202,0.99
512,640,188,202,0.9
164,180,131,132,0.95
605,660,211,220,0.95
1,34,7,34,0.95
7,34,1,34,0.95
0,10,0,12,0.95
10,10,12,12,0.95
0,10,12,12,0.95
3,7,4,9,0.95
50,100,50,100,0.95
50,100,51,100,0.95
49,100,51,100,0.95
0,1,1,1,0.95
1,2,1,3,0.5
99999,100000,99998,100000,0.95
1,1000000,3,1000000,0.999999")
out <- cases
out$lower <- NA
out$upper <- NA
for (i in seq_len(nrow(cases))) {
  r <- suppressWarnings(prop.test(c(cases$recorded_after[i], cases$recorded_before[i]),
                                  c(cases$audited_after[i], cases$audited_before[i]),
                                  conf.level = cases$confidence[i]))
  out$lower[i] <- r$conf.int[1]
  out$upper[i] <- r$conf.int[2]
}
out$lower <- sprintf("%.17g", out$lower)
out$upper <- sprintf("%.17g", out$upper)
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
