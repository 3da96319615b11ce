// The principals of an authorization-details dump, each with every policy that applies to it.
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "input/reader.h"

namespace iamlint::input {
namespace {

std::string read_fixture(const std::string& path) {
  std::ifstream in(std::string(IAMLINT_SOURCE_ROOT) + "/" + path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE_FALSE(text.str().empty());
  return text.str();
}

// "managed ReadOnlyAccess -> managed policy ReadOnlyAccess (v112), not linted", one a line.
std::string describe(const Reading& reading, const Principal& principal) {
  std::string out;
  for (const PrincipalPolicy& policy : principal.policies) {
    std::string name = policy.name.substr(policy.name.rfind('/') + 1);
    out += fmt::format("{} {}", attachment_name(policy.attachment), name);
    if (!policy.via_group.empty()) out += fmt::format(" via {}", policy.via_group);
    if (policy.policy) {
      const PolicyOrigin& origin = reading.policies[*policy.policy].origin;
      out += fmt::format(" -> {}{}", origin.container, origin.linted ? "" : ", not linted");
    }
    out += '\n';
  }
  return out;
}

TEST_CASE("each user, group and role is known with all its policies") {
  const std::string text = read_fixture("testdata/inputs/authorization-details/account.json");
  Reading reading = read("account.json", text, {});
  REQUIRE_FALSE(reading.error);
  CHECK(reading.kind->name == "authorization-details");
  REQUIRE(reading.principals.size() == 7);

  const Principal& developers = reading.principals[0];
  CHECK(principal_type_name(developers.type) == "group");
  CHECK(developers.name == "developers");
  CHECK(developers.location == "GroupDetailList[0]");

  const Principal& alice = reading.principals[2];
  CHECK(principal_type_name(alice.type) == "user");
  CHECK(alice.arn == "arn:aws:iam::111122223333:user/alice");
  CHECK(describe(reading, alice) ==
        "inline own-access-keys -> user alice\n"
        "managed ReadOnlyAccess -> managed policy ReadOnlyAccess (v112), not linted\n"
        "inline mfa-required via developers -> group developers\n");

  const Principal& ci = reading.principals[3];
  CHECK(describe(reading, ci) ==
        "inline artifact-upload -> user ci-bot\n"
        "boundary workload-boundary -> managed policy workload-boundary (v1)\n"
        "managed deploy via deployers -> managed policy deploy (v2)\n");

  const Principal& lambda = reading.principals[4];
  CHECK(principal_type_name(lambda.type) == "role");
  CHECK(describe(reading, lambda) ==
        "trust AssumeRolePolicyDocument -> role app-lambda\n"
        "inline orders-table -> role app-lambda\n"
        "managed AWSLambdaBasicExecutionRole\n"  // not in the dump
        "boundary workload-boundary -> managed policy workload-boundary (v1)\n");

  SUBCASE("a managed policy used only as a boundary is linted as one") {
    const PrincipalPolicy& boundary = ci.policies[1];
    CHECK(reading.policies[*boundary.policy].origin.kind == ast::PolicyKind::kBoundary);
  }
  SUBCASE("--include-aws-managed lints AWS managed policies too") {
    Reading all = read("account.json", text, {.include_aws_managed = true});
    const PrincipalPolicy& read_only = all.principals[2].policies[1];
    CHECK(all.policies[*read_only.policy].origin.linted);
  }
}

}  // namespace
}  // namespace iamlint::input
