// R-SEASON-1 [Z 2.1, W 5.2.5, W 6.1.1]: a heating company announces a district's season in public
// before it begins: the commissioning (供暖调试) and the start of heating (正式供暖), "through
// newspapers, radio, online media, self-media or the community's notice board" (W 5.2.5), the
// commissioning "in advance" (W 6.1.1: 提前进行公告). This judges, for one company, district and
// season, whether each announcement was made in time.
//
// Decisions (the texts are open here; the platform's):
// - Two duties per company, district and season: kCommissioning, announcing the first day of
//   commissioning, and kHeatingStart, announcing the first heated day: the early start when the
//   district decided one (the heat comes on that day), else the official start. A season with no
//   commissioning period of its own announces its commissioning for the first official day.
// - "In advance" is a day before: an announcement published (in +08:00) on a day before the day
//   it announces is on time; one published on that day or later is late by
//   (published_on - first day + 1) days, so an announcement on the day itself is one day late.
// - An announcement dated after `today` is not published yet, and counts as none.
// - With none published: `missing` once the announced day has come, `due` before it.
// - Late and missing are flagged; on time and due are not. When several of one kind count, the
//   earliest decides.
//
// Pure; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/civil_time.hpp"

namespace hearth::rules {

enum class AnnouncementKind { kCommissioning, kHeatingStart };
enum class AnnouncementStatus { kOnTime, kLate, kMissing, kDue };

/// "commissioning", "heating_start" (the records' `kind`).
std::string_view AnnouncementKindName(AnnouncementKind kind);
std::optional<AnnouncementKind> ParseAnnouncementKind(std::string_view text);
/// "on_time", "late", "missing", "due".
std::string_view AnnouncementStatusName(AnnouncementStatus status);

struct Publication {
  AnnouncementKind kind = AnnouncementKind::kCommissioning;
  Date published_on;
};

struct AnnouncementDuty {
  AnnouncementKind kind = AnnouncementKind::kCommissioning;
  Date announced_day;                ///< the first day announced
  AnnouncementStatus status = AnnouncementStatus::kDue;
  std::optional<Date> published_on;  ///< the publication that decided, if any counts
  int days_late = 0;                 ///< kLate: published_on - announced_day + 1

  bool Flagged() const {
    return status == AnnouncementStatus::kLate || status == AnnouncementStatus::kMissing;
  }
};

/// The two duties (commissioning first) of a season whose commissioning starts on
/// `commissioning_start` and whose first heated day is `first_heated_day`, given what was
/// published, judged on `today` (see the decisions above).
std::array<AnnouncementDuty, 2> JudgeAnnouncements(Date commissioning_start, Date first_heated_day,
                                                   std::span<const Publication> published,
                                                   Date today);

}  // namespace hearth::rules
