// JSON from outside the process (request bodies, imported files, payloads): parsed with limits, so
// that no input can make Hearth recurse deeply or read a document two ways (issue 12, finding 1).
//
// Contract: ExceedsDepth scans bytes without building anything (linear, no recursion), so it is
// safe on any input; ParseInput first checks the depth, then parses into a tree while refusing an
// object that names a key twice (RFC 8259 §4 leaves that to the reader; Hearth refuses it, so
// that two components can never see two different values). nlohmann's parser itself is iterative
// (an explicit stack), and so is destroying a tree; dump() recurses, which the depth limit bounds.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.hpp"

namespace hearth::adapters::json {

/// The deepest nesting of arrays and objects any Hearth input needs is 4 (a household's contract,
/// an import); 32 leaves room and bounds every recursive walk.
inline constexpr int kMaxJsonDepth = 32;

/// True when `text` opens more than `max_depth` arrays/objects inside each other (strings and
/// their escapes are skipped; malformed text is left to the parser).
bool ExceedsDepth(std::string_view text, int max_depth = kMaxJsonDepth);

/// The message for a too-deep document: "<what> nests deeper than 32 levels".
Error TooDeep(std::string_view what = "the body", int max_depth = kMaxJsonDepth);

/// Parses `text` as one JSON document. invalid_argument (field "body", or the repeated key) when it
/// nests too deep, is malformed ("… is not valid JSON (at byte N)") or repeats a key in an object.
/// `what` names the input in messages ("the body", "the file").
Result<nlohmann::json> ParseInput(std::string_view text, std::string_view what = "the body");
Result<nlohmann::ordered_json> ParseOrderedInput(std::string_view text,
                                                 std::string_view what = "the body");

}  // namespace hearth::adapters::json
