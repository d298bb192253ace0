#!/bin/sh
# How tests/data/release-0.1 was made: release 0.1 (commit 675051f) writing its demo case,
# serving reads that log access, a court report and a signed checkpoint. Run from a checkout
# of 675051f with its .venv; $1 = sqlite | postgres, $2 = output directory.
set -eu
store=$1; out=$2; port=$3
export EVENWIJDIG_DATA_DIR="$out/var" EVENWIJDIG_STORE="$store" EVENWIJDIG_PORT="$port"
if [ "$store" = postgres ]; then
  export EVENWIJDIG_POSTGRES_SCHEMA=release01 EVENWIJDIG_POSTGRES_HOST=127.0.0.1
  # each context in its own database, as its own role, in a schema 'release01' it owns (as the tests' stores)
fi
.venv/bin/evenwijdig demo > "$out/demo.json"
.venv/bin/evenwijdig serve > "$out/serve.log" 2>&1 &
server=$!
trap 'kill $server' EXIT
for i in $(seq 60); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
token() { python3 -c "import json,sys; print(json.load(open('$out/demo.json'))['tokens']['$1'])"; }
case_id=$(python3 -c "import json; print(json.load(open('$out/demo.json'))['case_id'])")
ask() {
  curl -sf -H "Authorization: Bearer $(token "$1")" -H 'Content-Type: application/json' \
    -d "{\"query\": \"$3\"}" "http://127.0.0.1:$port/graphql/$2"; echo
}
ask counsellor_a counsellor "{ trajectory(caseId: \\\"$case_id\\\") { status } }"
ask counsellor_b counsellor "{ trajectory(caseId: \\\"$case_id\\\") { status } }"
ask coordinator coordinator "{ case(caseId: \\\"$case_id\\\") { caseId } }"
.venv/bin/evenwijdig report "$case_id" --as-of "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" --format json -o "$out/report.json" --user demo-auditor
.venv/bin/evenwijdig audit checkpoint
