// `iamlint expand PATTERN...`: the actions an Action pattern grants, with access levels.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace iamlint::catalog {

enum class ExpandFormat { kText, kJson };

struct ExpandOptions {
  std::vector<std::string> patterns;
  ExpandFormat format = ExpandFormat::kText;
};

// Exit code: 0 when every pattern is valid and matches something, 1 otherwise (each problem is
// explained on `err`, with suggestions), 2 when there is no pattern at all.
[[nodiscard]] int run_expand(const ExpandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::catalog
