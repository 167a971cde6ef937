// The SQL of migration 19 (issue 15, R-SEASON-1: the season's public duties), kept apart from
// schema_history.cpp so that the history stays one readable list. Append only.
//
// - seasons.decision_ref: the district's decision behind an early start or an extension (its
//   document number); rows written before it stay null.
// - season_announcements: a company's public announcements of a district's season (W 5.2.5: the
//   commissioning and the official heating start, in the press, on the air, online or on the
//   community's notice board), one per company, district, season and kind. `published_on` is a
//   "YYYY-MM-DD" day in +08:00.
#pragma once

namespace hearth::adapters::storage {

inline constexpr const char* kSeasonDutiesSql = R"sql(
ALTER TABLE seasons ADD COLUMN decision_ref TEXT;
CREATE TABLE season_announcements (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  district_id BIGINT NOT NULL REFERENCES districts(id),
  season BIGINT NOT NULL,
  kind TEXT NOT NULL,
  published_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  reference TEXT NOT NULL,
  UNIQUE (company_id, district_id, season, kind)
);
CREATE INDEX season_announcements_season ON season_announcements (season, company_id);
)sql";

}  // namespace hearth::adapters::storage
