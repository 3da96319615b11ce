#include "report/fingerprint.h"

#include <cstdint>
#include <map>

#include <fmt/compile.h>
#include <fmt/core.h>

#include "support/hash.h"

namespace iamlint::report {

std::vector<std::string> fingerprints(const engine::FileResult& file) {
  std::string_view path = file.repository_path.empty() ? file.source.path : file.repository_path;
  while (path.starts_with("./")) path.remove_prefix(2);
  const uint64_t file_hash = fnv1a(path);
  std::vector<std::string> out;
  out.reserve(file.findings.size() + file.suppressed.size());
  std::map<uint64_t, unsigned> occurrences;
  for (const auto* list : {&file.findings, &file.suppressed}) {
    for (const engine::Finding& finding : *list) {
      std::string_view covered =
          std::string_view(file.source.text).substr(finding.range.begin, finding.range.size());
      uint64_t hash =
          fnv1a(covered, fnv1a(finding.statement_hash, fnv1a(finding.rule->id, file_hash)));
      // Compiled once, not parsed again for each finding.
      out.push_back(fmt::format(FMT_COMPILE("{:016x}:{}"), hash, ++occurrences[hash]));
    }
  }
  return out;
}

}  // namespace iamlint::report
