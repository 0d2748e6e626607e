#!/usr/bin/env bash
# Starts the whole system locally on SQLite: Core, Edge and Portal, with a demo tenant made on first run.
# State lives in .local/ (delete it to start over). Ctrl-C stops everything.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
STATE="$REPO_ROOT/.local"
mkdir -p "$STATE/core" "$STATE/edge" "$STATE/logs"

CORE_GRPC="${CORE_GRPC:-http://127.0.0.1:5100}"
CORE_HTTP="${CORE_HTTP:-http://127.0.0.1:5101}"
EDGE_URL="${EDGE_URL:-https://127.0.0.1:5443}"
PORTAL_URL="${PORTAL_URL:-http://127.0.0.1:5080}"

# Secrets made once per checkout, readable by this user only.
secret() {
  local file="$STATE/$1"
  if [[ ! -s "$file" ]]; then
    head -c "$2" /dev/urandom | base64 | tr -d '\n=+/' >"$file"
    chmod 600 "$file"
  fi
  cat "$file"
}
# Edge and Core prove to each other they belong together with a shared secret.
GATEWAY_SECRET="$(secret gateway-secret 32)"
# The demo tenant's enrollment token, so the printed enrollment URL works.
DEMO_TOKEN="$(secret demo-enrollment-token 24)"
# Core bootstraps an operator API client (for curl and the samples), the portal's client and an operator person.
OPERATOR_CLIENT_ID=local-operator
OPERATOR_CLIENT_SECRET="$(secret operator-client-secret 32)"
PORTAL_CLIENT_SECRET="$(secret portal-client-secret 32)"
DEMO_EMAIL=admin@demo.saasmdm.test
DEMO_PASSWORD="$(secret demo-password 15)"

echo "==> building"
dotnet build SaaSMdm.sln -c Debug --nologo -clp:ErrorsOnly -v quiet

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# start NAME PROJECT ENV... : runs the built host from its output folder, logging to .local/logs/NAME.log
start() {
  local name="$1" project="$2"
  shift 2
  local out="$REPO_ROOT/src/$project/bin/Debug/net10.0"
  (cd "$out" && exec env ASPNETCORE_ENVIRONMENT=Development "$@" dotnet "SaaSMdm.$project.dll") >"$STATE/logs/$name.log" 2>&1 &
  pids+=("$!")
}

wait_for() {
  local name="$1" url="$2"
  for _ in $(seq 1 120); do
    if curl -ksf -o /dev/null "$url"; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "$name exited; see .local/logs/$name.log" >&2
      tail -n 20 "$STATE/logs/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$name did not become ready at $url; see .local/logs/$name.log" >&2
  exit 1
}

echo "==> starting Core"
start core Core \
  SAASMDM_Core__GrpcUrl="$CORE_GRPC" SAASMDM_Core__HttpUrl="$CORE_HTTP" \
  SAASMDM_Database__Provider=Sqlite SAASMDM_Database__DataDirectory="$STATE/core" \
  SAASMDM_Gateway__SharedSecret="$GATEWAY_SECRET" \
  SAASMDM_Bootstrap__OperatorClientId="$OPERATOR_CLIENT_ID" SAASMDM_Bootstrap__OperatorClientSecret="$OPERATOR_CLIENT_SECRET" \
  SAASMDM_Bootstrap__PortalClientId=local-portal SAASMDM_Bootstrap__PortalClientSecret="$PORTAL_CLIENT_SECRET" \
  SAASMDM_Bootstrap__OperatorEmail="$DEMO_EMAIL" SAASMDM_Bootstrap__OperatorPassword="$DEMO_PASSWORD" \
  SAASMDM_Demo__SeedTenant=true SAASMDM_Demo__TenantSlug=demo SAASMDM_Demo__TenantDisplayName="Demo Organization" \
  SAASMDM_Demo__EnrollmentTokenSecret="$DEMO_TOKEN" SAASMDM_Apns__Development=true
wait_for core "$CORE_HTTP/readyz"

echo "==> starting Edge"
start edge Edge \
  SAASMDM_Edge__Url="$EDGE_URL" SAASMDM_Edge__PublicUrl="$EDGE_URL" SAASMDM_Edge__CoreUrl="$CORE_GRPC" SAASMDM_Edge__DataDirectory="$STATE/edge" \
  SAASMDM_Gateway__SharedSecret="$GATEWAY_SECRET"
wait_for edge "$EDGE_URL/readyz"

echo "==> starting Portal"
start portal Portal \
  SAASMDM_Portal__Url="$PORTAL_URL" SAASMDM_Portal__CoreUrl="$CORE_GRPC" SAASMDM_Portal__EdgeUrl="$EDGE_URL" \
  SAASMDM_Portal__CoreHttpUrl="$CORE_HTTP" SAASMDM_Portal__ClientId=local-portal SAASMDM_Portal__ClientSecret="$PORTAL_CLIENT_SECRET" \
  SAASMDM_Portal__KeysDirectory="$STATE/portal-keys" SAASMDM_Portal__SecureCookies=false
wait_for portal "$PORTAL_URL/healthz"

cat <<INFO

SaaS MDM is running (state in .local/, logs in .local/logs/):
  Portal          $PORTAL_URL/
  Edge (devices)  $EDGE_URL/t/demo/         (development CA: .local/edge/dev-ca.crt)
  Core gRPC API   $CORE_GRPC              (h2c; every call needs a bearer token)
  Core HTTP       $CORE_HTTP/oauth2/token, /readyz
  Demo tenant     slug 'demo' ("Demo Organization"); pushes go to a fake APNs inside Core
  Enrollment URL  $EDGE_URL/t/demo/enroll?token=$DEMO_TOKEN
  Demo login      $DEMO_EMAIL / $DEMO_PASSWORD   (an operator; also in .local/demo-password)
  API client      $OPERATOR_CLIENT_ID / secret in .local/operator-client-secret (operator, every scope)

Get an access token for the API:
  curl -s -u "$OPERATOR_CLIENT_ID:\$(cat .local/operator-client-secret)" -d grant_type=client_credentials $CORE_HTTP/oauth2/token

Enroll simulated devices (in another terminal):
  dotnet run --project tests/DeviceSim -- --url $EDGE_URL/t/demo --token $DEMO_TOKEN --ca-file .local/edge/dev-ca.crt --count 3

Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
echo "a host exited; see .local/logs/" >&2
