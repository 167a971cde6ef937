#!/usr/bin/env bash
# A throwaway mosquitto broker on loopback: the CTest fixture of the MQTT tests, the broker of
# `make demo` and of the MQTT benchmark. Configured as production should be (docs/broker.md):
# no anonymous clients, a password_file and an acl_file, persistence, a large queue.
#   test-mosquitto.sh start DIR   writes DIR/mosquitto.conf, starts the broker, and once it
#                                 accepts connections writes:
#     DIR/url            mqtt://hearth:PASSWORD@127.0.0.1:PORT   the service account (as hearth
#                        serve logs in): reads hearth/v1/readings/#; test/# and bench/# too
#     DIR/publisher-url  mqtt://publisher:PASSWORD@127.0.0.1:PORT  a gateway's account (the
#                        tests' publishers, the simulator): writes hearth/v1/readings/#, test/#
#                        and bench/#
#     DIR/anonymous-url  mqtt://127.0.0.1:PORT   (refused: allow_anonymous false)
#     DIR/tls-url        mqtts://hearth:PASSWORD@127.0.0.1:TLSPORT, a TLS listener whose
#                        certificate DIR/ca.crt signed (a throwaway CA made here with openssl)
#     DIR/ca.crt
#   test-mosquitto.sh restart DIR starts the broker of DIR again, as configured, with the state
#                                 it saved (the tests kill it with SIGKILL first)
#   test-mosquitto.sh stop DIR    stops it and removes DIR
# Every other account is a device: `pattern write hearth/v1/readings/%u` lets it publish only to
# its own sensor's topic.
# Environment:
#   MOSQUITTO_AUTH_DIR=D        use D/password_file and D/acl_file (as `hearth devices
#                               export-mosquitto D` writes them) instead of the accounts above;
#                               DIR/url is then the anonymous URL
#   MOSQUITTO_MAX_QUEUED=N      max_queued_messages (default 1000000; the tests of the start-up
#                               probe use a small one)
#   MOSQUITTO_AUTOSAVE=N        save the broker's state after N changes (default 1: every one)
# As root the broker keeps running as root (`user root`) so that it can write DIR.
set -euo pipefail
cmd=$1
dir=$2
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}
# Waits for both listeners, then writes the URL files (DIR/url last).
wait_ready() {
  for _ in $(seq 1 100); do
    if port_open "$port" && port_open "$tls_port"; then
      echo "mqtt://127.0.0.1:$port" > "$dir/anonymous-url"
      echo "mqtt://${publisher_userinfo}127.0.0.1:$port" > "$dir/publisher-url"
      echo "mqtts://${service_userinfo}127.0.0.1:$tls_port" > "$dir/tls-url"
      echo "mqtt://${service_userinfo}127.0.0.1:$port" > "$dir/url.tmp"
      mv "$dir/url.tmp" "$dir/url"  # last: its presence means ready
      echo "test mosquitto on port $port, TLS $tls_port ($dir)"
      exit 0
    fi
    sleep 0.1
  done
  echo "mosquitto did not start; see $dir/mosquitto.log" >&2
  cat "$dir/mosquitto.log" "$dir/stderr.log" >&2 || true
  exit 1
}
secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

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
    port=$(free_port)
    tls_port=$(free_port)
    while [ "$tls_port" = "$port" ]; do tls_port=$(free_port); done

    # Accounts.
    if [ -n "${MOSQUITTO_AUTH_DIR:-}" ]; then
      cp "$MOSQUITTO_AUTH_DIR/password_file" "$dir/password_file"
      cp "$MOSQUITTO_AUTH_DIR/acl_file" "$dir/acl_file"
      service_userinfo="" publisher_userinfo=""
    else
      service_pw=$(secret)
      publisher_pw=$(secret)
      mosquitto_passwd -c -b "$dir/password_file" hearth "$service_pw" >/dev/null
      mosquitto_passwd -b "$dir/password_file" publisher "$publisher_pw" >/dev/null
      cat > "$dir/acl_file" <<ACL
user hearth
topic read hearth/v1/readings/#
topic readwrite hearth/v1/probe/#
topic readwrite test/#
topic readwrite bench/#

user publisher
topic write hearth/v1/readings/#
topic readwrite test/#
topic readwrite bench/#

pattern write hearth/v1/readings/%u
ACL
      service_userinfo="hearth:$service_pw@"
      publisher_userinfo="publisher:$publisher_pw@"
    fi
    chmod 600 "$dir/password_file"

    # A throwaway CA and the TLS listener's certificate for 127.0.0.1 and localhost.
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
      -subj "/CN=hearth test CA" -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" \
      -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
      -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null

    {
      echo "per_listener_settings false"
      echo "allow_anonymous false"
      echo "password_file $dir/password_file"
      echo "acl_file $dir/acl_file"
      echo "listener $port 127.0.0.1"
      echo "listener $tls_port 127.0.0.1"
      echo "cafile $dir/ca.crt"
      echo "certfile $dir/server.crt"
      echo "keyfile $dir/server.key"
      echo "persistence true"
      echo "persistence_location $dir/"
      # Save the state at every change, not every 30 minutes (issue 18, item 3): a broker killed
      # between saves comes back without the sessions it had, hearth's subscription among them,
      # and drops what devices publish until hearth subscribes again. Each save rewrites the
      # whole file: fine for the queues of one city while hearth keeps up (docs/broker.md).
      echo "autosave_on_changes true"
      echo "autosave_interval ${MOSQUITTO_AUTOSAVE:-1}"
      echo "pid_file $dir/mosquitto.pid"
      echo "log_dest file $dir/mosquitto.log"
      echo "log_type error"
      echo "log_type warning"
      echo "log_type notice"
      # Messages for a disconnected persistent session (a stopped or killed `hearth serve`) are
      # queued, not dropped, up to this many. mosquitto's default, 1000, drops the rest of a
      # burst: docs/broker.md.
      echo "max_queued_messages ${MOSQUITTO_MAX_QUEUED:-1000000}"
      # In flight (sent, not yet acknowledged) per MQTT 3.1.1 client: the paho publishers of the
      # tests and the benchmark's baseline subscriber. Hearth speaks MQTT 5 and sets its own
      # Receive Maximum instead.
      echo "max_inflight_messages 1000"
      if [ "$(id -u)" -eq 0 ]; then echo "user root"; fi
    } > "$dir/mosquitto.conf"
    "$mosquitto" -c "$dir/mosquitto.conf" -d 2>>"$dir/stderr.log"  # as root: a warning
    wait_ready
    ;;
  restart)
    mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
    dir=$(cd "$dir" && pwd)
    port=$(sed -n 's/^listener \([0-9]*\) .*/\1/p' "$dir/mosquitto.conf" | head -1)
    tls_port=$(sed -n 's/^listener \([0-9]*\) .*/\1/p' "$dir/mosquitto.conf" | tail -1)
    service_userinfo=$(sed -n 's|^mqtts://\(.*@\)127\.0\.0\.1:.*|\1|p' "$dir/tls-url")
    publisher_userinfo=$(sed -n 's|^mqtt://\(.*@\)127\.0\.0\.1:.*|\1|p' "$dir/publisher-url")
    rm -f "$dir/url"
    "$mosquitto" -c "$dir/mosquitto.conf" -d 2>>"$dir/stderr.log"
    wait_ready
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
  *) echo "usage: $0 start|restart|stop DIR" >&2; exit 2 ;;
esac
