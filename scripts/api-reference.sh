#!/usr/bin/env bash
# Regenerates docs/api-reference.md from protos/saasmdm/v1 (tests/Rpc.Tests/ApiReferenceTests checks it is current).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet run --project "$root/tools/ApiReference" -- "$root"
