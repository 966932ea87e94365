# Reads back the CSVs examples/analyst.jsh saves (target/analyst-*.csv) and recomputes their numbers
# with R's own functions; prints "R agrees: N checks" or stops with the first disagreement.
# Run from the project root: Rscript src/test/resources/r/read-analyst.R   (JShellSessionIT does, when R is present)
checks <- 0
near <- function(what, ours, r, tol = 1e-9) {
  if (length(ours) != length(r) || any(is.na(ours)) || any(abs(ours - r) > tol)) {
    stop(sprintf("%s: ours %s, R %s", what, paste(ours, collapse = " "), paste(r, collapse = " ")))
  }
  checks <<- checks + 1
}
m <- read.csv("target/analyst-methods.csv")
w <- m[m$method == "wilson", ]
near("Wilson = prop.test(correct = FALSE)", c(w$lower, w$upper), prop.test(188, 202, correct = FALSE)$conf.int[1:2])
wc <- m[m$method == "wilson_cc", ]
near("Wilson cc = prop.test()", c(wc$lower, wc$upper), prop.test(188, 202)$conf.int[1:2])
cp <- m[m$method == "clopper_pearson", ]
near("Clopper-Pearson = binom.test", c(cp$lower, cp$upper), binom.test(188, 202)$conf.int[1:2])
p <- read.csv("target/analyst-prop-test.csv")
r <- prop.test(c(188, 512), c(202, 640))
near("wald_cc = prop.test conf.int", c(p$lower, p$upper), r$conf.int[1:2])
near("chisq_yates = prop.test p", p$p_value, r$p.value, 1e-12)
t <- read.csv("target/analyst-trend.csv")
near("Cochran-Armitage = prop.trend.test", t$chi_square,
     unname(prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022))$statistic), 1e-8)
e <- read.csv("target/analyst-estimate.csv")
cats <- e[e$category != "all crime", ]
near("rates = recorded / audited", cats$rate, cats$recorded / cats$audited, 1e-15)
all <- e[e$category == "all crime", ]
near("all crime = volume-weighted rate", all$rate, sum(cats$volume * cats$rate) / sum(cats$volume), 1e-12)
s <- read.csv("target/analyst-sample.csv")
plan <- read.csv("target/analyst-plan.csv")
planned <- plan[plan$category != "all crime", ]
drawn <- table(s$category)
near("sample sizes = plan", as.numeric(drawn[planned$category]), planned$audited, 0)
cat(sprintf("R agrees: %d checks\n", checks))
