#!/usr/bin/env bash
# Runs every test: installs what the tests need if missing, starts a throwaway PostgreSQL on a
# loopback port, runs the whole suite and prints a summary. Extra arguments go to `dotnet test`
# (for example: scripts/test.sh --filter "FullyQualifiedName~Tenants").
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
source scripts/lib/prerequisites.sh
source scripts/lib/postgres.sh

started=$(date +%s)
apt_install_missing \
  "/usr/lib/postgresql/*/bin/initdb:postgresql" \
  "runuser:util-linux" \
  "python3:python3" \
  "openssl:openssl" \
  "scepclient:scep" \
  "node:nodejs" \
  "npm:npm" \
  "chromium:chromium" \
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core"
npm_install_interop "$REPO_ROOT/tests/Interop/node"
npm_install_interop "$REPO_ROOT/samples/node"

PG_CLEANUP=""
trap 'eval "$PG_CLEANUP"' EXIT
start_test_postgres

echo "==> building"
dotnet build SaaSMdm.sln -c Release --nologo -clp:ErrorsOnly -v quiet

echo "==> testing"
results="$REPO_ROOT/TestResults"
rm -rf "$results"
# Browser tests drive this Chromium through Playwright's bundled driver and never download a browser;
# their screenshots land in TestResults/artifacts/screenshots/<test>/.
export SAASMDM_CHROMIUM="${SAASMDM_CHROMIUM:-$(command -v chromium)}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export SAASMDM_TEST_ARTIFACTS="$results/artifacts"
status=0
dotnet test SaaSMdm.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" "$@" || status=$?

python3 scripts/lib/summarize_trx.py "$results" "$(( $(date +%s) - started ))"
exit $status
