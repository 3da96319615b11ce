// IAM203 over the whole action catalogue: no action that accepts only "Resource": "*" may ever
// trigger it, and every action that can be scoped to a resource must.
#include <doctest/doctest.h>

#include <fmt/core.h>

#include "catalog/action.h"
#include "engine/registry.h"
#include "rules/fixtures.h"

namespace iamlint::testing {
namespace {

std::string allow_on_every_resource(std::string_view action) {
  return fmt::format(
      R"({{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "{}", "Resource": "*"}}}})",
      action);
}

TEST_CASE("wildcard-resource fires exactly for the actions that can be scoped to resources") {
  const engine::Rule* rule = engine::find_rule("wildcard-resource");
  REQUIRE(rule != nullptr);
  std::size_t star_only = 0;
  for (std::uint32_t i = 0; i < catalog::action_count(); ++i) {
    catalog::Action action(i);
    bool scoped = !action.resource_types().empty();
    star_only += scoped ? 0 : 1;
    auto findings = lint_with(*rule, allow_on_every_resource(action.qualified_name()));
    INFO("action: ", action.qualified_name());
    CHECK(findings.size() == (scoped ? 1u : 0u));
  }
  // The catalogue has thousands of such actions; far fewer would mean the data lost its resource
  // types.
  CHECK(star_only > 1000);
  CHECK(star_only < catalog::action_count() / 2);
}

}  // namespace
}  // namespace iamlint::testing
