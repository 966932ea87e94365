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
rr plan --volumes examples/data/plan-volumes.csv --margin 3 --allocation optimal --minimum 50 --out "$out/plan.csv"
cat "$out/plan.csv"

# 2. Draw them: permanent random numbers from seed 2022 (the manifest goes beside the sample)
rr select examples/data/population.csv --plan "$out/plan.csv" --seed 2022 --out "$out/sample.csv"
head -4 "$out/sample.csv"

# 3. The auditors fill in 'recorded' on the sample list (here the synthetic truth carried from the
#    population stands in for them): the list is then a record-level audit file, estimated with the
#    categories' volumes
rr estimate "$out/sample.csv" --volumes examples/data/plan-volumes.csv --format text
