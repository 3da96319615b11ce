#include "report/totals.h"

#include <algorithm>

namespace iamlint::report {
namespace {

// Levels are ordered from the most to the least severe.
void fold(std::optional<engine::Level>& most_severe, engine::Level level) {
  most_severe = most_severe ? std::min(*most_severe, level) : level;
}

}  // namespace

void Totals::add(const engine::FileResult& file) {
  ++files;
  if (file.skipped) ++skipped;
  baselined += file.baselined;
  suppressed += file.suppressed.size();
  fixed += file.fixed;
  if (!file.findings.empty()) ++files_with_findings;
  for (const engine::Finding& finding : file.findings) {
    fold(most_severe, finding.level);
    if (finding.fix) ++fixable;
    switch (finding.level) {
      case engine::Level::kError:
        ++errors;
        break;
      case engine::Level::kWarning:
        ++warnings;
        break;
      case engine::Level::kNote:
        ++notes;
        break;
    }
  }
  if (file.omitted_findings > 0) fold(most_severe, file.omitted_level);
}

}  // namespace iamlint::report
