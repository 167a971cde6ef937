#include "services/receipt_service.hpp"

#include <chrono>

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "rules/receipt.hpp"
#include "rules/season.hpp"

namespace hearth::services {

Result<Receipt> ReceiptOf(ports::RecordStore& records, int64_t payment_id,
                          const ports::Scope& scope) {
  const model::Resource& payments = *model::FindResource("payments");
  auto payment = records.Get(payments, payment_id, scope);
  if (!payment.ok()) return payment.error();
  Receipt r;
  r.payment_id = payment_id;
  r.household_id = payment->Int("household_id").value_or(0);
  r.amount_fen = payment->Int("amount").value_or(0);
  r.amount_capitals = rules::AmountInCapitals(r.amount_fen);
  r.paid_at = payment->Text("paid_at");
  r.method = payment->Text("method");
  r.reference = payment->Text("reference");
  auto household = ports::GetView<ports::HouseholdView>(records, r.household_id);
  if (!household.ok()) return household.error();
  r.household_code = household->code;
  r.address = household->address;
  auto company = ports::GetView<ports::CompanyView>(records, household->company_id);
  if (!company.ok()) return company.error();
  r.company_code = company->code;
  r.company_name = company->name;
  r.licence_no = company->licence_no;

  if (auto fee_id = payment->Int("fee_id")) {
    auto fee = ports::GetView<ports::FeeView>(records, *fee_id);
    if (!fee.ok()) return fee.error();
    r.fee_id = fee->id;
    r.fee_fen = fee->amount_fen;
    r.season = static_cast<int>(fee->season);
    // Partial payments: what the fee's payments up to this one (by id) have left to pay.
    ports::ListQuery q;
    q.equals = {{"fee_id", *fee_id}};
    q.limit = 1000;
    int64_t paid = 0;
    for (;;) {
      auto page = records.List(payments, q);
      if (!page.ok()) return page.error();
      for (const ports::Record& p : page->items) {
        if (p.id <= payment_id) paid += p.Int("amount").value_or(0);
      }
      if (!page->next_cursor) break;
      q.after = page->next_cursor;
    }
    r.outstanding_fen = fee->amount_fen - paid;
  } else {
    auto at = ParseRfc3339(r.paid_at);
    if (!at.ok()) return Error::Internal("payment " + std::to_string(payment_id) + "'s paid_at");
    r.season = rules::SeasonYearOf(LocalDate(*at));
  }
  r.number = rules::ReceiptNumber(r.company_code, r.season, payment_id);
  return r;
}

}  // namespace hearth::services
