// R-SEASON-1
#include "rules/season_announcement.hpp"

namespace hearth::rules {

std::string_view AnnouncementKindName(AnnouncementKind kind) {
  return kind == AnnouncementKind::kCommissioning ? "commissioning" : "heating_start";
}

std::optional<AnnouncementKind> ParseAnnouncementKind(std::string_view text) {
  if (text == "commissioning") return AnnouncementKind::kCommissioning;
  if (text == "heating_start") return AnnouncementKind::kHeatingStart;
  return std::nullopt;
}

std::string_view AnnouncementStatusName(AnnouncementStatus status) {
  switch (status) {
    case AnnouncementStatus::kOnTime: return "on_time";
    case AnnouncementStatus::kLate: return "late";
    case AnnouncementStatus::kMissing: return "missing";
    case AnnouncementStatus::kDue: return "due";
  }
  return "due";
}

namespace {

AnnouncementDuty Judge(AnnouncementKind kind, Date announced_day,
                       std::span<const Publication> published, Date today) {
  AnnouncementDuty duty;
  duty.kind = kind;
  duty.announced_day = announced_day;
  for (const Publication& p : published) {
    if (p.kind != kind || p.published_on > today) continue;  // not published yet
    if (!duty.published_on || p.published_on < *duty.published_on) {
      duty.published_on = p.published_on;
    }
  }
  if (duty.published_on) {
    if (*duty.published_on < announced_day) {
      duty.status = AnnouncementStatus::kOnTime;
    } else {
      duty.status = AnnouncementStatus::kLate;
      duty.days_late = static_cast<int>((*duty.published_on - announced_day).count()) + 1;
    }
  } else {
    duty.status = today >= announced_day ? AnnouncementStatus::kMissing : AnnouncementStatus::kDue;
  }
  return duty;
}

}  // namespace

std::array<AnnouncementDuty, 2> JudgeAnnouncements(Date commissioning_start, Date first_heated_day,
                                                   std::span<const Publication> published,
                                                   Date today) {
  return {Judge(AnnouncementKind::kCommissioning, commissioning_start, published, today),
          Judge(AnnouncementKind::kHeatingStart, first_heated_day, published, today)};
}

}  // namespace hearth::rules
