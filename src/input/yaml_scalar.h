// Where a YAML scalar lies in its file, and where each byte of its value comes from.
//
// yaml-cpp reports where a scalar starts and what its value is, not where it ends nor how the
// value maps to the source (quotes, escapes, folded lines, block indentation). Findings inside a
// template must point at the exact characters, so the value is matched against the source:
// characters written as themselves are verbatim, escapes and '' stand for their source bytes, and
// a run of whitespace that YAML folded or stripped stands for the source whitespace it replaced.
#pragma once

#include <cstdint>
#include <string_view>

#include "input/offset_map.h"
#include "support/byte_range.h"

namespace iamlint::input {

struct ScalarSource {
  // The scalar as written: quotes included; for a block scalar, from its '|' or '>' to the end of
  // its last line of content.
  ByteRange range;
  OffsetMap value_map;  // value offsets to file offsets
};

// `content` is where the scalar itself starts in `text` (after any tag or anchor); `value` is what
// the YAML parser read. When the value cannot be matched (a form this reader does not model), it
// stands as a whole for the scalar's range.
[[nodiscard]] ScalarSource locate_scalar(std::string_view text, uint32_t content,
                                         std::string_view value);

// The offset after the node properties (tags such as "!Sub", anchors such as "&name") that start
// at `at`, and the whitespace and comments after them: where the node's content starts.
[[nodiscard]] uint32_t skip_properties(std::string_view text, uint32_t at);

}  // namespace iamlint::input
