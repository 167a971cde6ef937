// hearth devices credentials (--sensor CODE | --service NAME) [--db URL]
// hearth devices revoke --username U [--db URL]
// hearth devices list [--db URL]
// hearth devices export-mosquitto DIR [--db URL]
// hearth devices http-token --name N --sensor CODE [--sensor CODE …] [--db URL]
// hearth devices revoke-http-token --name N [--db URL]
// Broker accounts (issue 12, services::DeviceCredentialService): a device logs in to mosquitto
// under its sensor's code with the password printed here once, and may publish only to its own
// topic; a service account is what `hearth serve --mqtt mqtt://NAME@HOST:PORT` logs in as. The
// broker checks them against the files export-mosquitto writes (docs/broker.md). Audited as
// "cli:<os user>". A device or gateway that posts readings over HTTP gets an HTTP token instead
// (services::DeviceTokenService): it may send for the sensors it was issued for, nothing else.
#include <iostream>

#include "adapters/clock/system_clock.hpp"
#include "adapters/crypto/mosquitto_hash.hpp"
#include "adapters/crypto/tokens.hpp"
#include "adapters/mqtt/mosquitto_files.hpp"
#include "adapters/storage/device_credentials_sql.hpp"
#include "adapters/storage/device_tokens_sql.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "services/device_credential_service.hpp"
#include "services/device_token_service.hpp"

namespace hearth::app::cli {
namespace {

struct DeviceFlags {
  std::string db = DefaultDbPath();
  bool db_given = false;
  std::string sensor;
  std::string service;
  std::string username;
  std::string dir;
  std::string name;                  // an HTTP token's
  std::vector<std::string> sensors;  // an HTTP token's
};

// The credential service over the database, migrated first.
struct Devices {
  static Result<std::unique_ptr<Devices>> Open(const DeviceFlags& f) {
    NoteDefaultDb(f.db_given, f.db);
    auto store = adapters::storage::SqlStore::Open(f.db, true);  // creates and migrates
    if (!store.ok()) return store.error();
    auto conn = adapters::storage::Connect(f.db, false);
    if (!conn.ok()) return conn.error();
    auto tokens_conn = adapters::storage::Connect(f.db, false);
    if (!tokens_conn.ok()) return tokens_conn.error();
    auto sensors = adapters::storage::OpenReadingStore(f.db);
    if (!sensors.ok()) return sensors.error();
    return std::make_unique<Devices>(std::move(*conn), std::move(*tokens_conn),
                                     std::move(*sensors));
  }
  Devices(std::unique_ptr<adapters::storage::Connection> conn,
          std::unique_ptr<adapters::storage::Connection> tokens_conn,
          std::unique_ptr<ports::ReadingStore> sensors_store)
      : credentials(std::move(conn)),
        tokens(std::move(tokens_conn)),
        sensors(std::move(sensors_store)) {}

