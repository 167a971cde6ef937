#!/usr/bin/env bash
# `make demo`: a mosquitto broker on loopback (var/mosquitto, a free port), then `hearth demo`
# taking readings from it while the season simulator publishes to it as the sensors would. Ctrl-C
# stops both. Extra arguments go to `hearth demo` (e.g. --no-simulate, --seed 7).
set -euo pipefail
cd "$(dirname "$0")/.."
broker=var/mosquitto
scripts/test-mosquitto.sh start "$broker" >/dev/null
trap 'scripts/test-mosquitto.sh stop "$broker"' EXIT
url=$(cat "$broker/url")
echo "MQTT broker on $url (topic hearth/v1/readings/<sensor>)"
./build/bin/hearth demo --db var/demo.db --listen 127.0.0.1:8080 --mqtt "$url" \
  --mqtt-client-id hearth-demo "$@"
