// The flags `hearth serve` and `hearth demo` share.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/cli/environment.hpp"
#include "app/runtime/service.hpp"

namespace hearth::app::cli {

struct ServeFlags {
  std::string db = DefaultDbPath();
  std::string policies = DefaultPolicyDir().string();
  runtime::ServiceOptions service;
};

inline void AddServeFlags(CLI::App* cmd, ServeFlags& f) {
  cmd->add_option("--db", f.db, "Database: a SQLite file or a postgresql:// URL");
  cmd->add_option("--listen", f.service.listen, "HOST:PORT to listen on");
  cmd->add_option("--policies", f.policies, "Directory of policy profiles");
  cmd->add_option("--threads", f.service.threads,
                  "Threads serving requests (0: one per core); logins waiting for a password "
                  "check get threads of their own");
  cmd->add_option("--mqtt", f.service.mqtt.url,
                  "Ingest readings from this MQTT broker, mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT] "
                  "(mqtts: TLS), topic hearth/v1/readings/<sensor>");
  cmd->add_option("--mqtt-password-file", f.service.mqtt.password_file,
                  "The broker password of the --mqtt URL's user, from this file's first line "
                  "(else $HEARTH_MQTT_PASSWORD)");
  cmd->add_option("--mqtt-ca-file", f.service.mqtt.ca_file,
                  "mqtts://: the CA certificates (PEM) to trust for the broker (default: the "
                  "system's)");
  cmd->add_option("--mqtt-probe-messages", f.service.mqtt.probe_messages,
                  "At start, check that the broker keeps this many messages queued for a "
                  "disconnected session, and warn if not (0: no check; docs/broker.md)");
  cmd->add_flag("--mqtt-shared", f.service.mqtt.shared,
                "Share the subscription with other instances ($share/hearth/...)");
  cmd->add_option("--mqtt-client-id", f.service.mqtt.client_id,
                  "MQTT client id, naming the persistent session (default hearth-<host>-<port>)");
  cmd->add_option("--drain-seconds", f.service.drain_seconds,
                  "At SIGTERM or SIGINT: stop accepting, answer the requests being received "
                  "(with Connection: close), close idle connections, and after this many seconds "
                  "(0-300) close whatever is left")
      ->check(CLI::Range(0, 300));  // before the database is opened (Service::Start checks too)
  cmd->add_option("--access-log", f.service.access_log,
                  "Log every request (method, path without the query, status, time, user id, "
                  "client) to this file, or to standard output with -");
  cmd->add_option("--metrics-token", f.service.metrics_token,
                  "Serve GET /metrics to other addresses than loopback with this bearer token")
      ->envname("HEARTH_METRICS_TOKEN");
  cmd->add_option("--notify-webhook", f.service.notify_webhook,
                  "Deliver notifications (replies and returns to hotline platforms, households' "
                  "messages, overdue alerts) as JSON POSTs to this http:// URL, retried with "
                  "backoff; receivers deduplicate by X-Hearth-Message-Id");
  cmd->add_option("--notify-secret", f.service.notify_secret,
                  "Sign each delivery: X-Hearth-Signature = hex HMAC-SHA256(secret, "
                  "X-Hearth-Timestamp + newline + body)")
      ->envname("HEARTH_NOTIFY_SECRET");
  f.service.web_dir = DefaultWebDir();
  cmd->add_option("--web-dir", f.service.web_dir,
                  "Serve the built web console from this directory at / (default: the build's "
                  "web/, or $HEARTH_WEB_DIR; '' for the API only)");
  cmd->add_option("--ready-min-free-mb", f.service.ready_min_free_mb,
                  "GET /readyz fails while the SQLite database's disk has less room than this "
                  "(MiB)")
      ->check(CLI::Range(0, 1 << 20));
}

}  // namespace hearth::app::cli
