// The schema's history (migrations.hpp): every migration in the order it was released.
#pragma once

#include <span>

namespace hearth::adapters::storage {

struct Migration {
  int version;
  const char* name;
  const char* sqlite;    ///< nullptr: `common`, with {{ID}} for the engine's id column
  const char* postgres;
  const char* common;
};

/// Every migration, oldest first. Append only: a released migration is never edited.
std::span<const Migration> SchemaHistory();

}  // namespace hearth::adapters::storage
