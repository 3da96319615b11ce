// `iamlint expand PATTERN...`: the actions an Action pattern grants, with access levels.
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalog/action_set.h"

namespace iamlint::catalog {

enum class ExpandFormat { kText, kJson };

struct ExpandOptions {
  std::vector<std::string> patterns;
  ExpandFormat format = ExpandFormat::kText;
};

// A labelled set of actions to print: one pattern's matches, or one statement's effective actions.
struct ActionGroup {
  std::string label;  // "s3:Put*", or "Statement 1 (Sid ReadReports)"
  ActionSet actions;
  std::optional<std::string> error;  // why the group is empty, when it is invalid
};

// Text: a heading per group with its access-level breakdown, then one action per line.
// JSON: {"catalog": {version, date}, "groups": [{label, error?, actions: [{action,
// access_level}]}]}.
void write_action_groups(std::span<const ActionGroup> groups, ExpandFormat format,
                         std::ostream& out);

// Exit code: 0 when every pattern is valid and matches something, 1 otherwise (each problem is
// explained on `err`, with suggestions), 2 when there is no pattern at all.
[[nodiscard]] int run_expand(const ExpandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::catalog
