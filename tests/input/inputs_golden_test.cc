// Every file under testdata/inputs/<format>/ is read as that format (by content) and linted with
// every rule; the text output must equal the file's .expected golden, so that each finding of a
// template, plan, export or CLI output is checked at its exact line and column.
// IAMLINT_UPDATE_GOLDEN=1 rewrites the goldens (IAMLINT_GOLDEN_ONLY=inputs: only these).
#include <algorithm>

#include <doctest/doctest.h>

#include "engine/linter.h"
#include "rules/fixtures.h"

namespace iamlint::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kInputFixtures = "testdata/inputs";

bool is_input(const fs::path& path) {
  const fs::path extension = path.extension();
  return extension == ".json" || extension == ".yaml" || extension == ".yml" ||
         extension == ".template";
}

TEST_CASE("input fixtures are read as their folder's format and match their golden output") {
  REQUIRE(fs::is_directory(kInputFixtures));
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::recursive_directory_iterator(kInputFixtures)) {
    if (entry.is_regular_file() && is_input(entry.path())) fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(!fixtures.empty());
  for (const fs::path& fixture : fixtures) {
    INFO("fixture: ", fixture.generic_string());
    const std::string format = fixture.parent_path().filename().string();
    engine::FileResult read =
        engine::lint({.path = fixture.generic_string(), .text = read_text(fixture)}, {});
    CHECK(read.format == format);
    fs::path golden = fixture;
    golden += ".expected";
    std::string actual = text_output(fixture, {});
    if (updating_goldens("inputs")) {
      write_text(golden, actual);
    } else {
      CHECK_MESSAGE(fs::exists(golden), "missing golden file; run with IAMLINT_UPDATE_GOLDEN=1");
      CHECK(actual == read_text(golden));
    }
  }
}

}  // namespace
}  // namespace iamlint::testing
