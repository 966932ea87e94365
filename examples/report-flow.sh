#!/usr/bin/env bash
# The whole flow for one synthetic force, "Cambridgeshire" (the files of examples/data: synthetic or
# illustrative, not the force's real counts), from the audit plan to the inspectors' report and its plots.
# Run from anywhere after `mvn -q -B package -DskipTests`; writes into ${OUT:-target/example-flow}.
# A test (ExamplesIT, after `mvn package`) runs this script and checks what it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
RR="java -jar target/recording-rate-cli.jar"
OUT="${OUT:-target/example-flow}"
mkdir -p "$OUT"
BEFORE=examples/data/cdi-2017.csv   # the 2017 inspection: a row per category (recorded, audited, volume)
AFTER=examples/data/peel-2022.csv   # the 2022 inspection

# 1. plan: records per category for +/- 3 points on all crime, at least 50 in each (the categories
#    of the synthetic population examples/data/population.csv)
$RR plan --volumes examples/data/plan-volumes.csv --margin 3 --allocation optimal --minimum 50 --out "$OUT/plan.csv"

# 2. select: the seeded sample list for the auditors (permanent random numbers, seed 2022)
$RR select examples/data/population.csv --plan "$OUT/plan.csv" --seed 2022 --out "$OUT/sample.csv"

# 3. the audit findings: a record-level audit file per inspection (a row per audited crime) and one
#    volumes file for both; synthetic, made to give the seed report's published figures
$RR estimate examples/data/audit-2022.csv --volumes examples/data/volumes.csv --method wald --format text
$RR report examples/data/audit-2017.csv examples/data/audit-2022.csv --volumes examples/data/volumes.csv \
    --force Cambridgeshire --previous-label 2017 --format markdown --out "$OUT/report-audits.md"

# From here the aggregated inspection files (a row per category) of the same shape:
# 4. estimate: each category and all crime, with the published "+/-" (Wald margin)
$RR estimate "$AFTER" --method wald --format text

# 5. compare: the change since 2017, the two-sample z-test as published
$RR compare "$BEFORE" "$AFTER" --method wald --test z_unpooled --adjust none --format text

# 6. report: the inspectors' paragraphs and table, in every format
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017 --format markdown --out "$OUT/report.md"
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017 --format csv --out "$OUT/report.csv"
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017 --format json --out "$OUT/report.json"
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017 --format html \
    --forces examples/data/forces-2022.csv --out "$OUT/report.html"
# the same with better intervals and an exact test: the sentences then say which were used
$RR report "$BEFORE" "$AFTER" --force Cambridgeshire --previous-label 2017 --method wilson \
    --change-method newcombe --test fisher_exact --adjust holm --format markdown --out "$OUT/report-wilson.md"

# 7. plots: the forest plot of this force, the funnel plot of all 43 synthetic forces
$RR plot forest "$BEFORE" "$AFTER" --force Cambridgeshire --out "$OUT/forest.svg"
$RR plot forest "$BEFORE" "$AFTER" --force Cambridgeshire --out "$OUT/forest.png" --scale 2
$RR plot funnel examples/data/forces-2022.csv --out "$OUT/funnel.png"
$RR plot funnel examples/data/forces-2022.csv --category violence --out "$OUT/funnel-violence.svg"

echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
