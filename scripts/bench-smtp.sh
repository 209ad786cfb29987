#!/usr/bin/env bash
# Measures the SMTP proxy against Mailpit: 100 small sends (new connection
# each) and a 20 MB message, direct vs through the proxy, and the proxy's
# peak memory. Needs Mailpit (scripts/install-deps.sh).
#
# BASELINE_REV=<git revision> also builds matchguard at that revision and
# measures it in the same rounds (-baseline), for a before/after that the
# machine's load does not skew.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/matchguard" ./cmd/proxy
args=()
if [ -n "${BASELINE_REV:-}" ]; then
	mkdir "$tmp/base"
	git archive "$BASELINE_REV" | tar -x -C "$tmp/base"
	(cd "$tmp/base" && go build -o "$tmp/baseline" ./cmd/proxy)
	args=(-baseline "$tmp/baseline")
fi
go run ./scripts/benchsmtp -matchguard "$tmp/matchguard" "${args[@]}" "$@"
