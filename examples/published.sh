#!/usr/bin/env bash
# A researcher's run on published figures in their own column names: each force's figure is
# compared with its previous one in the same file, and the results are saved to CSV.
# The file examples/data/published-own-columns.csv is synthetic (made up, in the layout of the
# inspectorate's published tables); run from the project root after `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/.."
rr() { java -jar target/recording-rate-cli.jar "$@"; }
mkdir -p target/examples

# Read the file's own columns as the tool's rate and margin; pair each row with the previous row
# of the same force and crime type (file order), and compare: z-test, verdict at 5%.
rr reproduce --cases examples/data/published-own-columns.csv \
   --columns rate=recorded_pct,margin=ci_halfwidth_pct \
   --pair-by force,crime_type --digits 4 --out target/examples/published-paired.csv
cat target/examples/published-paired.csv

# One figure as text, and the volumes consistent with "didn't record more than 4,500 crimes".
rr reproduce --rate 93.2 --margin 2.3 --previous-rate 87.8 --previous-margin 1.7 --more-than 4500

# An inspection report's own words: every figure in a (synthetic) paragraph, recomputed and checked;
# the violence verdict is one the figures contradict, flagged on standard error with its line.
rr reproduce --from-text examples/data/report-paragraph.txt --format text
