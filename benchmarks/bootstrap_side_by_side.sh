#!/bin/sh
# Issue 8's bootstrap speed targets, ours and the peers back to back in one shell run, with the
# machine's load before, between and after (other engineers share the 2 cores):
#   sh benchmarks/bootstrap_side_by_side.sh
# 1. JMH BootstrapBenchmark (ours on every processor and on one, Commons RNG by hand), with
#    -prof gc for the memory allocated per interval;
# 2. benchmarks/scipy_bootstrap.py (scipy.stats.bootstrap BCa, numpy through the sufficient
#    statistics) with Debian's /usr/bin/python3;
# 3. the ratios (benchmarks/bootstrap_side_by_side.py).
# Extra JMH options may follow, e.g. -wi 5 -i 10.
set -e
cd "$(dirname "$0")/.."
mvn -q -o -B -Pbenchmark test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt \
    -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)"
echo "== $(date -u '+%F %T') UTC, before ours: $(uptime)"
java -cp "$CP" org.openjdk.jmh.Main '\.BootstrapBenchmark' -p implementation=ours,ours_1_thread,commons_rng \
    -prof gc -rf json -rff target/jmh-side-by-side.json "$@"
echo "== $(date -u '+%F %T') UTC, after ours, before the peers: $(uptime)"
/usr/bin/python3 benchmarks/scipy_bootstrap.py --repeat 5 --json target/peers.json
echo "== $(date -u '+%F %T') UTC, after the peers: $(uptime)"
/usr/bin/python3 benchmarks/bootstrap_side_by_side.py target/jmh-side-by-side.json target/peers.json
