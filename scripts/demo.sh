#!/usr/bin/env bash
# `make demo`: a mosquitto broker on loopback (var/mosquitto, a free port), then `hearth demo`
# taking readings from it while the season simulator publishes to it as the sensors would. Ctrl-C
# stops both. Extra arguments go to `hearth demo` (e.g. --no-simulate, --seed 7).
#
# The broker runs as production should (docs/broker.md): no anonymous clients, a password_file
# and an acl_file (scripts/test-mosquitto.sh makes a service account for hearth and a gateway
# account for the simulator, with random passwords), persistence saved at every change and a
# large message queue; hearth keeps one persistent session, which survives a broker crash
# (docs/broker.md, When the broker crashes).
set -euo pipefail
cd "$(dirname "$0")/.."
broker=var/mosquitto
scripts/test-mosquitto.sh start "$broker" >/dev/null
trap 'scripts/test-mosquitto.sh stop "$broker"' EXIT
url=$(cat "$broker/url")                  # mqtt://hearth:PASSWORD@127.0.0.1:PORT
publisher=$(cat "$broker/publisher-url")  # mqtt://publisher:PASSWORD@127.0.0.1:PORT
# The password through the environment, not the command line (`ps` shows that).
export HEARTH_MQTT_PASSWORD=${url#mqtt://hearth:}
HEARTH_MQTT_PASSWORD=${HEARTH_MQTT_PASSWORD%%@*}
echo "MQTT broker on mqtt://${url#*@} (topic hearth/v1/readings/<sensor>; accounts in $broker)"
./build/bin/hearth demo --db var/demo.db --listen 127.0.0.1:8080 --mqtt "mqtt://hearth@${url#*@}" \
  --mqtt-client-id hearth-demo --simulate-mqtt "$publisher" "$@"
