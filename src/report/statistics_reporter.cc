#include "report/statistics_reporter.h"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "report/json_writer.h"

namespace iamlint::report {

void StatisticsReporter::file(const engine::FileResult& result) {
  for (const engine::Finding& finding : result.findings) {
    auto& [rule, count] = counts_[finding.rule->id];
    rule = finding.rule;
    ++count;
  }
}

void StatisticsReporter::end(std::span<const Error> /*unreadable*/) {
  std::vector<std::pair<const engine::RuleInfo*, std::size_t>> rows;
  for (const auto& [id, row] : counts_) rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (form_ == Form::kJson) {
    JsonWriter w(out_);
    w.begin_array();
    for (const auto& [rule, count] : rows) {
      w.begin_object();
      w.field("rule_id", rule->id);
      w.field("rule_name", rule->name);
      w.field("level", engine::level_name(rule->level));
      w.field("count", count);
      w.end_object();
    }
    w.end_array();
    w.finish();
    return;
  }
  std::size_t count_width = 1;
  std::size_t name_width = 0;
  for (const auto& [rule, count] : rows) {
    count_width = std::max(count_width, fmt::formatted_size("{}", count));
    name_width = std::max(name_width, rule->name.size());
  }
  for (const auto& [rule, count] : rows) {
    out_ << fmt::format("{:>{}}  {}  {:<{}}  {}\n", count, count_width, rule->id, rule->name,
                        name_width, engine::level_name(rule->level));
  }
}

}  // namespace iamlint::report
