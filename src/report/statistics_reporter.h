// --statistics: how many findings each rule has, instead of the findings, most frequent first.
//
//   text:  "  12  IAM203  wildcard-resource  warning"
//   json:  [{"rule_id": "IAM203", "rule_name": "wildcard-resource", "level": "warning",
//            "count": 12}]
//
// `level` is that of the rule's first finding (a configuration may override the rule's own).
#pragma once

#include <map>
#include <ostream>

#include "report/reporter.h"

namespace iamlint::report {

class StatisticsReporter final : public Reporter {
 public:
  enum class Form { kText, kJson };
  StatisticsReporter(Form form, std::ostream& out) : form_(form), out_(out) {}

  void write(const engine::FileResult& result, const FilePart& part) override;
  void end(std::span<const Error> unreadable) override;

 private:
  Form form_;
  std::ostream& out_;
  struct Row {
    const engine::RuleInfo* rule = nullptr;
    engine::Level level = engine::Level::kWarning;  // of the rule's first finding
    std::size_t count = 0;
  };
  std::map<std::string_view, Row> counts_;  // by rule id
};

}  // namespace iamlint::report
