#!/usr/bin/env bash
# Installs everything Casescore's tests need on a fresh machine, and nothing from outside the package registries:
# Debian's chromium for the browser tests (only when no Chromium is found) and postgresql-15 for the team server
# (only when no PostgreSQL 15 or later is found), then the npm packages. The Electron
# and Playwright browser downloads are skipped: they cannot be fetched on the build machines, and the tests use
# Debian's chromium instead.
set -euo pipefail
cd "$(dirname "$0")/.."

# PostgreSQL 15 or later, for the team server and its tests (server/cluster.ts finds it the same way).
have_postgres() {
  [ -n "${PG_BIN:-}" ] && [ -x "${PG_BIN}/initdb" ] && return 0
  compgen -G '/usr/lib/postgresql/1[5-9]/bin/initdb' >/dev/null || compgen -G '/usr/lib/postgresql/[2-9][0-9]/bin/initdb' >/dev/null
}

have_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && return 0
  [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -x /usr/bin/google-chrome ]
}

# Debian packages the tests use: chromium (browser tests), poppler-utils (the report-to-PDF test reads pages
# and text back with pdfinfo, pdftotext and pdftoppm) and postgresql-15 (the team server's tests start their own
# clusters with its initdb, pg_ctl and pg_basebackup; Debian's package also starts a default cluster, unused).
missing=()
have_postgres || missing+=(postgresql-15)
have_chromium || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing Debian's ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: ${missing[*]} missing and no apt-get to install them with." >&2
    echo "setup: install Chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary), poppler-utils and PostgreSQL 15 or later (or set PG_BIN to its bin folder)." >&2
    exit 1
  fi
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
echo "setup: done ($(node --version), $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo 'Chromium from CHROMIUM_PATH'))"
