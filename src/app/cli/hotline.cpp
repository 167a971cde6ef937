// hearth hotline add-key --platform CHANNEL --company CODE [--db URL]
// hearth hotline revoke-key --key ID [--db URL]
// hearth hotline keys [--db URL]
// The hotline platforms' keys (issue 13, app/http/hotline.hpp): a platform pushes one company's
// orders to POST /api/v1/hotline/{platform}/orders, signing each with the secret printed here
// once. Audited as "cli:<os user>".
#include <iostream>

#include "adapters/crypto/tokens.hpp"
#include "adapters/storage/partner_keys_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "model/resources.hpp"
#include "rules/deadline.hpp"

namespace hearth::app::cli {
namespace {

struct HotlineFlags {
  std::string db = DefaultDbPath();
  bool db_given = false;
  std::string platform;
  std::string company;
  std::string key;
};

Result<std::unique_ptr<adapters::storage::SqlPartnerKeyStore>> OpenKeys(const HotlineFlags& f) {
  NoteDefaultDb(f.db_given, f.db);
  auto store = adapters::storage::SqlStore::Open(f.db, true);  // creates and migrates
  if (!store.ok()) return store.error();
  auto conn = adapters::storage::Connect(f.db, false);
  if (!conn.ok()) return conn.error();
  return std::make_unique<adapters::storage::SqlPartnerKeyStore>(std::move(*conn));
}

int RunAddKey(const HotlineFlags& f) {
  auto platform = rules::ParseChannel(f.platform);
  if (!platform || !rules::IsHotline(*platform)) {
    return Fail(Error::InvalidArgument(
        "--platform must be a hotline platform: city-hotline, provincial-hotline, on-receipt, "
        "internet-plus, first-question or urgent",
        "platform"));
  }
  auto keys = OpenKeys(f);
  if (!keys.ok()) return Fail(keys.error());
  auto conn = adapters::storage::Connect(f.db, false);
  if (!conn.ok()) return Fail(conn.error());
  adapters::storage::SqlRecordStore records(std::move(*conn));
  ports::ListQuery q;
  q.equals = {{"code", f.company}};
  auto companies = records.List(*model::FindResource("companies"), q);
  if (!companies.ok()) return Fail(companies.error());
  if (companies->items.empty()) {
    return Fail(Error::NotFound("no company with code '" + f.company + "' (--company)",
                                "company"));
  }
  auto id = adapters::crypto::RandomBytes(9);
  auto secret = adapters::crypto::RandomBytes(32);
  if (!id.ok()) return Fail(id.error());
  if (!secret.ok()) return Fail(secret.error());
  ports::PartnerKey key;
  key.key_id = f.platform + "-" + adapters::crypto::Base64Url(*id);
  key.platform = *platform;
  key.company_id = companies->items.front().id;
  key.secret = adapters::crypto::Base64Url(*secret);
  key.created_by = CliActor();
  auto added = (*keys)->Add(key);
  if (!added.ok()) return Fail(added.error());
  // The key id and the secret on stdout, so that a script can take them; the rest on stderr.
  std::cerr << "hotline key for " << f.platform << " orders of company " << f.company
            << ": its id, then its secret, shown only now. The platform signs each request "
               "(docs/api.md, hotline).\n";
  std::cout << added->key_id << "\n" << key.secret << "\n";
  return 0;
}

int RunRevokeKey(const HotlineFlags& f) {
  auto keys = OpenKeys(f);
  if (!keys.ok()) return Fail(keys.error());
  if (auto s = (*keys)->Revoke(f.key, CliActor()); !s.ok()) return Fail(s.error());
  std::cout << "revoked the hotline key " << f.key << "\n";
  return 0;
}

int RunKeys(const HotlineFlags& f) {
  auto keys = OpenKeys(f);
  if (!keys.ok()) return Fail(keys.error());
  auto all = (*keys)->List();
  if (!all.ok()) return Fail(all.error());
  for (const auto& k : *all) {
    std::cout << k.key_id << "\t" << rules::ChannelName(k.platform) << "\tcompany "
              << k.company_id << "\t" << FormatLocal(k.created_at) << "\t" << k.created_by
              << (k.disabled ? "\trevoked" : "") << "\n";
  }
  return 0;
}

}  // namespace

void AddHotlineCommands(CLI::App& app, int* exit_code) {
  auto* hotline = app.add_subcommand("hotline", "The hotline platforms' keys (signed orders)");
  hotline->require_subcommand(1);
  auto f = std::make_shared<HotlineFlags>();
  auto db = [f](CLI::App* cmd) {
    cmd->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URL");
  };
  auto given = [](CLI::App* cmd) { return cmd->get_option("--db")->count() > 0; };

  auto* add = hotline->add_subcommand(
      "add-key", "Issue a key (its id and secret printed once) for a platform's orders of one "
                 "company");
  db(add);
  add->add_option("--platform", f->platform, "The platform: city-hotline, provincial-hotline, …")
      ->required();
  add->add_option("--company", f->company, "The company's code")->required();
  add->callback([f, add, given, exit_code] {
    f->db_given = given(add);
    *exit_code = RunAddKey(*f);
  });

  auto* revoke = hotline->add_subcommand("revoke-key", "Revoke a key: its requests are refused");
  db(revoke);
  revoke->add_option("--key", f->key, "The key's id")->required();
  revoke->callback([f, revoke, given, exit_code] {
    f->db_given = given(revoke);
    *exit_code = RunRevokeKey(*f);
  });

  auto* list = hotline->add_subcommand("keys", "List the keys (never their secrets)");
  db(list);
  list->callback([f, list, given, exit_code] {
    f->db_given = given(list);
    *exit_code = RunKeys(*f);
  });
}

}  // namespace hearth::app::cli
