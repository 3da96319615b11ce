#include "cli/command_line.h"

#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "input/document_kind.h"

namespace iamlint::cli {
namespace {

TEST_CASE("--input-format offers auto and exactly the registered document kinds") {
  const OptionSpec* option = find_option("input-format");
  REQUIRE(option != nullptr);
  std::vector<std::string_view> expected = {"auto"};
  for (const input::DocumentKind* kind : input::document_kinds()) expected.push_back(kind->name);
  const std::vector<std::string_view> offered(option->choices.begin(), option->choices.end());
  CHECK(offered == expected);
  CHECK(option->default_value == "auto");
}

}  // namespace
}  // namespace iamlint::cli
