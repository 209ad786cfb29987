#!/usr/bin/env bash
# Installs what the integration tests need on a fresh Debian machine:
# Dovecot (IMAP), swaks (with TLS) and msmtp (SMTP clients), Python 3 (smtplib/imaplib),
# Chromium (browser test) and Mailpit (the SMTP upstream, from the Go module
# proxy). Safe to run again: it skips what is already there.
set -euo pipefail

need_apt=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need_apt+=(dovecot-imapd)
command -v swaks >/dev/null 2>&1 || need_apt+=(swaks)
command -v msmtp >/dev/null 2>&1 || need_apt+=(msmtp)
# swaks needs these for --tls (STARTTLS).
perl -MNet::SSLeay -MIO::Socket::SSL -e1 >/dev/null 2>&1 || need_apt+=(libnet-ssleay-perl libio-socket-ssl-perl)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ "${MATCHGUARD_BROWSER:-1}" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # The package starts a system dovecot; the tests run their own.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop dovecot >/dev/null 2>&1 || true; fi
  pkill -x dovecot >/dev/null 2>&1 || true
fi

gobin=$(go env GOPATH)/bin
if [ ! -x "$gobin/mailpit" ]; then
  go install github.com/axllent/mailpit@v1.33.1
fi
echo "install-deps: ready (mailpit at $gobin/mailpit)"
