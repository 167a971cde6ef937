#include "services/record_service.hpp"

#include <type_traits>
#include <vector>

#include "core/decimal.hpp"
#include "rules/access.hpp"
#include "rules/record_checks.hpp"
#include "services/contract_versions.hpp"

namespace hearth::services {
namespace {

// The rules see a record as the store keeps it: the same map, no copy.
static_assert(std::is_same_v<ports::Fields, rules::RecordFields>);

const model::Resource& Res(const char* name) { return *model::FindResource(name); }

// The sum, in fen, of the payments recorded against `fee_id` (in the transaction: the payment
// just written included).
Result<int64_t> PaidAgainst(ports::RecordTransaction& tx, int64_t fee_id) {
  ports::ListQuery q;
  q.equals["fee_id"] = fee_id;
  q.limit = 1000;
  int64_t sum = 0;
  for (;;) {
    auto page = tx.List(Res("payments"), q);
    if (!page.ok()) return page.error();
    for (const auto& p : page->items) sum += p.Int("amount").value_or(0);
    if (!page->next_cursor) return sum;
    q.after = page->next_cursor;
  }
}

Error Overpaid(int64_t fee_id, int64_t paid, int64_t fee) {
  return Error::InvalidArgument("amount: the payments against fee " + std::to_string(fee_id) +
                                    " would add up to " + FormatFen(paid) +
                                    " yuan, more than the fee's " + FormatFen(fee) +
                                    " yuan (record money paid beyond a fee without fee_id)",
                                "amount");
}

// A payment pays a fee of its own household, and never more than the fee leaves owed.
Status CheckPayment(ports::RecordTransaction& tx, const ports::Record& payment) {
  const auto fee_id = payment.Int("fee_id");
  if (!fee_id) return OkStatus();
  // Unscoped: the store has already refused a fee outside the caller's company (a reference
  // stays within the company), so this read reveals nothing the caller may not read.
  auto fee = tx.Get(Res("fees"), *fee_id, {});
  if (!fee.ok()) return fee.error();
  if (fee->Int("household_id") != payment.Int("household_id")) {
    return Error::InvalidArgument("fee_id: fee " + std::to_string(*fee_id) +
                                      " is another household's; a payment pays a fee of its "
                                      "own household",
                                  "fee_id");
  }
  auto paid = PaidAgainst(tx, *fee_id);
  if (!paid.ok()) return paid.error();
  const int64_t amount = fee->Int("amount").value_or(0);
  if (*paid > amount) return Overpaid(*fee_id, *paid, amount);
  return OkStatus();
}

// A fee is not lowered below what has been paid against it.
Status CheckFee(ports::RecordTransaction& tx, const ports::Record& fee) {
  auto paid = PaidAgainst(tx, fee.id);
  if (!paid.ok()) return paid.error();
  const int64_t amount = fee.Int("amount").value_or(0);
  if (*paid > amount) {
    return Error::InvalidArgument("amount: " + FormatFen(*paid) +
                                      " yuan has been paid against this fee, more than " +
                                      FormatFen(amount) + " yuan",
                                  "amount");
  }
  return OkStatus();
}

// Z 3.4, R-REG-1: a building stands in a district licensed to its company, and a company
// announces seasons (R-SEASON-1) only where it is licensed. `what`: "a building", ….
Status CheckLicence(ports::RecordTransaction& tx, const ports::Record& record,
                    const std::string& what) {
  const auto company = record.Int("company_id");
  const auto district = record.Int("district_id");
  if (!company || !district) return OkStatus();  // required fields: the decoder's
  ports::ListQuery q;
  q.equals = {{"company_id", *company}, {"district_id", *district}};
  q.limit = 1;
  auto licences = tx.List(Res("licensed_districts"), q);
  if (!licences.ok()) return licences.error();
  if (licences->items.empty()) {
    return Error::PermissionDenied(
        "district_id: district " + std::to_string(*district) +
            " is not in the licensed service area of company " + std::to_string(*company) +
            " (Z 3.4: " + what + "'s district must be licensed to its company)",
        "district_id");
  }
  return OkStatus();
}

// The checks that need other records, on `written` (the record as stored); `changed` holds the
// fields the request gave (all of them on a create).
Status CheckRelations(ports::RecordTransaction& tx, const model::Resource& r,
                      const ports::Record& written, const ports::Fields& changed, bool created) {
  auto gave = [&](const char* field) { return created || changed.count(field) > 0; };
  if (r.name == "payments" && (gave("fee_id") || gave("amount"))) {
    return CheckPayment(tx, written);
  }
  if (r.name == "fees" && !created && gave("amount")) return CheckFee(tx, written);
  if (r.name == "buildings" && (gave("district_id") || gave("company_id"))) {
    return CheckLicence(tx, written, "a building");
  }
  if (r.name == "season_announcements" && (gave("district_id") || gave("company_id"))) {
    return CheckLicence(tx, written, "an announcement");
  }
  return OkStatus();
}

// The characters of UTF-8 text (its bytes that do not continue a character).
size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The terms of a search text: split at spaces, tabs and ideographic spaces (U+3000, typed by
// Chinese input methods).
std::vector<std::string> Terms(std::string_view q) {
  std::vector<std::string> out;
  std::string term;
  for (size_t i = 0; i < q.size(); ++i) {
    size_t sep = 0;
    if (q[i] == ' ' || q[i] == '\t') {
      sep = 1;
    } else if (q.substr(i, 3) == "\xE3\x80\x80") {
      sep = 3;
    }
    if (sep == 0) {
      term += q[i];
      continue;
    }
    if (!term.empty()) out.push_back(std::move(term));
    term.clear();
    i += sep - 1;
  }
  if (!term.empty()) out.push_back(std::move(term));
  return out;
}

}  // namespace

Result<ports::Record> RecordService::Create(const model::Resource& r, const ports::Fields& fields,
                                            const ports::Scope& scope, const std::string& actor) {
  if (auto s = rules::CheckRecord(r, fields); !s.ok()) return s.error();
  ports::Record out;
  Status s = store_.Transact([&](ports::RecordTransaction& tx) -> Status {
    auto rec = tx.Create(r, fields, scope, actor);
    if (!rec.ok()) return rec.error();
    if (auto c = CheckRelations(tx, r, *rec, fields, true); !c.ok()) return c;
    out = std::move(*rec);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<ports::Record> RecordService::Update(const model::Resource& r, int64_t id,
                                            const ports::Fields& changes, const ports::Scope& scope,
                                            const std::string& actor) {
  ports::Record out;
  Status s = store_.Transact([&](ports::RecordTransaction& tx) -> Status {
    auto before = tx.Get(r, id, scope);
    if (!before.ok()) return before.error();
    if (auto b = CheckNotBilled(r, *before); !b.ok()) return b;
    ports::Fields merged = before->fields;
    for (const auto& [name, value] : changes) merged[name] = value;
    if (auto c = rules::CheckRecord(r, merged); !c.ok()) return c;
    if (r.name == "households") {
      if (auto k = KeepTerms(tx, *before, changes, LocalDate(clock_.Now()), actor); !k.ok()) {
        return k;
      }
    }
    auto after = tx.Update(r, id, changes, scope, actor);
    if (!after.ok()) return after.error();
    if (auto c = CheckRelations(tx, r, *after, changes, false); !c.ok()) return c;
    out = std::move(*after);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Status RecordService::Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                             const std::string& actor) {
  if (bills_ != nullptr && (r.name == "fees" || r.name == "meter_readings")) {
    auto record = store_.Get(r, id, scope);
    if (!record.ok()) return record.error();
    if (auto b = CheckNotBilled(r, *record); !b.ok()) return b;
  }
  return store_.Delete(r, id, scope, actor);
}

Status RecordService::CheckNotBilled(const model::Resource& r, const ports::Record& record) const {
  if (bills_ == nullptr) return OkStatus();
  if (r.name == "fees") {
    auto bill = bills_->Get(record.id);
    if (!bill.ok()) return bill.error().code == ErrorCode::kNotFound ? OkStatus() : bill.error();
    return Error::FailedPrecondition(
        "fee " + std::to_string(record.id) + " was issued with its bill by billing run " +
        std::to_string(bill->run_id) +
        " (R-BILL-1): the bill's lines make up its amount, and a bill never changes once issued");
  }
  if (r.name == "meter_readings") {
    ports::BillQuery q;
    q.household_id = record.Int("household_id");
    q.season = static_cast<int>(record.Int("season").value_or(0));
    q.limit = 1;
    auto billed = bills_->List(q);
    if (!billed.ok()) return billed.error();
    if (billed->empty()) return OkStatus();
    return Error::FailedPrecondition(
        "the season's bill (fee " + std::to_string(billed->front().fee_id) +
        ") was computed from this meter reading (R-METER-1): it is kept as billed");
  }
  return OkStatus();
}

Result<ports::Page> RecordService::SearchHouseholds(const Principal& p,
                                                    const HouseholdSearchRequest& req) {
  const model::Resource& households = Res("households");
  if (p.role == rules::Role::kHousehold || !rules::MayRead(p.role, households)) {
    return Error::PermissionDenied("finding a caller is for company staff and regulators");
  }
  if (auto t = rules::CheckText("q", req.q); !t.ok()) return t.error();
  std::vector<std::string> terms = Terms(req.q);
  size_t chars = 0;
  for (const auto& t : terms) chars += Utf8Length(t);
  if (chars < 2) {
    return Error::InvalidArgument("q: give at least 2 characters to search for", "q");
  }
  if (Utf8Length(req.q) > 100) return Error::InvalidArgument("q: at most 100 characters", "q");
  if (terms.size() > 8) return Error::InvalidArgument("q: at most 8 terms", "q");

  ports::HouseholdSearch search;
  search.terms = std::move(terms);
  const model::Field* phone = households.Find("phone");
  search.phone =
      phone != nullptr && rules::DisclosureOf(p.role, *phone, false) == rules::Disclosure::kFull;
  search.after = req.after;
  search.limit = req.limit;
  search.scope = ScopeOf(p);
  auto page = store_.SearchHouseholds(search);
  if (!page.ok()) return page.error();
  for (auto& rec : page->items) MaskRecord(p, households, rec);
  return page;
}

}  // namespace hearth::services
