// Connection applications (报装, R-CONN-1; Z 2.3 (三), W 9.1.2, W 9.1.4): what an application
// needs, which season it can catch, when its decision is due, and when it may be approved.
//
// - W 9.1.4: one form is enough to apply (申请表 1 份); drawings not yet to hand are accepted
//   and supplied later (容缺受理), and listed as missing.
// - Z 2.3 (三): a new building applies by 31 July for that year's season (the profile's
//   connection-application date); a later one is accepted for the next season, and the applicant
//   is told. An existing building is connected only after an energy-saving retrofit to the
//   standard and its owners' joint decision: both must be on file before approval.
// - W 9.1.4: the decision is due in 3 working days with outside works, 1 without (the profile's
//   connection-decision periods, over the working-day calendar).
// - A refusal gives its reason and a suggestion (R-CONN-1).
//
// Decision (the platform's): an existing building catches the season that has not yet ended on
// the day it applies (its official end by the profile), else the next one.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/deadline.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

enum class ConnectionDocument { kApplicationForm, kDrawings, kRetrofitRecord, kOwnersDecision };

/// Wire names: "application-form", "drawings", "retrofit-record", "owners-decision".
std::string_view ConnectionDocumentName(ConnectionDocument d);
std::optional<ConnectionDocument> ParseConnectionDocument(std::string_view name);

struct ConnectionApplication {
  bool new_building = true;
  bool outside_works = false;
  Instant received_at;
  std::set<ConnectionDocument> documents;
};

struct ConnectionAssessment {
  int season = 0;                  ///< the year of the season it can catch
  bool next_season = false;        ///< a new building after the date: the next season (tell them)
  DeadlineAnswer application_due;  ///< new building: the date it met (or the next one)
  DeadlineAnswer decision;         ///< when the decision is due
  std::vector<ConnectionDocument> missing;  ///< supplied later (容缺), in enum order
};

/// Assesses an application on receipt. invalid_argument (field "documents") without the
/// application form: one form is the least an application is.
Result<ConnectionAssessment> AssessConnection(const Policy& policy, const HolidayCalendar& calendar,
                                              const ConnectionApplication& application);

/// Whether the application may be approved now: ok, or failed_precondition (field "documents")
/// naming what an existing building still lacks (the retrofit record, the owners' decision).
Status MayApproveConnection(const ConnectionApplication& application);

/// A refusal's texts: invalid_argument naming "reason" or "suggestion" when either is blank.
Status CheckConnectionRefusal(std::string_view reason, std::string_view suggestion);

}  // namespace hearth::rules
