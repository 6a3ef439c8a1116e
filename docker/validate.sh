#!/usr/bin/env bash
# Checks docker/ without a Docker daemon (none runs on the project's machines, and there is no
# compose plugin): the compose files against the Compose Specification JSON schema
# (docker/schema/, vendored) plus project rules, and a Dockerfile lint. Needs Node.js 20+ and npm;
# installs its three npm packages (docker/validate/package-lock.json) on first use.
#   docker/validate.sh           validate docker/
#   docker/validate.sh --self    also run the validator's own tests (broken copies must fail)
set -euo pipefail
cd "$(dirname "$0")/validate"
if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node validate.mjs
if [[ "${1:-}" == "--self" ]]; then
  node --test validate.test.mjs
fi
