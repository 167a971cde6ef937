#!/usr/bin/env bash
# Installs the Debian 12 packages Hearth builds and tests with, when missing. Idempotent: a
# machine that has them all runs no apt at all. Uses sudo when not root.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build make pkg-config git curl ca-certificates
  # libraries (DEVELOPERS.md lists why each)
  libboost1.81-dev nlohmann-json3-dev libsimdjson-dev libtomlplusplus-dev libcli11-dev
  libspdlog-dev libfmt-dev libargon2-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15
  libssl-dev  # libcrypto: SHA-256 of session tokens, PBKDF2 of broker passwords; libssl: mqtts://
  libpaho-mqtt-dev libpaho-mqttpp-dev libxlsxwriter-dev
  mosquitto  # the MQTT broker of `make demo` and of the tests (scripts/test-mosquitto.sh)
  openssl  # the test broker's throwaway CA and certificate (mqtts:// tests)
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  unzip                     # reads back the xlsx reports in their tests
  clang libclang-rt-14-dev  # libFuzzer targets (fuzz/)
  wrk                       # HTTP load in make bench
  # the web console's browser tests (web/tests/browser): Debian's Chromium, driven by
  # playwright-core; a CJK font so that its screenshots show the Chinese pages
  chromium fonts-wqy-microhei
)
# The console's build (web/): Node.js and npm, from Debian unless the machine has them already
# (e.g. NodeSource's nodejs, which brings its own npm and conflicts with Debian's npm).
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
