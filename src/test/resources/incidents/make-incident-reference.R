# Reference values for the recording rate estimated over incidents (crimes grouped in incidents,
# incidents the sampled clusters, categories the strata), made with R's survey package.
#
#   cd src/test/resources/incidents && Rscript make-incident-reference.R
#
# Writes (R 4.2.2, survey 4.1.1 from Debian's r-base-core and r-cran-survey):
#   incident-records.csv  inspection,record_id,category,incident_id,recorded   one row per audited crime
#   incident-volumes.csv  inspection,category,volume,population               population blank = no fpc
#   incident-results.csv  one row per inspection (design) and row (each category alone, and all crime)
#
# For each design d, with w = volume of the category / crimes audited in it:
#   svydesign(ids = ~incident_id, strata = ~category, weights = ~w, data = d, nest = TRUE
#             [, fpc = ~population])
#   svymean(~recorded, design)                          -> estimate, se_survey
#   svyciprop(~recorded, design, "xlogit", df = Inf)    -> logit_lower, logit_upper
#   svyciprop(~recorded, design, "beta")                -> kg_lower, kg_upper (Korn-Graubard)
# nest = TRUE makes an incident whose crimes fall in two categories one cluster in each (only the
# design "shared-incidents" has such incidents; for the others nest changes nothing). A category
# row is the same computation on a design holding that category alone (ids = ~incident_id,
# weights = ~w, [fpc]), not a domain of the whole design (whose Korn-Graubard degrees of freedom
# and row count would be the whole design's).
# se_binomial = sqrt(sum W_h^2 p_h (1 - p_h) / n_h), W_h = volume_h / total volume: every crime an
# independent binomial draw, ignoring incidents. design_effect = se_survey^2 / se_binomial^2.
# (This is not svymean(deff = TRUE), which compares with unstratified simple random sampling.)
suppressMessages(library(survey))
options(survey.lonely.psu = "fail")
set.seed(20240611)

# One category: m incidents with sizes drawn from `sizes` (probabilities `size_p`); each incident
# has its own recording probability drawn from Beta(a, b) (a + b small: outcomes shared within
# incidents, strong clustering; a + b large: nearly independent), or, with `alternate`, outcomes
# alternate within an incident (negative correlation, design effect below 1).
category <- function(name, volume, m, sizes = 1:4, size_p = c(0.55, 0.25, 0.12, 0.08), rate = 0.9,
                     spread = 5, population = NA, all_recorded = FALSE, alternate = FALSE) {
  list(name = name, volume = volume, m = m, sizes = sizes, size_p = size_p, rate = rate, spread = spread,
       population = population, all_recorded = all_recorded, alternate = alternate)
}

