#!/usr/bin/env bash
# System tools the interoperability tests use (independent RDF parsers and SPARQL engines).
# Installed only when missing; tests that need them fail (never skip) without them.
set -euo pipefail
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v roqet >/dev/null 2>&1 || need+=(rasqal-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# a SPARQL server for `kg publish --to` (tests/test_remote_virtuoso.py starts its own, on loopback)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
