#!/usr/bin/env bash
# Refreshes the vendored bpmn-js viewer that the monitor page (/monitor/) loads.
#
# The app serves bpmn-js from its own jar (no CDN), and `mvn -pl app -am spring-boot:test-run` must
# work with a JDK and Maven only, so the few files the page needs are committed under
# app/src/main/resources/static/monitor/vendor/bpmn-js/. This script is the only way they change:
# it fetches the npm package with `npm pack` (npm checks the registry's integrity hash), copies the
# prebuilt viewer bundle, its two style sheets and the license, and writes SHA256SUMS, which
# VendoredAssetsTest checks on every build.
#
# usage: app/scripts/vendor-bpmn-js.sh [version]     (needs node + npm; default: the version below)
set -euo pipefail
version="${1:-18.31.1}"
here="$(cd "$(dirname "$0")/.." && pwd)"
target="$here/src/main/resources/static/monitor/vendor/bpmn-js"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "bpmn-js@$version" >/dev/null && tar xzf "bpmn-js-$version.tgz")
pkg="$work/package"
test "$(node -p "require('$pkg/package.json').version")" = "$version"

rm -rf "$target"
mkdir -p "$target"
cp "$pkg/dist/bpmn-navigated-viewer.production.min.js" "$target/"
cp "$pkg/dist/assets/diagram-js.css" "$pkg/dist/assets/bpmn-js.css" "$target/"
cp "$pkg/LICENSE" "$target/LICENSE"
echo "$version" > "$target/VERSION"
(cd "$target" && sha256sum bpmn-navigated-viewer.production.min.js diagram-js.css bpmn-js.css LICENSE VERSION > SHA256SUMS)
echo "bpmn-js $version vendored into ${target#"$here/"}:"
cat "$target/SHA256SUMS"
