// Every fixture under testdata/rules/<ID>-<name>/ is linted with that rule alone, and the text
// output must equal the fixture's .expected file: bad_* fixtures must produce findings, ok_*
// fixtures none. IAMLINT_UPDATE_GOLDEN=1 rewrites the .expected files (review the diff).
#include <algorithm>
#include <sstream>

#include <doctest/doctest.h>

#include "app/app.h"
#include "engine/registry.h"
#include "rules/fixtures.h"

namespace iamlint::testing {
namespace {

namespace fs = std::filesystem;

std::string lint_fixture(const fs::path& fixture, std::string_view rule_id) {
  app::Options options;
  options.paths = {fixture.generic_string()};
  options.select = {std::string(rule_id)};
  LintSetup setup = fixture_setup(fixture);
  options.policy_kind = setup.kind;
  options.attached_to = setup.attached_to;
  options.jobs = 1;
  std::ostringstream out;
  std::ostringstream err;
  int status = app::run(options, out, err);
  CHECK_MESSAGE(status != app::kExitError, err.str());
  return out.str();
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

  for (const fs::path& fixture : files_in(folder, ".json")) {
    INFO("fixture: ", fixture.generic_string());
    fs::path golden = fs::path(fixture).replace_extension(".expected");
    std::string actual = lint_fixture(fixture, id);
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

TEST_CASE("rule fixtures match their golden output") {
  REQUIRE(fs::is_directory(kRuleFixtures));
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(kRuleFixtures)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) check_rule_folder(folder);
}

}  // namespace
}  // namespace iamlint::testing
