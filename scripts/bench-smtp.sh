#!/usr/bin/env bash
# Measures the SMTP proxy against Mailpit: 100 small sends (new connection
# each) and a 20 MB message, direct vs through the proxy, and the proxy's
# peak memory. Needs Mailpit (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/matchguard" ./cmd/proxy
go run ./scripts/benchsmtp -matchguard "$tmp/matchguard" "$@"
