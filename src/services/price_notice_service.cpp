#include "services/price_notice_service.hpp"

#include "core/decimal.hpp"
#include "ports/record_views.hpp"
#include "rules/billing.hpp"

namespace hearth::services {
namespace {

using rules::Role;

Error NoTariff(int64_t id) {
  return Error::NotFound("no tariff " + std::to_string(id), "tariff");
}

/// "元/m²（采暖季）" by area, "元/GJ" by meter.
std::string Unit(const std::string& billing) {
  return billing == "meter" ? "元/GJ" : "元/m²（采暖季）";
}

}  // namespace

Result<PriceNoticeRead> PriceNoticeService::Announce(int64_t tariff_id,
                                                     const OrderActor& actor) const {
  if (actor.role != Role::kAdmin && actor.role != Role::kManager) {
    return Error::PermissionDenied("only the admin or a manager announces a price");
  }
  auto tariff = ports::GetView<ports::TariffView>(records_, tariff_id, actor.scope);
  if (!tariff.ok()) {
    return tariff.error().code == ErrorCode::kNotFound ? NoTariff(tariff_id) : tariff.error();
  }
  auto all = ports::ListViews<ports::TariffView>(records_, {{"company_id", tariff->company_id}});
  if (!all.ok()) return all.error();
  std::vector<ports::TariffView> others;
  for (auto& t : *all) {
    if (t.id != tariff->id) others.push_back(std::move(t));
  }
  const ports::TariffView* before =
      ports::TariffOn(others, tariff->billing, tariff->valid_from - std::chrono::days{1});
  const std::string unit = Unit(tariff->billing);
  const std::string approval = tariff->approval ? "（" + *tariff->approval + "）" : "";
  const std::string text =
      before ? "热费价格调整通知：自 " + FormatDate(tariff->valid_from) + " 起，" + tariff->name +
                   "由 " + FormatFen(before->price) + " " + unit + "调整为 " +
                   FormatFen(tariff->price) + " " + unit + approval + "。"
             : "热费价格通知：自 " + FormatDate(tariff->valid_from) + " 起执行" + tariff->name +
                   " " + FormatFen(tariff->price) + " " + unit + approval + "。";
  ports::PriceNotice n;
  n.tariff_id = tariff->id;
  n.company_id = tariff->company_id;
  n.billing = tariff->billing;
  n.price_fen = tariff->price;
  n.valid_from = tariff->valid_from;
  n.text = text;
  n.announced_at = clock_.Now();
  n.announced_by = actor.name;
  std::vector<std::pair<std::string, std::string>> fields = {
      {"tariff_id", std::to_string(tariff->id)},
      {"billing", tariff->billing},
      {"price", FormatFen(tariff->price)},
      {"valid_from", FormatDate(tariff->valid_from)},
      {"text", text}};
  if (before) fields.emplace_back("previous_price", FormatFen(before->price));
  if (tariff->approval) fields.emplace_back("approval", *tariff->approval);
  auto stored = store_.Announce(n, fields);
  if (!stored.ok()) return stored.error();
  const bool late = rules::PriceNoticeLate(stored->announced_at, stored->valid_from);
  return PriceNoticeRead{std::move(*stored), late};
}

Result<PriceNoticeRead> PriceNoticeService::OfTariff(int64_t tariff_id,
                                                     const OrderActor& actor) const {
  if (actor.scope.household_id) return NoTariff(tariff_id);
  auto n = store_.OfTariff(tariff_id);
  if (!n.ok()) return n.error();
  if (actor.scope.company_id && *actor.scope.company_id != n->company_id) {
    return NoTariff(tariff_id);
  }
  const bool late = rules::PriceNoticeLate(n->announced_at, n->valid_from);
  return PriceNoticeRead{std::move(*n), late};
}

Result<std::vector<PriceNoticeRead>> PriceNoticeService::List(ports::PriceNoticeQuery query,
                                                              const OrderActor& actor) const {
  if (actor.scope.household_id) return std::vector<PriceNoticeRead>{};
  if (actor.scope.company_id) query.company_id = actor.scope.company_id;
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  std::vector<PriceNoticeRead> out;
  out.reserve(list->size());
  for (auto& n : *list) {
    const bool late = rules::PriceNoticeLate(n.announced_at, n.valid_from);
    out.push_back({std::move(n), late});
  }
  return out;
}

}  // namespace hearth::services
