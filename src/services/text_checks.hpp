// Checks of the free texts a user types into a record (a note, a reason, a name): required ones
// are not blank, and none is longer than its limit. Pure; thread-safe.
#pragma once

#include <string>

#include "core/result.hpp"

namespace hearth::services {

/// invalid_argument naming `field` when `text` is blank and `required`, or longer than `max`
/// bytes.
inline Status CheckText(const std::string& text, const std::string& field, size_t max,
                        bool required) {
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::InvalidArgument(field + " is required", field);
  }
  if (text.size() > max) {
    return Error::InvalidArgument(field + " is longer than " + std::to_string(max) + " bytes",
                                  field);
  }
  return OkStatus();
}

}  // namespace hearth::services
