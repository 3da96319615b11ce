#include "report/fingerprint.h"

#include <cstdint>
#include <map>
#include <tuple>

#include <fmt/core.h>

namespace iamlint::report {
namespace {

// FNV-1a, 64 bits: stable across platforms and releases, which is all a fingerprint needs.
uint64_t fnv1a(std::string_view text, uint64_t hash = 14695981039346656037ull) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

std::vector<std::string> fingerprints(const engine::FileResult& file) {
  std::vector<std::string> out;
  out.reserve(file.findings.size());
  std::map<std::tuple<std::string_view, std::string_view>, unsigned> occurrences;
  for (const engine::Finding& finding : file.findings) {
    std::string_view covered =
        std::string_view(file.source.text).substr(finding.range.begin, finding.range.size());
    unsigned occurrence = ++occurrences[{finding.rule->id, covered}];
    uint64_t hash = fnv1a(covered, fnv1a(file.source.path, fnv1a(finding.rule->id)));
    out.push_back(fmt::format("{:016x}:{}", hash, occurrence));
  }
  return out;
}

}  // namespace iamlint::report
