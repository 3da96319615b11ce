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

TEST_CASE("a template's roles, users and groups are known with every policy it gives them") {
  const std::string text = read_fixture("testdata/inputs/cloudformation/principal_policies.yaml");
  Reading reading = read("principal_policies.yaml", text, {});
  REQUIRE_FALSE(reading.error);
  REQUIRE(reading.principals.size() == 5);
  auto named = [&](std::string_view name) -> const Principal& {
    for (const Principal& principal : reading.principals) {
      if (principal.name == name) return principal;
    }
    FAIL("no principal ", name);
    return reading.principals.front();
  };

  const Principal& build = named("BuildRole");
  CHECK(principal_type_name(build.type) == "role");
  CHECK(build.location == "Resources.BuildRole");
  CHECK(text.substr(build.range.begin, build.range.size()) == "BuildRole");
  CHECK(describe(reading, build) ==
        "trust AssumeRolePolicyDocument -> AWS::IAM::Role BuildRole\n"
        "inline test-instances -> AWS::IAM::Role BuildRole\n"
        "managed PassRolesPolicy -> AWS::IAM::ManagedPolicy PassRolesPolicy\n");

  SUBCASE("policies that name their roles: by Ref, by GetAtt, by RoleName; ARNs outside") {
    CHECK(describe(reading, named("FunctionsRole")) ==
          "trust AssumeRolePolicyDocument -> AWS::IAM::Role FunctionsRole\n"
          "managed LambdaDeployPolicy -> AWS::IAM::ManagedPolicy LambdaDeployPolicy\n"
          "managed AWSLambdaBasicExecutionRole\n"
          "inline pass-roles -> AWS::IAM::Policy FunctionsPassRole\n"
          "inline invoke -> AWS::IAM::RolePolicy FunctionsInvoke\n");
    CHECK(describe(reading, named("LockedRole")) ==
          "trust AssumeRolePolicyDocument -> AWS::IAM::Role LockedRole\n"
          "inline test-instances -> AWS::IAM::Role LockedRole\n"
          "managed PassRolesPolicy -> AWS::IAM::ManagedPolicy PassRolesPolicy\n"
          "managed NoPassRole -> AWS::IAM::ManagedPolicy NoPassRole\n");
  }
  SUBCASE("a user has its groups' policies, the group named by its GroupName") {
    CHECK(describe(reading, named("Alice")) ==
          "inline pass-roles -> AWS::IAM::User Alice\n"
          "inline invoke via Developers -> AWS::IAM::Group Developers\n"
          "managed LambdaDeployPolicy via Developers -> AWS::IAM::ManagedPolicy "
          "LambdaDeployPolicy\n");
  }
}

TEST_CASE("a SAM function or state machine without a Role has the role SAM creates for it") {
  const std::string text = read_fixture("testdata/inputs/cloudformation/sam_orders.yaml");
  Reading reading = read("sam_orders.yaml", text, {});
  REQUIRE_FALSE(reading.error);
  REQUIRE(reading.principals.size() == 3);
  const Principal& create = reading.principals[0];
  CHECK(create.name == "CreateOrderFunctionRole");
  CHECK(principal_type_name(create.type) == "role");
  CHECK(create.location == "Resources.CreateOrderFunction");
  CHECK(text.substr(create.range.begin, create.range.size()) == "CreateOrderFunction");
  CHECK(describe(reading, create) ==
        "managed AWSLambdaBasicExecutionRole\n"
        "managed DynamoDBCrudPolicy (SAM policy template)\n"
        "inline CreateOrderFunctionRolePolicy2 -> AWS::Serverless::Function CreateOrderFunction\n");
  CHECK(describe(reading, reading.principals[1]) ==
        "inline ReportFunctionRolePolicy0 -> AWS::Serverless::Function ReportFunction\n");
  CHECK(reading.principals[2].name == "OrdersWorkflowRole");
  CHECK(describe(reading, reading.principals[2]) ==
        "managed LambdaInvokePolicy (SAM policy template)\n"
        "inline OrdersWorkflowRolePolicy1 -> AWS::Serverless::StateMachine OrdersWorkflow\n");
}

}  // namespace
}  // namespace iamlint::input
