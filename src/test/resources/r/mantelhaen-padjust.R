# after first row; recorded first column
mk <- function(xa, na, xb, nb) matrix(c(xa, xb, na - xa, nb - xb), 2)
tabs <- list(
  list(mk(180,202,512,640), mk(131,132,164,180), mk(211,220,605,660)),
  list(mk(8,10,6,10), mk(4,5,5,5), mk(17,20,15,20)),
  list(mk(45,50,40,50), mk(30,30,29,30))
)
for (t in tabs) {
  a <- array(unlist(t), dim = c(2, 2, length(t)))
  for (alt in c("two.sided", "greater", "less")) for (co in c(TRUE, FALSE)) {
    r <- mantelhaen.test(a, alternative = alt, correct = co)
    cat(sprintf("%s %s %.17g %.17g\n", alt, co, r$statistic, r$p.value))
  }
}
p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04)
cat(sprintf("%.17g", p.adjust(p, "holm")), "\n")
cat(sprintf("%.17g", p.adjust(p, "BH")), "\n")
cat(sprintf("%.17g", p.adjust(p, "bonferroni")), "\n")
