// Holds every rule to the project's rule contract (STYLE.md, "One rule"): metadata in shape, a
// documentation page with the fixed headings whose examples behave as they say, fixtures, and a
// rules/README.md that matches the registry.
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <sstream>

#include <doctest/doctest.h>

#include "app/app.h"
#include "engine/registry.h"
#include "engine/rule_docs.h"
#include "rules/fixtures.h"

namespace iamlint::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeadings[] = {"## What it does", "## Why is this bad?", "## Example",
                                          "## How to fix", "## References"};

// The first ```json block in the section that starts with `heading`: its text, and how to lint
// it. A word after "json" in the opening fence ("```json scp", "```json AWS::S3::Bucket") names
// the policy type or attached resource, as --policy-type or --resource-type would.
struct Example {
  std::string text;
  LintSetup setup;
};

Example first_json_block(std::string_view doc, std::string_view heading) {
  std::size_t section = doc.find(heading);
  if (section == std::string_view::npos) return {};
  std::size_t section_end = doc.find("\n## ", section + heading.size());
  std::string_view body = doc.substr(section, section_end - section);
  constexpr std::string_view kFence = "```json";
  std::size_t open = body.find(kFence);
  if (open == std::string_view::npos) return {};
  std::size_t line_end = body.find('\n', open);
  std::string_view info = body.substr(open + kFence.size(), line_end - open - kFence.size());
  while (info.starts_with(' ')) info.remove_prefix(1);
  std::size_t close = body.find("```", line_end);
  return {std::string(body.substr(line_end + 1, close - line_end - 1)), setup_from(info)};
}

void check_metadata(const engine::RuleInfo& info) {
  CHECK_MESSAGE(RE2::FullMatch(info.id, R"(IAM\d{3})"), "ids are IAM + three digits");
  CHECK_MESSAGE(RE2::FullMatch(info.name, R"([a-z0-9]+(-[a-z0-9]+)*)"), "names are kebab-case");
  CHECK_MESSAGE(!info.summary.empty(), "a summary is required");
  CHECK_MESSAGE(!info.summary.ends_with('.'), "summaries have no final period");
  bool security = std::find(info.tags.begin(), info.tags.end(), "security") != info.tags.end();
  CHECK_MESSAGE(security == !info.security_severity.empty(),
                "security rules (and only they) carry a score");
  if (!info.security_severity.empty()) {
    CHECK_MESSAGE(RE2::FullMatch(info.security_severity, R"((10\.0|[0-9]\.[0-9]))"),
                  "a score such as \"7.5\"");
  }
}

// Catches a misspelt code: each one a rule declares must be a real Access Analyzer code.
void check_codes(const engine::RuleInfo& info) {
  std::string_view tsv = engine::access_analyzer_codes_tsv();
  for (std::string_view code : info.access_analyzer_codes) {
    std::string line = "\n" + std::string(code) + "\t";
    CHECK_MESSAGE(tsv.find(line) != std::string_view::npos, "unknown Access Analyzer code ", code,
                  " (see rules/access_analyzer_codes.tsv)");
  }
}

void check_page(const engine::Rule& rule) {
  const engine::RuleInfo& info = rule.info();
  std::string_view doc = engine::rule_doc(info.name);
  if (doc.empty()) {
    FAIL_CHECK("no page rules/<family>/", info.name, ".md");
    return;
  }
  CHECK(doc.starts_with("# " + std::string(info.name) + "\n"));
  std::size_t at = 0;
  for (std::string_view heading : kHeadings) {
    std::size_t found = doc.find(std::string("\n") + std::string(heading) + "\n", at);
    CHECK_MESSAGE(found != std::string_view::npos, "missing or out-of-order heading: ", heading);
    if (found != std::string_view::npos) at = found;
  }
  CHECK_MESSAGE(!engine::rule_description(info.name).empty(),
                "'What it does' needs a first paragraph");

  Example bad = first_json_block(doc, "## Example");
  Example good = first_json_block(doc, "## How to fix");
  if (bad.text.empty() || good.text.empty()) {
    FAIL_CHECK("'## Example' and '## How to fix' each need a ```json block");
    return;
  }
  // Without a word on the fence, a rule for some policy types only (SCPs, say) is shown with the
  // first of them; the others' examples are linted as bare files, their type inferred.
  for (Example* example : {&bad, &good}) {
    if (!example->setup.kind && !info.policy_kinds.empty())
      example->setup.kind = info.policy_kinds.front();
  }
  CHECK_MESSAGE(!lint_with(rule, bad.text, bad.setup).empty(),
                "the page's example must fire the rule");
  CHECK_MESSAGE(lint_with(rule, good.text, good.setup).empty(),
                "the page's fix must not fire the rule");
}

