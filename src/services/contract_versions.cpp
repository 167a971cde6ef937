#include "services/contract_versions.hpp"

#include <array>

#include "model/resources.hpp"

namespace hearth::services {
namespace {

constexpr std::array<const char*, 3> kTerms = {"agreed_temp", "billing", "contract"};

ports::FieldValue Stored(const ports::Record& r, const char* name) {
  auto it = r.fields.find(name);
  return it == r.fields.end() ? ports::FieldValue{nullptr} : it->second;
}

/// Whether `changes` to the household `before` change its terms.
bool ChangesTerms(const ports::Record& before, const ports::Fields& changes) {
  for (const char* name : kTerms) {
    auto it = changes.find(name);
    if (it != changes.end() && it->second != Stored(before, name)) return true;
  }
  return false;
}

}  // namespace

Status KeepTerms(ports::RecordTransaction& tx, const ports::Record& before,
                 const ports::Fields& changes, Date day, const std::string& actor) {
  if (!ChangesTerms(before, changes)) return OkStatus();
  ports::Fields version = {{"household_id", before.id}, {"valid_until", FormatDate(day)}};
  for (const char* name : kTerms) version[name] = Stored(before, name);
  auto made = tx.Create(*model::FindResource("contract_versions"), version, {}, actor);
  if (!made.ok()) return made.error();
  return OkStatus();
}

}  // namespace hearth::services
