// The edits of common fixes, computed on the lossless JSON tree so that they touch exactly the
// bytes they must: the rest of the file, its layout included, stays as it was.
#pragma once

#include <string_view>

#include "engine/finding.h"
#include "json/document.h"

namespace iamlint::engine {

// Removes one element of an array with the separator and space that part it from its neighbour:
// ["a", "b", "c"] without "b" is ["a", "c"]. The array must have another element (an empty list
// means something else, and AWS rejects some).
[[nodiscard]] Edit remove_element(const json::Document& doc, json::NodeId element);

// Replaces a JSON string (`range` holds its quotes) with another, quoted and escaped as JSON.
[[nodiscard]] Edit replace_string(ByteRange range, std::string_view text);

// Inserts `member` (a JSON `"key": value` text) as the first member of a non-empty object,
// followed by a comma and the indentation the first member has now (a space if it has none).
[[nodiscard]] Edit insert_first_member(std::string_view source, const json::Document& doc,
                                       json::NodeId object, std::string_view member);

}  // namespace iamlint::engine
