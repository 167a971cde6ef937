#!/usr/bin/env bash
# A throwaway mosquitto broker on loopback: the CTest fixture of the MQTT tests, and the broker of
# the MQTT benchmark.
#   test-mosquitto.sh start DIR   writes DIR/mosquitto.conf, starts the broker; writes DIR/url
#                                 (mqtt://127.0.0.1:PORT) once it accepts connections
#   test-mosquitto.sh stop DIR    stops it and removes DIR
# Persistence is on (sessions and queued messages survive a broker restart in DIR). As root the
# broker keeps running as root (`user root`) so that it can write DIR.
set -euo pipefail
cmd=$1
dir=$2
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$cmd" in
  start)
    command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] ||
      { echo "mosquitto is not installed: run scripts/install-deps.sh" >&2; exit 1; }
    mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
    if [ -f "$dir/url" ] && [ -f "$dir/mosquitto.pid" ] && kill -0 "$(cat "$dir/mosquitto.pid")" 2>/dev/null; then
      exit 0  # already running
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || shuf -i 20000-60000 -n 1)
    {
      echo "listener $port 127.0.0.1"
      echo "allow_anonymous true"
      echo "persistence true"
      echo "persistence_location $dir/"
      echo "pid_file $dir/mosquitto.pid"
      echo "log_dest file $dir/mosquitto.log"
      echo "log_type error"
      echo "log_type warning"
      echo "log_type notice"
      # Messages for a disconnected persistent session (a stopped or killed `hearth serve`) are
      # queued, not dropped, up to this many.
      echo "max_queued_messages 1000000"
      # In flight (sent, not yet acknowledged) per MQTT 3.1.1 client: the paho publishers of the
      # tests and the benchmark's baseline subscriber. Hearth speaks MQTT 5 and sets its own
      # Receive Maximum instead.
      echo "max_inflight_messages 1000"
      if [ "$(id -u)" -eq 0 ]; then echo "user root"; fi
    } > "$dir/mosquitto.conf"
    "$mosquitto" -c "$dir/mosquitto.conf" -d 2>>"$dir/stderr.log"  # as root: a warning
    for _ in $(seq 1 100); do
      if port_open "$port"; then
        echo "mqtt://127.0.0.1:$port" > "$dir/url.tmp"
        mv "$dir/url.tmp" "$dir/url"
        echo "test mosquitto on port $port ($dir)"
        exit 0
      fi
      sleep 0.1
    done
    echo "mosquitto did not start; see $dir/mosquitto.log" >&2
    cat "$dir/mosquitto.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/mosquitto.pid" ]; then
      pid=$(cat "$dir/mosquitto.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
