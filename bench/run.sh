#!/usr/bin/env bash
# The benchmark in one command: builds the app and the driver (no tests), runs the driver,
# which starts Linli in its JVM on an embedded PostgreSQL 15 under bench/target/pgdata (or on the
# server in LINLI_DB_URL / LINLI_DB_USER / LINLI_DB_PASSWORD) and writes bench/results/, then
# copies bench/results/latest.md into bench/README.md (between the `results` markers).
#   bench/run.sh                                # the issue's sizes (about 40 min on 2 busy cores)
#   bench/run.sh -Dbench.quick=true             # small sizes, a few minutes
#   bench/run.sh -Dbench.parts=c -Dbench.burst=5000 ...   # any part, any size (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests -DskipITs
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$@" \
  io.linli.bench.Bench
if [[ " $* " != *"bench.results-dir"* ]]; then
  python3 - <<'PY'
import re
readme, latest = "bench/README.md", open("bench/results/latest.md").read()
text = open(readme).read()
text = re.sub(r"(<!-- results:start -->\n).*?(<!-- results:end -->)",
              lambda m: m.group(1) + latest + m.group(2), text, flags=re.S)
if "| (d) " in latest:  # a run with every part: its (d) figures are in the table above
    text = re.sub(r"(<!-- results-d:start -->\n).*?(<!-- results-d:end -->)",
                  lambda m: m.group(1) + "In the table above.\n" + m.group(2), text, flags=re.S)
open(readme, "w").write(text)
PY
fi
