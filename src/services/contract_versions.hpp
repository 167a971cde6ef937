// Keeping a household's contract terms when they change (R-ACCT-1, issue 16: "contract versions
// are kept"; rules/usage_history.hpp). A write that changes a household's agreed temperature,
// billing basis or contract JSON first keeps the terms it replaces as a contract_versions record
// whose last day is the day of the change (the decision in rules/usage_history.hpp: the new terms
// hold from the next day). Both writers of households' terms call it in their transaction: the
// record service (PATCH /api/v1/households/{id}) and the households import.
#pragma once

#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::services {

/// When `changes` change the terms of the household `before`: writes (in `tx`, audited as by
/// `actor`) a contract version of `before`'s terms that held until `day`. Otherwise nothing.
Status KeepTerms(ports::RecordTransaction& tx, const ports::Record& before,
                 const ports::Fields& changes, Date day, const std::string& actor);

}  // namespace hearth::services
