#!/usr/bin/env bash
# System tools some tests use (an independent RDF parser, an XML validator, a SPARQL server,
# npm for the page's libraries, a headless browser);
# the same list as SYSTEM_TOOLS in dev.py. Installed only when missing. Without them, those
# tests are skipped with a one-line reason outside CI and fail in CI (CI=true).
set -euo pipefail
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# a SPARQL server for `kg publish --to` (tests/test_remote_virtuoso.py starts its own, on loopback)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
# npm vendors the kg serve page's JavaScript libraries (dev.py, web/package-lock.json)
command -v npm >/dev/null 2>&1 || need+=(npm)
# a real headless browser for the kg serve page (tests/test_web.py drives it with playwright)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing ${need[*]} ..."
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
