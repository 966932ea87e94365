#!/usr/bin/env bash
# Plans an audit, draws its records, and estimates from the findings, end to end on the bundled
# synthetic population (examples/data/population.csv, made by examples/MakePopulation.java):
#   mvn -q -B package -DskipTests && bash examples/plan-select-estimate.sh [OUTPUT_FOLDER]
# The population carries a synthetic 'recorded' column standing in for the auditors' findings
# (a real export has no such column: the auditors fill it in on the sample list).
set -euo pipefail
cd "$(dirname "$0")/.."
rr() { java -jar target/recording-rate-cli.jar "$@"; }
out=${1:-target/example-audit}
mkdir -p "$out"

# 1. How many records per category for +/- 3 points on all crime, at least 50 in each category
rr plan --volumes examples/data/volumes.csv --margin 3 --allocation optimal --minimum 50 --out "$out/plan.csv"
cat "$out/plan.csv"

# 2. Draw them: permanent random numbers from seed 2022 (the manifest goes beside the sample)
rr select examples/data/population.csv --plan "$out/plan.csv" --seed 2022 --out "$out/sample.csv"
head -4 "$out/sample.csv"

# 3. The auditors' findings, tallied per category into an inspection file (volumes from the plan)
awk -F, 'NR == FNR { if (FNR > 1 && $1 != "all crime") volume[$1] = $2; next }
         FNR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
         { c = $column["category"]; audited[c]++; if ($column["recorded"] == "yes") recorded[c]++ }
         END { print "category,recorded,audited,volume";
               for (c in audited) print c "," recorded[c] + 0 "," audited[c] "," volume[c] }' \
    "$out/plan.csv" "$out/sample.csv" > "$out/inspection.csv"
cat "$out/inspection.csv"

# 4. The estimate, as the inspection report would print it
rr estimate "$out/inspection.csv" --format text
