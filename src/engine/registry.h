// Every rule compiled into the binary, sorted by id, and the selection the user asked for.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "support/result.h"

namespace iamlint::engine {

// All registered rules, sorted by id.
[[nodiscard]] std::span<const Rule* const> all_rules();

// The rule with this id or name (ids case-insensitively), or else the rule that reports this
// Access Analyzer issue code; null when there is none.
[[nodiscard]] const Rule* find_rule(std::string_view id_or_name);

// The rules one --select/--ignore entry names: an id, a name, an id prefix or "ALL". Unknown
// entries are a usage error.
[[nodiscard]] Result<std::vector<const Rule*>> rules_named(std::string_view entry);

// The rules enabled by --select and --ignore. Each entry is a rule id, a rule name, an id prefix
// such as "IAM2" (a whole family) or "ALL". An empty `select` means every rule. Unknown entries
// are a usage error.
[[nodiscard]] Result<std::vector<const Rule*>> select_rules(std::span<const std::string> select,
                                                            std::span<const std::string> ignore);

}  // namespace iamlint::engine