designs <- list(
  "cambridgeshire-like" = list(category("violence", 25000, 110, rate = 0.89),
                               category("sexual offences", 2500, 70, rate = 0.98),
                               category("other crime", 35000, 125, rate = 0.95)),
  "cambridgeshire-like-fpc" = list(category("violence", 25000, 110, rate = 0.89, population = 21000),
                                   category("sexual offences", 2500, 70, rate = 0.98, population = 2100),
                                   category("other crime", 35000, 125, rate = 0.95, population = 30000)),
  "one-category" = list(category("violence", 18000, 150, rate = 0.8, spread = 2)),
  "every-crime-recorded-in-one" = list(category("violence", 20000, 90, rate = 0.85),
                                       category("sexual offences", 3000, 40, all_recorded = TRUE),
                                       category("other crime", 30000, 100, rate = 0.93)),
  "single-crime-incidents" = list(category("violence", 12000, 200, sizes = 1, size_p = 1, rate = 0.87),
                                  category("other crime", 40000, 220, sizes = 1, size_p = 1, rate = 0.95)),
  "large-incidents-strong-clustering" = list(category("violence", 15000, 60, sizes = 1:10,
                                                      size_p = rep(0.1, 10), rate = 0.8, spread = 0.8),
                                             category("other crime", 25000, 80, sizes = 1:10,
                                                      size_p = rep(0.1, 10), rate = 0.9, spread = 0.8)),
  "two-incidents-in-a-category" = list(category("violence", 10000, 30, rate = 0.85),
                                       category("sexual offences", 800, 2, sizes = 2:3, size_p = c(0.5, 0.5),
                                                rate = 0.7, spread = 1),
                                       category("other crime", 20000, 40, rate = 0.9)),
  "high-sampling-fraction" = list(category("violence", 900, 120, rate = 0.85, population = 130),
                                  category("other crime", 1500, 150, rate = 0.92, population = 200)),
  "census-in-one-category" = list(category("violence", 5000, 60, rate = 0.8, population = 4000),
                                  category("sexual offences", 400, 25, rate = 0.9, population = 25),
                                  category("other crime", 9000, 80, rate = 0.94, population = 7000)),
  "shared-incidents" = NULL,  # made below: incidents holding crimes of two categories
  "six-categories" = list(category("violence", 21000, 80, rate = 0.82),
                          category("sexual offences", 2600, 45, rate = 0.95),
                          category("robbery", 1900, 35, rate = 0.9),
                          category("burglary", 6100, 55, rate = 0.93),
                          category("criminal damage", 9800, 60, rate = 0.88),
                          category("other crime", 17000, 70, rate = 0.96)),
  "large-audit" = list(category("violence", 60000, 1200, rate = 0.9),
                       category("other crime", 90000, 1500, rate = 0.95, spread = 20)),
  "mixed-outcomes-within-incidents" = list(category("violence", 14000, 90, sizes = 2:4, size_p = c(0.5, 0.3, 0.2),
                                                    alternate = TRUE),
                                           category("other crime", 26000, 100, sizes = 2:4,
                                                    size_p = c(0.5, 0.3, 0.2), alternate = TRUE))
)

make_category <- function(spec, first_incident) {
  sizes <- if (length(spec$sizes) == 1) rep(spec$sizes, spec$m) else
    sample(spec$sizes, spec$m, replace = TRUE, prob = spec$size_p)
  rows <- vector("list", spec$m)
  for (c in seq_len(spec$m)) {
    k <- sizes[c]
    if (spec$all_recorded) {
      y <- rep(1L, k)
    } else if (spec$alternate) {
      y <- as.integer((seq_len(k) + c) %% 2 == 0 | seq_len(k) == 3)
    } else {
      p <- rbeta(1, spec$rate * spec$spread, (1 - spec$rate) * spec$spread)
      y <- rbinom(k, 1, p)
    }
    rows[[c]] <- data.frame(category = spec$name, incident_id = sprintf("INC-%05d", first_incident + c - 1),
                            recorded = y)
  }
  do.call(rbind, rows)
}

records <- list()
volumes <- list()
for (name in names(designs)) {
  if (name == "shared-incidents") {
    # 120 incidents of 1 to 4 crimes, each crime violence (60%) or other crime: an incident holding
    # both is one cluster in each category (nest = TRUE).
    rows <- list()
    for (c in 1:120) {
      k <- sample(1:4, 1, prob = c(0.4, 0.3, 0.2, 0.1))
      p <- rbeta(1, 4.5, 0.5)
      rows[[c]] <- data.frame(category = ifelse(runif(k) < 0.6, "violence", "other crime"),
                              incident_id = sprintf("INC-%05d", c), recorded = rbinom(k, 1, p))
    }
    d <- do.call(rbind, rows)
    v <- data.frame(category = c("violence", "other crime"), volume = c(22000, 31000), population = NA)
  } else {
    parts <- list()
    first <- 1
    for (spec in designs[[name]]) {
      parts[[length(parts) + 1]] <- make_category(spec, first)
      first <- first + spec$m
    }
    d <- do.call(rbind, parts)
    v <- data.frame(category = sapply(designs[[name]], `[[`, "name"),
                    volume = sapply(designs[[name]], `[[`, "volume"),
                    population = sapply(designs[[name]], `[[`, "population"))
  }
  d$record_id <- sprintf("R%05d", seq_len(nrow(d)))
  d$inspection <- name
  v$inspection <- name
  records[[name]] <- d
  volumes[[name]] <- v
}

