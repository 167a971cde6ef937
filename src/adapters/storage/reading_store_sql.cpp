#include "adapters/storage/reading_store_sql.hpp"

#include "adapters/storage/sql.hpp"

namespace hearth::adapters {

Result<std::unique_ptr<ports::ReadingStore>> OpenReadingStore(const std::string& url) {
  if (sql::IsPostgresUrl(url)) return OpenPostgresReadingStore(url);
  return OpenSqliteReadingStore(url);
}

}  // namespace hearth::adapters
