#!/usr/bin/env bash
# Makes every table and picture of docs/coverage.md with the command line:
#   mvn -q -B package -DskipTests && bash docs/coverage/make-coverage.sh
# (RR may name another way to run the command line.) About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
RR=${RR:-"java -jar target/recording-rate-cli.jar"}
out=docs/coverage

# one category: every method at the inspectors' sizes, true rates 80% to 99.9%
$RR coverage --method all --audited 100,200,300,400,500,600,700 --rates 0.8:0.999:0.001 --digits 6 \
  --out $out/one-category.csv
$RR coverage --method wald,wilson,clopper_pearson,jeffreys --audited 200 --rates 0.8:0.999:0.001 \
  --plot $out/one-category-200.svg --out /dev/null
$RR coverage --method wald,wilson,clopper_pearson,jeffreys --audited 200 --rates 0.8:0.999:0.001 \
  --plot $out/one-category-200.png --out /dev/null
$RR coverage --method agresti_coull,wilson_cc,mid_p,logit --audited 200 --rates 0.8:0.999:0.001 \
  --plot $out/one-category-200-others.png --out /dev/null
$RR coverage --method wald,wilson,clopper_pearson,jeffreys --audited 600 --rates 0.8:0.999:0.001 \
  --plot $out/one-category-600.png --out /dev/null

# a change: 640 audited before, 202 after (the seed report's violence), +1 and +5 points
for change in 0.01 0.05; do
  $RR coverage --method all --audited-before 640 --audited-after 202 --rates 0.8:0.99:0.002 --change $change \
    --digits 6 --out $out/change-640-202-$change.csv
done
$RR coverage --method wald,agresti_caffo,newcombe,newcombe_cc,miettinen_nurminen --audited-before 640 \
  --audited-after 202 --rates 0.8:0.99:0.002 --change 0.01 --plot $out/change-640-202.png --out /dev/null
$RR coverage --method wald,agresti_caffo,newcombe,newcombe_cc,miettinen_nurminen --audited-before 200 \
  --audited-after 200 --rates 0.8:0.99:0.002 --change 0.01 --digits 6 --out $out/change-200-200-0.01.csv

# all crime: the seed report's design, every all-crime method, both variance conventions
for variance in binomial survey; do
  $RR coverage --design examples/data/peel-2022.csv --method all --variance $variance --replicates 100000 \
    --seed 2022 --digits 6 --out $out/all-crime-peel-$variance.csv
done
/usr/bin/python3 $out/summarize.py > $out/summary.md