void check_fixtures(const engine::RuleInfo& info) {
  fs::path folder = kRuleFixtures / (std::string(info.id) + "-" + std::string(info.name));
  if (!fs::is_directory(folder)) {
    FAIL_CHECK("missing fixture folder ", folder.generic_string());
    return;
  }
  auto fixtures = files_in(folder, ".json");
  auto named = [&](std::string_view prefix) {
    return std::count_if(fixtures.begin(), fixtures.end(), [&](const fs::path& path) {
      return path.filename().string().starts_with(prefix);
    });
  };
  CHECK_MESSAGE(named("bad_") >= 1, "at least one bad_ fixture");
  CHECK_MESSAGE(named("ok_") >= 1, "at least one ok_ fixture");
}

// Each Access Analyzer code and each other level a rule declares must be shown firing by one of its
// bad_ fixtures (an undeclared level aborts: ReportBuilder::level checks it), and so must a fix
// when the rule is fixable (a fix from another rule aborts: ReportBuilder::fix checks it).
void check_declared_cases_fire(const engine::Rule& rule) {
  const engine::RuleInfo& info = rule.info();
  fs::path folder = kRuleFixtures / (std::string(info.id) + "-" + std::string(info.name));
  if (!fs::is_directory(folder)) return;  // check_fixtures reports it
  std::set<std::string_view> fired;
  std::set<engine::Level> levels;
  bool fixed = false;
  for (const fs::path& fixture : files_in(folder, ".json")) {
    if (!fixture.filename().string().starts_with("bad_")) continue;
    for (const engine::Finding& finding :
         lint_with(rule, read_text(fixture), fixture_setup(fixture))) {
      fired.insert(finding.access_analyzer_code);
      levels.insert(finding.level);
      fixed = fixed || finding.fix.has_value();
    }
  }
  CHECK_MESSAGE((fixed || !info.fixable), "a fixable rule, but no bad_ fixture shows a fix");
  for (std::string_view code : info.access_analyzer_codes) {
    CHECK_MESSAGE(fired.contains(code), "no bad_ fixture shows Access Analyzer code ", code);
  }
  for (const engine::LevelCase& other : info.other_levels) {
    CHECK_MESSAGE(levels.contains(other.level), "no bad_ fixture shows the ",
                  engine::level_name(other.level), " level (", other.when, ")");
  }
}

TEST_CASE("every rule keeps the rule contract") {
  REQUIRE(!engine::all_rules().empty());
  for (const engine::Rule* rule : engine::all_rules()) {
    INFO("rule: ", rule->info().id, " ", rule->info().name);
    check_metadata(rule->info());
    check_codes(rule->info());
    check_page(*rule);
    check_fixtures(rule->info());
    check_declared_cases_fire(*rule);
  }
}

TEST_CASE("rules/README.md is current") {
  app::Options options;
  options.command = app::Command::kRules;
  options.format = app::OutputFormat::kMarkdown;
  std::ostringstream out;
  std::ostringstream err;
  REQUIRE(app::run(options, out, err) == app::kExitClean);
  if (updating_goldens()) write_text("rules/README.md", out.str());
  CHECK_MESSAGE(out.str() == read_text("rules/README.md"),
                "regenerate it: build/iamlint rules --format markdown > rules/README.md");
}

}  // namespace
}  // namespace iamlint::testing