  adapters::storage::SqlDeviceCredentialStore credentials;
  adapters::storage::SqlDeviceTokenStore tokens;
  std::unique_ptr<ports::ReadingStore> sensors;
  adapters::clock::SystemClock clock;
  adapters::crypto::MosquittoHasher hasher;
  adapters::crypto::RandomTokenIssuer random;
  services::DeviceCredentialService service{credentials, *sensors, hasher, random, clock};
  services::DeviceTokenService http_tokens{tokens, *sensors, random, clock};
};

int RunCredentials(const DeviceFlags& f) {
  if (f.sensor.empty() == f.service.empty()) {
    return Fail(Error::InvalidArgument("give one of --sensor CODE or --service NAME", "sensor"));
  }
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  auto issued = f.sensor.empty() ? (*devices)->service.IssueService(f.service, CliActor())
                                 : (*devices)->service.IssueForSensor(f.sensor, CliActor());
  if (!issued.ok()) {
    Error e = issued.error();
    if (e.field == "sensor" && e.code == ErrorCode::kNotFound) {
      e.message = "no sensor with code '" + f.sensor + "' (--sensor)";
    }
    return Fail(e);
  }
  // The password alone on stdout, so that a script can take it; the rest on stderr.
  std::cerr << "broker account " << issued->username
            << ": its password follows, shown only now. Run `hearth devices export-mosquitto "
               "DIR` and reload the broker (SIGHUP) for it to take effect.\n";
  std::cout << issued->password << "\n";
  return 0;
}

int RunRevoke(const DeviceFlags& f) {
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  if (auto s = (*devices)->service.Revoke(f.username, CliActor()); !s.ok()) return Fail(s.error());
  std::cout << "revoked the broker account " << f.username
            << " (export the files again and reload the broker)\n";
  return 0;
}

int RunList(const DeviceFlags& f) {
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  auto all = (*devices)->service.List();
  if (!all.ok()) return Fail(all.error());
  for (const auto& c : *all) {
    std::cout << c.username << "\t" << c.kind << "\t" << c.issued_at << "\t" << c.issued_by << "\n";
  }
  auto tokens = (*devices)->http_tokens.List();
  if (!tokens.ok()) return Fail(tokens.error());
  for (const auto& t : *tokens) {
    std::cout << t.name << "\thttp-token (" << t.sensor_ids.size() << " sensors)\t" << t.issued_at
              << "\t" << t.issued_by << "\n";
  }
  return 0;
}

int RunHttpToken(const DeviceFlags& f) {
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  auto issued = (*devices)->http_tokens.Issue(f.name, f.sensors, CliActor());
  if (!issued.ok()) return Fail(issued.error());
  // The token alone on stdout, so that a script can take it; the rest on stderr.
  std::cerr << "HTTP token " << issued->name << " for " << issued->sensor_ids.size()
            << " sensors: it follows, shown only now. Send it as Authorization: Bearer <token> "
               "with POST /api/v1/readings.\n";
  std::cout << issued->token << "\n";
  return 0;
}

int RunRevokeHttpToken(const DeviceFlags& f) {
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  if (auto s = (*devices)->http_tokens.Revoke(f.name, CliActor()); !s.ok()) return Fail(s.error());
  std::cout << "revoked the HTTP token " << f.name << "\n";
  return 0;
}

int RunExport(const DeviceFlags& f) {
  auto devices = Devices::Open(f);
  if (!devices.ok()) return Fail(devices.error());
  auto all = (*devices)->service.List();
  if (!all.ok()) return Fail(all.error());
  if (auto s = adapters::mqtt::WriteMosquittoFiles(f.dir, *all); !s.ok()) return Fail(s.error());
  size_t services = 0;
  for (const auto& c : *all) services += c.kind == "service" ? size_t{1} : size_t{0};
  std::cout << "wrote " << f.dir << "/password_file and " << f.dir << "/acl_file ("
            << all->size() - services << " devices, " << services << " service accounts)\n";
  if (services == 0) {
    std::cerr << "note: no service account: `hearth devices credentials --service hearth` makes "
                 "the one `hearth serve --mqtt` logs in as\n";
  }
  return 0;
}

}  // namespace

void AddDevicesCommands(CLI::App& app, int* exit_code) {
  auto* devices = app.add_subcommand(
      "devices", "Broker accounts of devices and of Hearth itself (every change is audited)");
  devices->require_subcommand(1);
  auto f = std::make_shared<DeviceFlags>();
  auto db = [f](CLI::App* cmd) {
    cmd->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  };
  auto given = [](CLI::App* cmd) { return cmd->get_option("--db")->count() > 0; };

  auto* credentials = devices->add_subcommand(
      "credentials",
      "Issue a broker password (printed once) for a sensor's device or a service account; "
      "replaces an earlier one");
  db(credentials);
  credentials->add_option("--sensor", f->sensor,
                          "The sensor's code: the device's user name; it may publish only to "
                          "hearth/v1/readings/<code>");
  credentials->add_option("--service", f->service,
                          "A service account's name (what hearth serve --mqtt logs in as): it "
                          "may read every sensor's readings");
  credentials->callback([f, credentials, given, exit_code] {
    f->db_given = given(credentials);
    *exit_code = RunCredentials(*f);
  });

  auto* revoke = devices->add_subcommand("revoke", "Delete a broker account");
  db(revoke);
  revoke->add_option("--username", f->username, "The account (a sensor's code, or a service)")
      ->required();
  revoke->callback([f, revoke, given, exit_code] {
    f->db_given = given(revoke);
    *exit_code = RunRevoke(*f);
  });

  auto* list = devices->add_subcommand("list", "List the broker accounts (never a password)");
  db(list);
  list->callback([f, list, given, exit_code] {
    f->db_given = given(list);
    *exit_code = RunList(*f);
  });

  auto* http = devices->add_subcommand(
      "http-token",
      "Issue an HTTP token (printed once) for a device or gateway that posts readings: it may "
      "send for the given sensors only; replaces an earlier token of the same name");
  db(http);
  http->add_option("--name", f->name, "The device's or gateway's name")->required();
  http->add_option("--sensor", f->sensors, "A sensor's code (repeat for a gateway's sensors)")
      ->required();
  http->callback([f, http, given, exit_code] {
    f->db_given = given(http);
    *exit_code = RunHttpToken(*f);
  });

  auto* revoke_http = devices->add_subcommand("revoke-http-token", "Delete an HTTP token");
  db(revoke_http);
  revoke_http->add_option("--name", f->name, "The token's name")->required();
  revoke_http->callback([f, revoke_http, given, exit_code] {
    f->db_given = given(revoke_http);
    *exit_code = RunRevokeHttpToken(*f);
  });

  auto* exp = devices->add_subcommand(
      "export-mosquitto",
      "Write DIR/password_file and DIR/acl_file for mosquitto (password_file, acl_file, "
      "allow_anonymous false: docs/broker.md)");
  db(exp);
  exp->add_option("DIR", f->dir, "The directory to write the two files to")->required();
  exp->callback([f, exp, given, exit_code] {
    f->db_given = given(exp);
    *exit_code = RunExport(*f);
  });
}

}  // namespace hearth::app::cli
