// R-TEMP-4
#include "rules/manual_measurement.hpp"

namespace hearth::rules {
namespace {

// Decimal text of value / 10^digits with trailing zeros dropped, keeping one decimal:
// (50, 3) -> "0.05", (150, 2) -> "1.5", (200, 2) -> "2.0".
std::string Fixed(int64_t value, int digits) {
  int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  int64_t a = value < 0 ? -value : value;
  std::string frac = std::to_string(a % scale + scale).substr(1);
  while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
  std::string out = value < 0 ? "-" : "";
  out += std::to_string(a / scale);
  out += '.';
  out += frac;
  return out;
}

std::string Degrees(Milli m) { return Fixed(m, 3) + " °C"; }
std::string Metres(int cm) { return Fixed(cm, 2) + " m"; }

// "4 min 10 s", "3 min", "30 s".
std::string Duration(int64_t seconds) {
  int64_t a = seconds < 0 ? -seconds : seconds;
  std::string s = seconds < 0 ? "-" : "";
  if (a >= 60) {
    s += std::to_string(a / 60);
    s += " min";
  }
  if (a % 60 != 0 || a < 60) {
    if (a >= 60) s += ' ';
    s += std::to_string(a % 60);
    s += " s";
  }
  return s;
}

const char* PointName(WallPoint p) {
  switch (p) {
    case WallPoint::kNone:
      return "none";
    case WallPoint::kUpper:
      return "upper";
    case WallPoint::kMiddle:
      return "middle";
    case WallPoint::kLower:
      return "lower";
  }
  return "?";
}

bool IsThermometer(Instrument i) { return i != Instrument::kInfraredGun; }

}  // namespace

const char* ManualCheckName(ManualCheck check) {
  switch (check) {
    case ManualCheck::kResolution:
      return "resolution";
    case ManualCheck::kSystem:
      return "system";
    case ManualCheck::kEnvironment:
      return "environment";
    case ManualCheck::kDoorsClosed:
      return "doors-closed";
    case ManualCheck::kReadings:
      return "readings";
    case ManualCheck::kGap:
      return "gap";
    case ManualCheck::kRadiators:
      return "radiators";
    case ManualCheck::kHeatSource:
      return "heat-source";
    case ManualCheck::kCentre:
      return "centre";
    case ManualCheck::kHeight:
      return "height";
    case ManualCheck::kWallPoints:
      return "wall-points";
    case ManualCheck::kColdWall:
      return "cold-wall";
    case ManualCheck::kInspector:
      return "inspector";
    case ManualCheck::kSignature:
      return "signature";
  }
  return "?";
}

std::string Violation::Text() const {
  return std::string("R-TEMP-4 ") + ManualCheckName(check) + ": " + message;
}

ManualResult ValidateManualMeasurement(const ManualMeasurementPolicy& policy,
                                       const ManualMeasurement& m) {
  ManualResult out;
  auto broke = [&](ManualCheck check, std::string message) {
    out.violations.push_back({check, std::move(message)});
  };
  const bool thermometer = IsThermometer(m.instrument);
  const Milli max_resolution = MilliFromTenths(policy.max_resolution.value);

  if (m.resolution <= 0) {
    broke(ManualCheck::kResolution, "the instrument's resolution was not recorded");
  } else if (m.resolution > max_resolution) {
    broke(ManualCheck::kResolution, "the instrument's resolution " + Degrees(m.resolution) +
                                        " is coarser than " + Degrees(max_resolution));
  }
  if (!m.system_running) broke(ManualCheck::kSystem, "the heating system was not running normally");
  if (m.environment.empty()) {
    broke(ManualCheck::kEnvironment, "the state of the environment was not recorded");
  }
  const int closed_min = policy.closed_minutes.value;
  if (!m.closed_minutes) {
    broke(ManualCheck::kDoorsClosed,
          "when doors and windows were closed was not recorded; expected at least " +
              std::to_string(closed_min) + " min before the first reading");
  } else if (*m.closed_minutes < closed_min) {
    broke(ManualCheck::kDoorsClosed, "doors and windows were closed " +
                                         std::to_string(*m.closed_minutes) +
                                         " min before the first reading; expected at least " +
                                         std::to_string(closed_min) + " min");
  }

  if (thermometer) {
    const size_t expected = static_cast<size_t>(policy.readings.value);
    if (m.readings.size() != expected) {
      broke(ManualCheck::kReadings, "expected " + std::to_string(expected) + " readings, found " +
                                        std::to_string(m.readings.size()));
    }
    const int64_t gap = policy.gap_seconds.value, tolerance = policy.gap_tolerance_seconds.value;
    for (size_t i = 1; i < m.readings.size(); ++i) {
      int64_t apart = (m.readings[i].at - m.readings[i - 1].at).count();
      std::string pair = "readings " + std::to_string(i) + " and " + std::to_string(i + 1);
      if (apart < 0) {
        broke(ManualCheck::kGap, "reading " + std::to_string(i + 1) + " was taken " +
                                     Duration(-apart) + " before reading " + std::to_string(i));
      } else if (apart < gap - tolerance || apart > gap + tolerance) {
        broke(ManualCheck::kGap, pair + " are " + Duration(apart) + " apart; expected " +
                                     Duration(gap) + " ± " + Duration(tolerance));
      }
    }
  }
  if (!m.radiators_uncovered) broke(ManualCheck::kRadiators, "the radiators were covered");
  if (!m.shielded) {
    broke(ManualCheck::kHeatSource, "the sensor was in direct sun or near another heat source");
  }
  if (thermometer) {
    if (!m.at_room_centre)
      broke(ManualCheck::kCentre, "the thermometer was not at the room centre");
    const int h = policy.height_cm.value, tol = policy.height_tolerance_cm.value;
    std::string expected = "expected " + Metres(h) + " ± " + Metres(tol);
    if (!m.height_cm) {
      broke(ManualCheck::kHeight, "the thermometer's height was not recorded; " + expected);
    } else if (*m.height_cm < h - tol || *m.height_cm > h + tol) {
      broke(ManualCheck::kHeight,
            "the thermometer was " + Metres(*m.height_cm) + " above the floor; " + expected);
    }
  } else {
    int upper = 0, middle = 0, lower = 0;
    std::string found;
    for (const ManualReading& r : m.readings) {
      upper += r.point == WallPoint::kUpper;
      middle += r.point == WallPoint::kMiddle;
      lower += r.point == WallPoint::kLower;
      found += (found.empty() ? "" : ", ") + std::string(PointName(r.point));
    }
    if (m.readings.size() != 3 || upper != 1 || middle != 1 || lower != 1) {
      broke(ManualCheck::kWallPoints,
            "an infrared gun takes one upper, one middle and one lower point; found " +
                (found.empty() ? std::string("none") : found));
    }
    if (m.cold_outer_wall) {
      broke(ManualCheck::kColdWall, "the points were taken on a cold outer wall");
    }
  }
  if (!m.inspector_still) broke(ManualCheck::kInspector, "the inspector moved while reading");
  if (!m.third_party) {
    if (m.signature == Signature::kPending) {
      broke(ManualCheck::kSignature, "the household has not signed the result");
    } else if (m.signature == Signature::kRefused) {
      broke(ManualCheck::kSignature,
            "the household disputes the result; a third-party test agreed by both may replace it");
    }
  }

  if (out.violations.empty()) {
    Int128 sum = 0;
    for (const ManualReading& r : m.readings) sum += r.value;
    // Exact mean, rounded once (17.95 -> 18.0).
    out.value =
        static_cast<Tenths>(RoundDiv(sum, Int128{100} * static_cast<int64_t>(m.readings.size())));
  }
  return out;
}

const char* InstrumentName(Instrument instrument) {
  switch (instrument) {
    case Instrument::kGlassThermometer:
      return "glass-thermometer";
    case Instrument::kDigitalThermometer:
      return "digital-thermometer";
    case Instrument::kInfraredGun:
      return "infrared-gun";
  }
  return "?";
}

const char* SignatureName(Signature signature) {
  switch (signature) {
    case Signature::kSigned:
      return "signed";
    case Signature::kPending:
      return "pending";
    case Signature::kRefused:
      return "refused";
  }
  return "?";
}

}  // namespace hearth::rules
