// --fix and --diff: applying the fixes of a file's findings to its text, writing the result in
// place atomically, and showing it as a unified diff.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/finding.h"
#include "support/result.h"

namespace iamlint::app {

struct Applied {
  std::string text;
  std::size_t fixes = 0;  // how many findings' fixes were applied
};

// Applies every fix of `findings` whose edits overlap no earlier applied edit; the others wait
// for the next round, after the file is linted again. Bytes outside the edits stay as they were.
[[nodiscard]] Applied apply_fixes(std::string_view text, std::span<const engine::Finding> findings);

// Replaces `path` with `text` through a temporary file in the same directory and a rename, with
// the file's permissions, unless its content is no longer `original` (someone changed it since it
// was read).
[[nodiscard]] Result<bool> write_in_place(const std::string& path, std::string_view original,
                                          std::string_view text);

// A unified diff of the change, with three lines of context, as `diff -u` would print it:
// "--- a/PATH", "+++ b/PATH", then hunks.
[[nodiscard]] std::string unified_diff(std::string_view path, std::string_view before,
                                       std::string_view after);

}  // namespace iamlint::app
