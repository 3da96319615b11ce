#include "report/statistics_reporter.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "report/json_writer.h"

namespace iamlint::report {

void StatisticsReporter::write(const engine::FileResult& result, const FilePart& /*part*/) {
  for (const engine::Finding& finding : result.findings) {
    Row& row = counts_[finding.rule->id];
    if (row.count++ == 0) row.rule = finding.rule, row.level = finding.level;
  }
}

void StatisticsReporter::end(std::span<const Error> /*unreadable*/) {
  std::vector<Row> rows;
  for (const auto& [id, row] : counts_) rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.count > b.count; });
  if (form_ == Form::kJson) {
    JsonWriter w(out_);
    w.begin_array();
    for (const Row& row : rows) {
      w.begin_object();
      w.field("rule_id", row.rule->id);
      w.field("rule_name", row.rule->name);
      w.field("level", engine::level_name(row.level));
      w.field("count", row.count);
      w.end_object();
    }
    w.end_array();
    w.finish();
    return;
  }
  std::size_t count_width = 1;
  std::size_t name_width = 0;
  for (const Row& row : rows) {
    count_width = std::max(count_width, std::to_string(row.count).size());
    name_width = std::max(name_width, row.rule->name.size());
  }
  for (const Row& row : rows) {
    out_ << fmt::format("{:>{}}  {}  {:<{}}  {}\n", row.count, count_width, row.rule->id,
                        row.rule->name, name_width, engine::level_name(row.level));
  }
}

}  // namespace iamlint::report
