// --statistics: how many findings each rule has, instead of the findings, most frequent first.
//
//   text:  "  12  IAM203  wildcard-resource  warning"
//   json:  [{"rule_id": "IAM203", "rule_name": "wildcard-resource", "level": "warning",
//            "count": 12}]
//
// `level` is the rule's default; a rule whose findings differ in level is counted under it.
#pragma once

#include <map>
#include <ostream>

#include "report/reporter.h"

namespace iamlint::report {

class StatisticsReporter final : public Reporter {
 public:
  enum class Form { kText, kJson };
  StatisticsReporter(Form form, std::ostream& out) : form_(form), out_(out) {}

  void file(const engine::FileResult& result) override;
  void end(std::span<const Error> unreadable) override;

 private:
  Form form_;
  std::ostream& out_;
  std::map<std::string_view, std::pair<const engine::RuleInfo*, std::size_t>> counts_;  // by id
};

}  // namespace iamlint::report
