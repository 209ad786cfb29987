#!/usr/bin/env bash
# Speed of the IMAP watcher against a real Dovecot, in one run:
#   watch --once over 5,000 messages vs a bare client's UID FETCH of the
#   same bodies (target <= 1.5x); the idle watcher's RSS (<= 40 MB) and its
#   CPU between IDLE wake-ups (~0).
# Needs dovecot (scripts/install-deps.sh). Usage: scripts/bench-imap.sh [-n 5000] [-runs 3] [-idle 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/matchguard" ./cmd/proxy
go build -o "$tmp/benchimap" ./scripts/benchimap
"$tmp/benchimap" --bin "$tmp/matchguard" "$@"
