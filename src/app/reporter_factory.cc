#include "app/reporter_factory.h"

#include "app/app.h"
#include "report/diff_reporter.h"
#include "report/github_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/json_reporter.h"
#include "report/sarif_reporter.h"
#include "report/statistics_reporter.h"
#include "report/text_reporter.h"

namespace iamlint::app {

std::unique_ptr<report::Reporter> make_reporter(const Options& options, std::ostream& out) {
  if (options.diff) return std::make_unique<report::DiffReporter>(out);
  using Statistics = report::StatisticsReporter;
  if (options.statistics) {
    return std::make_unique<Statistics>(
        options.format == OutputFormat::kJson ? Statistics::Form::kJson : Statistics::Form::kText,
        out);
  }
  switch (options.format) {
    case OutputFormat::kSarif:
      return std::make_unique<report::SarifReporter>(report::ToolInfo{version(), kInformationUri},
                                                     out);
    case OutputFormat::kJson:
      return std::make_unique<report::JsonReporter>(out);
    case OutputFormat::kGithub:
      return std::make_unique<report::GithubReporter>(out);
    case OutputFormat::kGitlab:
      return std::make_unique<report::GitlabReporter>(out);
    case OutputFormat::kText:
    case OutputFormat::kMarkdown:
      break;
  }
  return std::make_unique<report::TextReporter>(report::TextStyle{.color = options.color}, out);
}

}  // namespace iamlint::app
