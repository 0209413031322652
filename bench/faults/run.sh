#!/usr/bin/env bash
# The fault test in one command: two Linli nodes on one PostgreSQL 15, kill -9 of a node, a crash
# and restart of the database, then the checks (app/src/test/java/io/linli/faults/FaultToleranceIT).
#   bench/faults/run.sh            # full version: 10,000 intakes, two node kills
#   bench/faults/run.sh 1000       # the CI size (one kill, 15 requests/s)
# More settings as -D options after the count, e.g. -Dlinli.faults.rate=40 -Dlinli.faults.outage=PT10S.
# Figures: app/target/faults/<run>/report.md (and the Maven output).
set -euo pipefail
cd "$(dirname "$0")/../.."
intakes="${1:-10000}"
shift || true
./mvnw -B -pl app -am verify -Dexec.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultToleranceIT -Dlinli.faults.intakes="$intakes" "$@"
