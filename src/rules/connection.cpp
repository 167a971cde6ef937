#include "rules/connection.hpp"

#include <array>
#include <utility>

#include "rules/season.hpp"
#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<ConnectionDocument, 4> kDocuments = {{
    {ConnectionDocument::kApplicationForm, "application-form"},
    {ConnectionDocument::kDrawings, "drawings"},
    {ConnectionDocument::kRetrofitRecord, "retrofit-record"},
    {ConnectionDocument::kOwnersDecision, "owners-decision"},
}};

/// What a building of its kind has on file in the end (the form aside).
std::vector<ConnectionDocument> Expected(bool new_building) {
  if (new_building) return {ConnectionDocument::kDrawings};
  return {ConnectionDocument::kRetrofitRecord, ConnectionDocument::kOwnersDecision};
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int YearOf(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

}  // namespace

std::string_view ConnectionDocumentName(ConnectionDocument d) { return NameIn(kDocuments, d); }
std::optional<ConnectionDocument> ParseConnectionDocument(std::string_view name) {
  return ParseIn(kDocuments, name);
}

Result<ConnectionAssessment> AssessConnection(const Policy& policy, const HolidayCalendar& calendar,
                                              const ConnectionApplication& app) {
  if (!app.documents.count(ConnectionDocument::kApplicationForm)) {
    return Error::InvalidArgument(
        "documents must include the application-form: one form is enough to apply (W 9.1.4)",
        "documents");
  }
  ConnectionAssessment out;
  auto due = ComputeDeadline(
      policy, calendar,
      {DeadlineRule::kConnectionApplication, std::nullopt, app.received_at, false, std::nullopt});
  if (!due.ok()) return due.error();
  out.application_due = *due;
  auto decision = ComputeDeadline(policy, calendar,
                                  {DeadlineRule::kConnectionDecision, std::nullopt, app.received_at,
                                   app.outside_works, std::nullopt});
  if (!decision.ok()) return decision.error();
  out.decision = *decision;
  const Date received = LocalDate(app.received_at);
  if (app.new_building) {
    out.season = YearOf(LocalDate(out.application_due.deadline));
    out.next_season = out.season > YearOf(received);
  } else {
    const int y = YearOf(received);
    out.season = SeasonOf(policy.season, y - 1).official_end >= received ? y - 1 : y;
  }
  for (ConnectionDocument d : Expected(app.new_building)) {
    if (!app.documents.count(d)) out.missing.push_back(d);
  }
  return out;
}

Status MayApproveConnection(const ConnectionApplication& app) {
  if (app.new_building) return OkStatus();
  std::string lacking;
  for (ConnectionDocument d : Expected(false)) {
    if (app.documents.count(d)) continue;
    lacking += (lacking.empty() ? "" : " and ") + std::string(ConnectionDocumentName(d));
  }
  if (lacking.empty()) return OkStatus();
  return Error::FailedPrecondition(
      "an existing building is connected only after its energy-saving retrofit and its owners' "
      "joint decision are on file (Z 2.3 (三)): " +
          lacking + " missing",
      "documents");
}

Status CheckConnectionRefusal(std::string_view reason, std::string_view suggestion) {
  if (Blank(reason)) {
    return Error::InvalidArgument("a refusal gives its reason (R-CONN-1)", "reason");
  }
  if (Blank(suggestion)) {
    return Error::InvalidArgument("a refusal gives a suggestion: what the applicant can do",
                                  "suggestion");
  }
  return OkStatus();
}

}  // namespace hearth::rules
