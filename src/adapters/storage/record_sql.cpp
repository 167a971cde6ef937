#include "adapters/storage/record_sql.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace hearth::adapters::storage::record_sql {

using ports::Fields;
using ports::Record;

std::string Columns(const model::Resource& r) {
  std::string out = "r.id";
  for (const auto& f : r.fields) out += ", r." + f.name;
  return out;
}

Record ToRecord(const model::Resource& r, const Rows& rows, size_t i) {
  Record rec;
  rec.id = rows.Int(i, 0);
  for (size_t c = 0; c < r.fields.size(); ++c) rec.fields[r.fields[c].name] = rows.rows[i][c + 1];
  return rec;
}

// Appends the scope conditions; `params` grows with their values.
void AddScope(const model::Resource& r, const ports::Scope& scope, std::string& where,
              std::vector<Value>& params) {
  if (scope.company_id) {
    // A company-scoped caller sees nothing of a resource that belongs to no company
    // only if the resource is company-owned; shared resources (districts) stay visible.
    if (!r.ownership.company_expr.empty()) {
      params.emplace_back(*scope.company_id);
      where += " AND " + r.ownership.company_expr + " = $" + std::to_string(params.size());
    }
  }
  if (scope.household_id) {
    if (r.ownership.household_expr.empty()) {
      where += " AND 1 = 0";
    } else {
      params.emplace_back(*scope.household_id);
      where += " AND " + r.ownership.household_expr + " = $" + std::to_string(params.size());
    }
  }
}

std::string ToJson(const Record& rec) {
  nlohmann::ordered_json j;
  j["id"] = rec.id;
  for (const auto& [k, v] : rec.fields) {
    if (const auto* i = std::get_if<int64_t>(&v))
      j[k] = *i;
    else if (const auto* s = std::get_if<std::string>(&v))
      j[k] = *s;
    else
      j[k] = nullptr;
  }
  return j.dump();
}

Error NotFound(const model::Resource& r, int64_t id) {
  return Error::NotFound("no " + r.singular + " " + std::to_string(id), "id");
}

// A constraint failure on a create or update, in the client's terms: a taken unique key names
// the natural keys; a broken reference says the record refers to one that does not exist.
Error Conflict(const model::Resource& r, const Error& e) {
  Error out = e;
  if (e.code == ErrorCode::kAlreadyExists) {
    std::string keys;
    for (const auto& u : r.unique) {
      std::string k;
      for (const auto& f : u) k += (k.empty() ? "" : "+") + f;
      keys += (keys.empty() ? "" : ", ") + k;
    }
    out.message = "the " + r.singular + " conflicts with existing records" +
                  (keys.empty() ? std::string() : " (unique: " + keys + ")");
  } else if (e.code == ErrorCode::kFailedPrecondition) {
    out.message = "the " + r.singular + " refers to a record that does not exist";
  }
  return out;
}

Error OutsideScope(const model::Resource& r) {
  return Error::PermissionDenied("the " + r.singular +
                                 " would belong to another company or household");
}

// Column names reach SQL only from the descriptor: refuse any other.
// A record may refer only to records of its own company: a household of company A in a
// partition of company B would mix the companies' data (usage rates, scopes, reports). One query
// per write gives the record's company and that of each company-owned record it refers to; the
// subqueries read the referred tables under the alias `r` their company expressions are written
// for, the written record is `o`. Runs inside the write's transaction, after the write.
namespace {

bool IdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Does the SQL expression name `column` ("r.household_id") as a whole word?
bool Mentions(const std::string& expr, const std::string& column) {
  for (size_t at = expr.find(column); at != std::string::npos; at = expr.find(column, at + 1)) {
    const size_t end = at + column.size();
    if ((at == 0 || !IdentifierChar(expr[at - 1])) &&
        (end == expr.size() || !IdentifierChar(expr[end]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

Status CheckSameCompany(Connection& conn, const model::Resource& r,
                        std::span<const int64_t> ids) {
  if (r.ownership.company_expr.empty() || ids.empty()) return OkStatus();
  std::vector<const model::Field*> refs;
  std::string select =
      "(SELECT " + r.ownership.company_expr + " FROM " + r.name + " r WHERE r.id = o.id)";
  for (const auto& f : r.fields) {
    if (f.type != model::FieldType::kRef || f.name == "company_id") continue;
    // The record's company is its reference's (a room's is its household's): they agree.
    if (Mentions(r.ownership.company_expr, "r." + f.name)) continue;
    const model::Resource* target = model::FindResource(f.ref);
    if (target == nullptr || target->ownership.company_expr.empty()) continue;
    refs.push_back(&f);
    select += ", (SELECT " + target->ownership.company_expr + " FROM " + target->name +
              " r WHERE r.id = o." + f.name + ")";
  }
  if (refs.empty()) return OkStatus();
  std::vector<Value> params(ids.begin(), ids.end());
  auto rows = conn.Query("SELECT " + select + " FROM " + r.name + " o WHERE o.id IN (" +
                             Placeholders(1, ids.size()) + ")",
                         params);
  if (!rows.ok()) return rows.error();
  for (size_t row = 0; row < rows->rows.size(); ++row) {
    if (rows->IsNull(row, 0)) continue;
    const int64_t company = rows->Int(row, 0);
    for (size_t i = 0; i < refs.size(); ++i) {
      if (rows->IsNull(row, i + 1)) continue;  // an optional reference left empty
      if (rows->Int(row, i + 1) != company) {
        return Error::InvalidArgument(refs[i]->name + " refers to a " +
                                          model::FindResource(refs[i]->ref)->singular +
                                          " of another company",
                                      refs[i]->name);
      }
    }
  }
  return OkStatus();
}

Status KnownFields(const model::Resource& r, const Fields& fields) {
  for (const auto& [name, value] : fields) {
    if (r.Find(name) == nullptr) {
      return Error::InvalidArgument("unknown field '" + name + "' of " + r.singular, name);
    }
  }
  return OkStatus();
}

}  // namespace hearth::adapters::storage::record_sql
