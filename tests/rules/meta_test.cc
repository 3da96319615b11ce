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

// The text of the first ```json block in the section that starts with `heading`.
std::string first_json_block(std::string_view doc, std::string_view heading) {
  std::size_t section = doc.find(heading);
  if (section == std::string_view::npos) return {};
  std::size_t section_end = doc.find("\n## ", section + heading.size());
  std::string_view body = doc.substr(section, section_end - section);
  std::size_t open = body.find("```json\n");
  if (open == std::string_view::npos) return {};
  std::size_t start = open + 8;
  std::size_t close = body.find("```", start);
  return std::string(body.substr(start, close - start));
}

void check_metadata(const engine::RuleInfo& info) {
  CHECK_MESSAGE(RE2::FullMatch(info.id, R"(IAM\d{3})"), "ids are IAM + three digits");
  CHECK_MESSAGE(RE2::FullMatch(info.name, R"([a-z0-9]+(-[a-z0-9]+)*)"), "names are kebab-case");
  CHECK_MESSAGE(!info.summary.empty(), "a summary is required");
  CHECK_MESSAGE(!info.summary.ends_with('.'), "summaries have no final period");
  bool security = std::find(info.tags.begin(), info.tags.end(), "security") != info.tags.end();
  CHECK_MESSAGE(security == !info.security_severity.empty(), "security rules (and only they) carry a score");
  if (!info.security_severity.empty()) {
    CHECK_MESSAGE(RE2::FullMatch(info.security_severity, R"((10\.0|[0-9]\.[0-9]))"), "a score such as \"7.5\"");
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
  CHECK_MESSAGE(!engine::rule_description(info.name).empty(), "'What it does' needs a first paragraph");

  std::string bad = first_json_block(doc, "## Example");
  std::string good = first_json_block(doc, "## How to fix");
  if (bad.empty() || good.empty()) {
    FAIL_CHECK("'## Example' and '## How to fix' each need a ```json block");
    return;
  }
  // A rule for some policy types only (SCPs, say) is shown with the first of them; the others'
  // examples are linted as bare files, their type inferred.
  std::optional<ast::PolicyKind> kind;
  if (!info.policy_kinds.empty()) kind = info.policy_kinds.front();
  CHECK_MESSAGE(!lint_with(rule, bad, kind).empty(), "the page's example must fire the rule");
  CHECK_MESSAGE(lint_with(rule, good, kind).empty(), "the page's fix must not fire the rule");
}

void check_fixtures(const engine::RuleInfo& info) {
  fs::path folder = kRuleFixtures / (std::string(info.id) + "-" + std::string(info.name));
  if (!fs::is_directory(folder)) {
    FAIL_CHECK("missing fixture folder ", folder.generic_string());
    return;
  }
  auto fixtures = files_in(folder, ".json");
  auto named = [&](std::string_view prefix) {
    return std::count_if(fixtures.begin(), fixtures.end(),
                         [&](const fs::path& path) { return path.filename().string().starts_with(prefix); });
  };
  CHECK_MESSAGE(named("bad_") >= 1, "at least one bad_ fixture");
  CHECK_MESSAGE(named("ok_") >= 1, "at least one ok_ fixture");
}

// Each Access Analyzer code a rule declares must be shown firing by one of its bad_ fixtures.
void check_codes_fire(const engine::Rule& rule) {
  const engine::RuleInfo& info = rule.info();
  fs::path folder = kRuleFixtures / (std::string(info.id) + "-" + std::string(info.name));
  if (!fs::is_directory(folder)) return;  // check_fixtures reports it
  std::set<std::string_view> fired;
  for (const fs::path& fixture : files_in(folder, ".json")) {
    if (!fixture.filename().string().starts_with("bad_")) continue;
    for (const engine::Finding& finding : lint_with(rule, read_text(fixture), fixture_kind(fixture))) {
      fired.insert(finding.access_analyzer_code);
    }
  }
  for (std::string_view code : info.access_analyzer_codes) {
    CHECK_MESSAGE(fired.contains(code), "no bad_ fixture shows Access Analyzer code ", code);
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
    check_codes_fire(*rule);
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