num <- function(x) sprintf("%.17g", x)

estimate <- function(d, v, strata, level) {
  n <- table(d$category)[d$category]
  d$w <- v$volume[match(d$category, v$category)] / as.numeric(n)
  has_fpc <- !any(is.na(v$population))
  if (has_fpc) d$population <- v$population[match(d$category, v$category)]
  design <- if (strata) {
    if (has_fpc) svydesign(ids = ~incident_id, strata = ~category, weights = ~w, fpc = ~population, data = d,
                           nest = TRUE)
    else svydesign(ids = ~incident_id, strata = ~category, weights = ~w, data = d, nest = TRUE)
  } else {
    if (has_fpc) svydesign(ids = ~incident_id, weights = ~w, fpc = ~population, data = d)
    else svydesign(ids = ~incident_id, weights = ~w, data = d)
  }
  m <- svymean(~recorded, design)
  logit <- attr(svyciprop(~recorded, design, method = "xlogit", df = Inf, level = level), "ci")
  kg <- attr(svyciprop(~recorded, design, method = "beta", level = level), "ci")
  tallies <- aggregate(recorded ~ category, d, function(y) c(sum(y), length(y)))
  p <- tallies$recorded[, 1] / tallies$recorded[, 2]
  W <- v$volume[match(tallies$category, v$category)] / sum(v$volume)
  se_binomial <- sqrt(sum(W^2 * p * (1 - p) / tallies$recorded[, 2]))
  se <- sqrt(as.numeric(vcov(m)))
  incidents <- length(unique(paste(d$category, d$incident_id)))
  c(estimate = num(coef(m)[[1]]), se_survey = num(se), se_binomial = num(se_binomial),
    design_effect = num(se^2 / se_binomial^2), logit_lower = num(logit[[1]]), logit_upper = num(logit[[2]]),
    kg_lower = num(kg[[1]]), kg_upper = num(kg[[2]]), incidents = incidents, audited = nrow(d),
    recorded = sum(d$recorded))
}

levels <- c("cambridgeshire-like" = 0.95, "cambridgeshire-like-fpc" = 0.95, "one-category" = 0.90,
            "every-crime-recorded-in-one" = 0.95, "single-crime-incidents" = 0.95,
            "large-incidents-strong-clustering" = 0.99, "two-incidents-in-a-category" = 0.95,
            "high-sampling-fraction" = 0.95, "census-in-one-category" = 0.95, "shared-incidents" = 0.95,
            "six-categories" = 0.90, "large-audit" = 0.95, "mixed-outcomes-within-incidents" = 0.95)

results <- list()
for (name in names(designs)) {
  d <- records[[name]]
  v <- volumes[[name]]
  level <- levels[[name]]
  for (h in v$category) {
    dh <- d[d$category == h, ]
    vh <- v[v$category == h, ]
    if (all(dh$recorded == 1) || all(dh$recorded == 0) || nrow(vh) == 0 ||
        (!is.na(vh$population) && vh$population == length(unique(dh$incident_id)))) {
      next  # svyciprop is not defined at a rate of 0 or 1, nor for a census (variance 0)
    }
    results[[length(results) + 1]] <- c(inspection = name, row = h, confidence = level,
                                        estimate(dh, vh, FALSE, level))
  }
  results[[length(results) + 1]] <- c(inspection = name, row = "all crime", confidence = level,
                                      estimate(d, v, TRUE, level))
}

out_records <- do.call(rbind, records)[, c("inspection", "record_id", "category", "incident_id", "recorded")]
out_volumes <- do.call(rbind, volumes)[, c("inspection", "category", "volume", "population")]
out_volumes$population <- ifelse(is.na(out_volumes$population), "", as.character(out_volumes$population))
write.csv(out_records, "incident-records.csv", row.names = FALSE, quote = FALSE)
write.csv(out_volumes, "incident-volumes.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, results), "incident-results.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "; survey", as.character(packageVersion("survey")), "\n")
