#include "engine/rule_context.h"

#include <algorithm>

#include "support/assert.h"

namespace iamlint::engine {

ReportBuilder& ReportBuilder::code(std::string_view access_analyzer_code) {
  const auto& codes = finding_.rule->access_analyzer_codes;
  IAMLINT_ASSERT(std::find(codes.begin(), codes.end(), access_analyzer_code) != codes.end());
  finding_.access_analyzer_code = access_analyzer_code;
  return *this;
}

ReportBuilder& ReportBuilder::level(Level level) {
  IAMLINT_ASSERT(finding_.rule->reports_level(level));
  finding_.level = level;
  return *this;
}

ReportBuilder& ReportBuilder::related(ByteRange range, std::string message) {
  finding_.related.push_back({range, std::move(message)});
  return *this;
}

ReportBuilder& ReportBuilder::fix(Fix fix) {
  IAMLINT_ASSERT(finding_.rule->fixable && !fix.edits.empty());
  finding_.fix = std::move(fix);
  return *this;
}

ReportBuilder RuleContext::add(ByteRange range, std::string message) {
  IAMLINT_ASSERT(rule_ != nullptr);
  absorption_.add(*rule_, range, out_.findings, first_);
  Finding& finding = out_.findings.emplace_back();
  finding.rule = rule_;
  finding.level = rule_->level;
  finding.range = range;
  finding.message = std::move(message);
  // A rule with exactly one Access Analyzer code reports it without saying so.
  if (rule_->access_analyzer_codes.size() == 1)
    finding.access_analyzer_code = rule_->access_analyzer_codes[0];
  return ReportBuilder(finding);
}

ReportBuilder RuleContext::omit() {
  IAMLINT_ASSERT(rule_ != nullptr);
  count_omitted_level();
  ++out_.omitted;
  omitted_ = Finding{.rule = rule_, .level = rule_->level};
  return ReportBuilder(omitted_);
}

ReportBuilder RuleContext::discard() {
  discarded_ = Finding{.rule = rule_, .level = rule_->level};
  return ReportBuilder(discarded_);
}

void RuleContext::count_omitted_level() {
  // Levels are ordered from the most to the least severe.
  if (omitted_.rule) out_.omitted_level = std::min(out_.omitted_level, omitted_.level);
}

}  // namespace iamlint::engine
