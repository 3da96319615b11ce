#include "engine/rule_docs.h"

#include <string>

namespace iamlint::engine {

std::string rule_description(std::string_view rule_name) {
  constexpr std::string_view kHeading = "## What it does\n";
  std::string_view doc = rule_doc(rule_name);
  std::size_t start = doc.find(kHeading);
  if (start == std::string_view::npos) return {};
  std::string_view rest = doc.substr(start + kHeading.size());
  while (rest.starts_with('\n')) rest.remove_prefix(1);
  std::string_view paragraph = rest.substr(0, rest.find("\n\n"));
  std::string joined;
  for (char c : paragraph) joined += c == '\n' ? ' ' : c;
  return joined;
}

}  // namespace iamlint::engine
