// Every fixture under testdata/rules/<ID>-<name>/ is linted with that rule alone, and the text
// output must equal the fixture's .expected file: bad_* fixtures must produce findings, ok_*
// fixtures none. IAMLINT_UPDATE_GOLDEN=1 rewrites the .expected files (review the diff).
#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "engine/linter.h"
#include "engine/registry.h"
#include "rules/fixtures.h"

namespace iamlint::testing {
namespace {

namespace fs = std::filesystem;

// A folder bad_*.scp-set or ok_*.scp-set holds SCPs linted together (--policy-type scp with
// several files: the SCP-set rules judge them as one set). Their findings must not depend on the
// number of threads.
void check_scp_sets(const fs::path& folder, const std::string& id) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_directory()) continue;
    const fs::path& set = entry.path();
    INFO("SCP set: ", set.generic_string());
    const std::string name = set.filename().string();
    CHECK_MESSAGE(name.ends_with(".scp-set"),
                  "a fixture folder is named bad_*.scp-set or ok_*.scp-set");
    const LintSetup setup{.kind = ast::PolicyKind::kScp};
    std::string actual = text_output(set, {id}, setup);
    CHECK(text_output(set, {id}, setup, 4) == actual);
    if (name.starts_with("bad_")) {
      CHECK_MESSAGE(!actual.empty(), "a bad_ set must produce findings");
    } else {
      CHECK_MESSAGE(name.starts_with("ok_"), "sets are named bad_* or ok_*");
      CHECK_MESSAGE(actual.empty(), "an ok_ set must produce no findings");
    }
    fs::path golden = folder / (name + ".expected");
    if (updating_goldens(id)) {
      write_text(golden, actual);
    } else {
      CHECK_MESSAGE(fs::exists(golden), "missing golden file; run with IAMLINT_UPDATE_GOLDEN=1");
      CHECK(actual == read_text(golden));
    }
  }
}

void check_rule_folder(const fs::path& folder) {
  std::string folder_name = folder.filename().string();
  std::string id = folder_name.substr(0, folder_name.find('-'));
  const engine::Rule* rule = engine::find_rule(id);
  if (rule == nullptr) {
    FAIL_CHECK("no rule with id ", id, " for ", folder.generic_string());
    return;
  }
  CHECK_MESSAGE(folder_name == id + "-" + std::string(rule->info().name),
                "the folder must be named <ID>-<name>: ", folder);

  check_scp_sets(folder, id);
  for (const fs::path& fixture : files_in(folder, ".json")) {
    INFO("fixture: ", fixture.generic_string());
    fs::path golden = fs::path(fixture).replace_extension(".expected");
    std::string actual = text_output(fixture, {std::string(id)}, fixture_setup(fixture));
    std::string name = fixture.filename().string();
    if (name.starts_with("bad_")) {
      CHECK_MESSAGE(!actual.empty(), "a bad_ fixture must produce findings");
    } else {
      CHECK_MESSAGE(name.starts_with("ok_"), "fixtures are named bad_* or ok_*");
      CHECK_MESSAGE(actual.empty(), "an ok_ fixture must produce no findings");
    }
    if (updating_goldens(id)) {
      write_text(golden, actual);
    } else {
      CHECK_MESSAGE(fs::exists(golden), "missing golden file; run with IAMLINT_UPDATE_GOLDEN=1");
      CHECK(actual == read_text(golden));
    }
  }
}

// --scp-syntax changes only what the rules with *.scp-legacy.json fixtures say; every other rule
// must say the same of its SCP and RCP fixtures in both syntaxes.
void check_scp_syntax_independence(const fs::path& folder) {
  std::vector<fs::path> fixtures = files_in(folder, ".json");
  auto legacy_fixture = [](const fs::path& f) { return f.stem().extension() == ".scp-legacy"; };
  if (std::any_of(fixtures.begin(), fixtures.end(), legacy_fixture)) return;
  std::string folder_name = folder.filename().string();
  std::string id = folder_name.substr(0, folder_name.find('-'));
  for (const fs::path& fixture : fixtures) {
    LintSetup setup = fixture_setup(fixture);
    if (setup.kind != ast::PolicyKind::kScp && setup.kind != ast::PolicyKind::kRcp) continue;
    INFO("fixture under --scp-syntax legacy: ", fixture.generic_string());
    setup.scp_syntax = ast::ScpSyntax::kLegacy;
    CHECK(text_output(fixture, {std::string(id)}, setup) ==
          text_output(fixture, {std::string(id)}, fixture_setup(fixture)));
  }
}

TEST_CASE("rule fixtures match their golden output") {
  REQUIRE(fs::is_directory(kRuleFixtures));
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(kRuleFixtures)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) {
    check_rule_folder(folder);
    check_scp_syntax_independence(folder);
  }
}

// What the identity and boundary lints of a fixture are compared by, one finding a line.
std::string finding_lines(const std::vector<engine::Finding>& findings) {
  std::string lines;
  for (const engine::Finding& f : findings) {
    lines += fmt::format("{} {}-{} {} {}\n", engine::level_name(f.level), f.range.begin,
                         f.range.end, f.message, f.access_analyzer_code);
  }
  return lines;
}

// The kind a fixture is linted as: named by its middle extension, or inferred from its content.
std::optional<ast::PolicyKind> linted_kind(const fs::path& fixture) {
  if (LintSetup setup = fixture_setup(fixture); setup.kind) return setup.kind;
  engine::FileResult linted =
      engine::lint({.path = "example.json", .text = read_text(fixture)}, {});
  if (linted.policies.empty()) return std::nullopt;
  return linted.policies.front().kind;
}

// A permissions boundary follows the identity grammar, so every rule for identity policies but
// those that judge grants says the same of a policy linted as either; rules that judge grants say
// nothing of any guardrail.
TEST_CASE("boundaries are linted as identity policies, and no guardrail is judged as a grant") {
  for (const engine::Rule* rule : engine::all_rules()) {
    const engine::RuleInfo& info = rule->info();
    fs::path folder = kRuleFixtures / (std::string(info.id) + "-" + std::string(info.name));
    if (!fs::is_directory(folder)) continue;  // the meta test reports it
    for (const fs::path& fixture : files_in(folder, ".json")) {
      INFO("fixture: ", fixture.generic_string());
      std::string text = read_text(fixture);
      std::optional<ast::PolicyKind> kind = linted_kind(fixture);
      if (kind == ast::PolicyKind::kIdentity && info.applies_to(ast::PolicyKind::kIdentity)) {
        auto as_identity = finding_lines(lint_with(*rule, text, {.kind = kind}));
        auto as_boundary =
            finding_lines(lint_with(*rule, text, {.kind = ast::PolicyKind::kBoundary}));
        CHECK(as_boundary == (info.judges_grants ? "" : as_identity));
      }
      if (!info.judges_grants) continue;
      for (ast::PolicyKind guardrail : {ast::PolicyKind::kScp, ast::PolicyKind::kRcp}) {
        CHECK(lint_with(*rule, text, {.kind = guardrail}).empty());
      }
    }
  }
}

}  // namespace
}  // namespace iamlint::testing
