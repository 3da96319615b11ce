#include "ast/lower.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "json/parser.h"

namespace iamlint::ast {
namespace {

// The document and its typed view; the source text is a literal, so it outlives both.
struct Lowered {
  json::Document doc;
  Policy policy;
};

Lowered lower(std::string_view text, std::optional<PolicyKind> kind = std::nullopt) {
  auto doc = json::parse(text);
  INFO("text: ", std::string(text));
  REQUIRE(doc.has_value());
  auto policy = lower_policy(*doc, doc->root(), kind);
  REQUIRE(policy.has_value());
  return {std::move(doc).value(), std::move(*policy)};
}

// A policy's only statement, with the document that its decoded strings point into.
struct LoweredStatement {
  json::Document doc;
  Statement statement;
};

LoweredStatement lower_statement(std::string_view text) {
  Lowered lowered = lower(text);
  REQUIRE(lowered.policy.statements.size() == 1);
  return {std::move(lowered.doc), lowered.policy.statements[0]};
}

std::string_view slice(std::string_view text, ByteRange range) {
  return text.substr(range.begin, range.size());
}

template <class Entry>
std::vector<std::string_view> values_of(const std::optional<EntryList<Entry>>& list) {
  std::vector<std::string_view> values;
  if (list) {
    for (const Entry& entry : list->entries) values.push_back(entry.text.value);
  }
  return values;
}

TEST_CASE("ast lowering reads Version, Id and a Statement array") {
  constexpr std::string_view kText = R"({
  "Version": "2012-10-17",
  "Id": "policy-1",
  "Statement": [
    {"Sid": "First", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    "not a statement",
    {"Sid": "Third", "Effect": "Deny", "NotAction": ["iam:*"], "NotResource": "arn:aws:s3:::b"}
  ]
})";
  Lowered lowered = lower(kText);
  const Policy& policy = lowered.policy;
  REQUIRE(policy.version);
  CHECK(policy.version->value == "2012-10-17");
  CHECK(slice(kText, policy.version->range) == R"("2012-10-17")");
  REQUIRE(policy.id);
  CHECK(policy.id->value == "policy-1");
  CHECK(policy.node == lowered.doc.root());
  CHECK(policy.statement_node == lowered.doc.find_member(lowered.doc.root(), "Statement"));

  // The string element is skipped, but the third statement keeps its index in the array.
  REQUIRE(policy.statements.size() == 2);
  const Statement& first = policy.statements[0];
  const Statement& third = policy.statements[1];
  CHECK(first.index == 0);
  CHECK(third.index == 2);
  CHECK(first.sid->value == "First");
  CHECK(third.sid->value == "Third");
  CHECK(first.allows());
  CHECK(third.effect == Effect::kDeny);
  CHECK(slice(kText, third.effect_text->range) == R"("Deny")");
  CHECK(lowered.doc.pointer(third.node) == "/Statement/2");
  CHECK(third.range == lowered.doc.node(third.node).range);
  CHECK(values_of(third.not_action) == std::vector<std::string_view>{"iam:*"});
  CHECK(values_of(third.not_resource) == std::vector<std::string_view>{"arn:aws:s3:::b"});
  CHECK_FALSE(third.action);
  CHECK_FALSE(third.resource);
}

TEST_CASE("ast lowering reads a single Statement object") {
  Lowered lowered = lower(R"({"Statement": {"Effect": "Allow", "Action": "*"}})");
  REQUIRE(lowered.policy.statements.size() == 1);
  const Statement& statement = lowered.policy.statements[0];
  CHECK(statement.index == 0);
  CHECK(statement.node == lowered.policy.statement_node);
  CHECK_FALSE(statement.sid);
  CHECK_FALSE(lowered.policy.version);
}

TEST_CASE("ast lowering maps Effect") {
  struct Case {
    std::string_view text;
    Effect effect;
    bool has_text;
  };
  const Case kCases[] = {
      {R"({"Statement": {"Effect": "Allow"}})", Effect::kAllow, true},
      {R"({"Statement": {"Effect": "Deny"}})", Effect::kDeny, true},
      {R"({"Statement": {"Effect": "allow"}})", Effect::kInvalid,
       true},  // IAM is case-sensitive here
      {R"({"Statement": {"Effect": ""}})", Effect::kInvalid, true},
      {R"({"Statement": {"Effect": true}})", Effect::kInvalid, false},
      {R"({"Statement": {"Effect": ["Allow"]}})", Effect::kInvalid, false},
      {R"({"Statement": {}})", Effect::kInvalid, false},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    auto [doc, statement] = lower_statement(c.text);
    CHECK(statement.effect == c.effect);
    CHECK(statement.effect_text.has_value() == c.has_text);
    CHECK(statement.allows() == (c.effect == Effect::kAllow));
  }
}

TEST_CASE("ast lowering splits actions into service and name") {
  constexpr std::string_view kText =
      R"({"Statement": {"Action": ["s3:GetObject", "*", "ec2:Describe:Extra", ":", "s3:Get\u004Fbject", 7, null]}})";
  auto [doc, statement] = lower_statement(kText);
  REQUIRE(statement.action);
  const EntryList<Action>& list = *statement.action;
  CHECK(list.name.value == "Action");
  CHECK(slice(kText, list.name.range) == R"("Action")");
  CHECK(list.node != json::kNoNode);
  struct Expected {
    std::string_view text, service, name;
    bool has_service;
  };
  const Expected kExpected[] = {
      {"s3:GetObject", "s3", "GetObject", true},
      {"*", "", "*", false},
      {"ec2:Describe:Extra", "ec2", "Describe:Extra", true},
      {":", "", "", true},
      {"s3:GetObject", "s3", "GetObject", true},  // decoded from an escape
  };
  // The number and the null are left out of the typed view.
  REQUIRE(list.entries.size() == std::size(kExpected));
  for (std::size_t i = 0; i < list.entries.size(); ++i) {
    const Action& action = list.entries[i];
    CAPTURE(kExpected[i].text);
    CHECK(action.text.value == kExpected[i].text);
    CHECK(action.service == kExpected[i].service);
    CHECK(action.name == kExpected[i].name);
    CHECK(action.has_service() == kExpected[i].has_service);
  }
  CHECK(slice(kText, list.entries[4].text.range) == R"("s3:Get\u004Fbject")");
}

TEST_CASE("ast lowering reads NotAction as its own list") {
  auto [doc, statement] = lower_statement(R"({"Statement": {"NotAction": "iam:PassRole"}})");
  CHECK_FALSE(statement.action);
  REQUIRE(statement.not_action);
  CHECK(statement.not_action->name.value == "NotAction");
  REQUIRE(statement.not_action->entries.size() == 1);
  CHECK(statement.not_action->entries[0].service == "iam");
  CHECK(statement.not_action->entries[0].name == "PassRole");
}

TEST_CASE("ast lowering splits resource ARNs") {
  auto [doc, statement] = lower_statement(
      R"({"Statement": {"Resource": ["arn:aws:s3:::bucket/key", "*", "arn:aws-cn:iam::111122223333:role/a:b"]}})");
  REQUIRE(statement.resource);
  const auto& entries = statement.resource->entries;
  REQUIRE(entries.size() == 3);
  REQUIRE(entries[0].arn);
  CHECK(entries[0].arn->service == "s3");
  CHECK(entries[0].arn->resource == "bucket/key");
  CHECK_FALSE(entries[1].arn);
  REQUIRE(entries[2].arn);
  CHECK(entries[2].arn->partition == "aws-cn");
  CHECK(entries[2].arn->account == "111122223333");
  CHECK(entries[2].arn->resource == "role/a:b");
}

TEST_CASE("split_arn splits six fields and keeps colons in the resource") {
  struct Case {
    std::string_view text;
    std::optional<Arn> arn;
  };
  const Case kCases[] = {
      {"arn:aws:s3:::bucket", Arn{"aws", "s3", "", "", "bucket"}},
      {"arn:aws:ec2:us-east-1:111122223333:instance/i-1",
       Arn{"aws", "ec2", "us-east-1", "111122223333", "instance/i-1"}},
      {"arn:aws:logs:eu-west-1:1:log-group:g:*",
       Arn{"aws", "logs", "eu-west-1", "1", "log-group:g:*"}},
      {"arn:aws:s3:::", Arn{"aws", "s3", "", "", ""}},
      {"arn:::::", Arn{"", "", "", "", ""}},
      {"arn:aws:s3::", std::nullopt},  // five fields
      {"arn:aws", std::nullopt},
      {"ARN:aws:s3:::b", std::nullopt},
      {"*", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    std::optional<Arn> arn = split_arn(c.text);
    REQUIRE(arn.has_value() == c.arn.has_value());
    if (!arn) continue;
    CHECK(arn->partition == c.arn->partition);
    CHECK(arn->service == c.arn->service);
    CHECK(arn->region == c.arn->region);
    CHECK(arn->account == c.arn->account);
    CHECK(arn->resource == c.arn->resource);
  }
}

TEST_CASE("ast lowering reads every Principal form") {
  SUBCASE("the bare wildcard") {
    auto [doc, statement] = lower_statement(R"({"Statement": {"Principal": "*"}})");
    REQUIRE(statement.principal);
    CHECK(statement.principal->is_wildcard);
    CHECK(statement.principal->entries.empty());
    CHECK(statement.has_principal());
  }
  SUBCASE("a string other than the wildcard") {
    auto [doc, statement] = lower_statement(R"({"Statement": {"Principal": "111122223333"}})");
    REQUIRE(statement.principal);
    CHECK_FALSE(statement.principal->is_wildcard);
    CHECK(statement.principal->entries.empty());
  }
  SUBCASE("a map of types to strings or arrays") {
    constexpr std::string_view kText = R"({"Statement": {"Principal": {
      "AWS": ["arn:aws:iam::111122223333:root", 5, "*"],
      "Service": "ec2.amazonaws.com",
      "Federated": "cognito-identity.amazonaws.com",
      "CanonicalUser": "79a59df900b949e55d96a1e698fbaced",
      "Group": "admins",
      "aws": "lower-case key"}}})";
    auto [doc, statement] = lower_statement(kText);
    REQUIRE(statement.principal);
    const Principal& principal = *statement.principal;
    CHECK_FALSE(principal.is_wildcard);
    struct Expected {
      PrincipalType type;
      std::string_view key, value;
    };
    const Expected kExpected[] = {
        {PrincipalType::kAws, "AWS", "arn:aws:iam::111122223333:root"},
        {PrincipalType::kAws, "AWS", "*"},
        {PrincipalType::kService, "Service", "ec2.amazonaws.com"},
        {PrincipalType::kFederated, "Federated", "cognito-identity.amazonaws.com"},
        {PrincipalType::kCanonicalUser, "CanonicalUser", "79a59df900b949e55d96a1e698fbaced"},
        {PrincipalType::kUnknown, "Group", "admins"},
        {PrincipalType::kUnknown, "aws", "lower-case key"},
    };
    REQUIRE(principal.entries.size() == std::size(kExpected));
    for (std::size_t i = 0; i < principal.entries.size(); ++i) {
      CAPTURE(i);
      CHECK(principal.entries[i].type == kExpected[i].type);
      CHECK(principal.entries[i].type_key == kExpected[i].key);
      CHECK(principal.entries[i].text.value == kExpected[i].value);
      CHECK(slice(kText, principal.entries[i].text.range) ==
            "\"" + std::string(kExpected[i].value) + "\"");
    }
  }
  SUBCASE("NotPrincipal, and values of the wrong type") {
    auto [doc, statement] =
        lower_statement(R"({"Statement": {"NotPrincipal": {"AWS": {"x": "y"}, "Service": 3}}})");
    CHECK_FALSE(statement.principal);
    REQUIRE(statement.not_principal);
    CHECK(statement.not_principal->entries.empty());
    CHECK(statement.has_principal());
  }
  SUBCASE("an array is not a Principal form") {
    auto [doc, statement] = lower_statement(R"({"Statement": {"Principal": ["*"]}})");
    REQUIRE(statement.principal);
    CHECK_FALSE(statement.principal->is_wildcard);
    CHECK(statement.principal->entries.empty());
  }
}

TEST_CASE("split_operator splits set qualifiers and IfExists") {
  struct Case {
    std::string_view text;
    SetQualifier qualifier;
    std::string_view base;
    bool if_exists;
  };
  const Case kCases[] = {
      {"StringEquals", SetQualifier::kNone, "StringEquals", false},
      {"StringLikeIfExists", SetQualifier::kNone, "StringLike", true},
      {"ForAllValues:StringEquals", SetQualifier::kForAllValues, "StringEquals", false},
      {"ForAnyValue:StringLikeIfExists", SetQualifier::kForAnyValue, "StringLike", true},
      {"Null", SetQualifier::kNone, "Null", false},
      // "IfExists" alone is an operator name to report, not an empty base.
      {"IfExists", SetQualifier::kNone, "IfExists", false},
      {"ForAllValues:IfExists", SetQualifier::kForAllValues, "IfExists", false},
      {"ForAllValues:", SetQualifier::kForAllValues, "", false},
      // Qualifiers are case-sensitive.
      {"forallvalues:StringEquals", SetQualifier::kNone, "forallvalues:StringEquals", false},
      {"StringEqualsifexists", SetQualifier::kNone, "StringEqualsifexists", false},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    ConditionOperator op = split_operator({.value = c.text});
    CHECK(op.text.value == c.text);
    CHECK(op.qualifier == c.qualifier);
    CHECK(op.base == c.base);
    CHECK(op.if_exists == c.if_exists);
  }
}

TEST_CASE("ast lowering reads conditions of every value type") {
  constexpr std::string_view kText = R"({"Statement": {"Condition": {
    "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", 1.50, true, false, null, ["nested"], {"o": 1}]},
    "Bool": {"aws:SecureTransport": false},
    "NumericLessThan": {"s3:max-keys": 10, "s3:other": "5"},
    "StringEquals": "not an object",
    "Null": {"aws:TokenIssueTime": {"not": "a value"}}}}})";
  auto [doc, statement] = lower_statement(kText);
  CHECK(statement.condition_node != json::kNoNode);
  REQUIRE(statement.conditions.size() == 5);

  const Condition& tags = statement.conditions[0];
  CHECK(tags.op.qualifier == SetQualifier::kForAnyValue);
  CHECK(tags.op.base == "StringLike");
  CHECK(tags.op.if_exists);
  CHECK(slice(kText, tags.op.text.range) == R"("ForAnyValue:StringLikeIfExists")");
  CHECK(tags.key.value == "aws:TagKeys");
  CHECK(slice(kText, tags.key.range) == R"("aws:TagKeys")");
  struct Expected {
    std::string_view text;
    json::Kind kind;
    std::string_view source;
  };
  // Nested arrays and objects are left out.
  const Expected kValues[] = {
      {"a*", json::Kind::kString, R"("a*")"}, {"1.50", json::Kind::kNumber, "1.50"},
      {"true", json::Kind::kBool, "true"},    {"false", json::Kind::kBool, "false"},
      {"null", json::Kind::kNull, "null"},
  };
  REQUIRE(tags.values.size() == std::size(kValues));
  for (std::size_t i = 0; i < tags.values.size(); ++i) {
    CAPTURE(i);
    CHECK(tags.values[i].text == kValues[i].text);
    CHECK(tags.values[i].kind == kValues[i].kind);
    CHECK(slice(kText, tags.values[i].range) == kValues[i].source);
  }

  const Condition& secure = statement.conditions[1];
  CHECK(secure.op.base == "Bool");
  REQUIRE(secure.values.size() == 1);
  CHECK(secure.values[0].text == "false");
  CHECK(slice(kText, secure.values_range) == "false");

  // One condition per key, in order; the operator that is not an object is skipped.
  CHECK(statement.conditions[2].key.value == "s3:max-keys");
  CHECK(statement.conditions[2].values[0].kind == json::Kind::kNumber);
  CHECK(statement.conditions[3].key.value == "s3:other");
  CHECK(statement.conditions[3].values[0].kind == json::Kind::kString);
  CHECK(statement.conditions[4].op.base == "Null");
  CHECK(statement.conditions[4].values.empty());
}

TEST_CASE("ast lowering skips values of the wrong JSON type") {
  constexpr std::string_view kTexts[] = {
      R"({"Version": 1, "Id": [], "Statement": "x"})",
      R"({"Statement": 5})",
      R"({"Statement": [1, null, [], "s"]})",
      R"({"Statement": {"Sid": 1, "Effect": null, "Action": 3, "Resource": {"a": "b"}, "Condition": []}})",
      R"({"Statement": {"Action": [[["*"]]], "NotResource": [{}], "Condition": {"StringEquals": []}}})",
  };
  for (std::string_view text : kTexts) {
    CAPTURE(text);
    Lowered lowered = lower(text);
    CHECK_FALSE(lowered.policy.version);
    CHECK_FALSE(lowered.policy.id);
    for (const Statement& statement : lowered.policy.statements) {
      CHECK_FALSE(statement.sid);
      CHECK(statement.effect == Effect::kInvalid);
      CHECK(values_of(statement.action).empty());
      CHECK(values_of(statement.resource).empty());
      CHECK(values_of(statement.not_resource).empty());
      CHECK(statement.conditions.empty());
    }
  }
}

TEST_CASE("ast lowering returns nothing for a root that is not an object") {
  constexpr std::string_view kTexts[] = {"[]", "[{\"Statement\": []}]", "1", "null"};
  for (std::string_view text : kTexts) {
    CAPTURE(text);
    auto doc = json::parse(text);
    REQUIRE(doc.has_value());
    CHECK_FALSE(lower_policy(*doc, doc->root(), PolicyKind::kIdentity).has_value());
  }
  json::Document empty;
  CHECK_FALSE(lower_policy(empty, json::kNoNode, std::nullopt).has_value());
}

TEST_CASE("ast lowering reads only the first of duplicated elements") {
  Lowered lowered = lower(R"({
    "Version": "2012-10-17", "Version": "2008-10-17",
    "Statement": [{
      "Sid": "a", "Sid": "b",
      "Effect": "Deny", "Effect": "Allow",
      "Principal": "*", "Principal": {"AWS": "x"},
      "Action": "s3:A", "Action": "s3:B",
      "NotAction": "s3:C", "NotAction": "s3:D",
      "Resource": "r1", "Resource": "r2",
      "NotResource": "n1", "NotResource": "n2",
      "Condition": {"Bool": {"k1": true}}, "Condition": {"Bool": {"k2": true}}
    }],
    "Statement": {"Sid": "second statement element"}})");
  const Policy& policy = lowered.policy;
  CHECK(policy.version->value == "2012-10-17");
  REQUIRE(policy.statements.size() == 1);
  const Statement& statement = policy.statements[0];
  CHECK(statement.sid->value == "a");
  CHECK(statement.effect == Effect::kDeny);
  CHECK(statement.principal->is_wildcard);
  CHECK(values_of(statement.action) == std::vector<std::string_view>{"s3:A"});
  CHECK(values_of(statement.not_action) == std::vector<std::string_view>{"s3:C"});
  CHECK(values_of(statement.resource) == std::vector<std::string_view>{"r1"});
  CHECK(values_of(statement.not_resource) == std::vector<std::string_view>{"n1"});
  REQUIRE(statement.conditions.size() == 1);
  CHECK(statement.conditions[0].key.value == "k1");
}

// Bug: Sid, Effect, Version and Id use `if (!slot) slot = string_member(...)`, so when the first
// occurrence has the wrong type the slot stays empty and a later duplicate is lowered instead.
TEST_CASE("ast lowering reads only the first duplicate even when it has the wrong type") {
  Lowered lowered = lower(R"({"Version": 1, "Version": "2012-10-17", "Id": null, "Id": "b",
    "Statement": {"Sid": 1, "Sid": "b", "Effect": ["Deny"], "Effect": "Allow", "Action": "*"}})");
  CHECK_FALSE(lowered.policy.version);
  CHECK_FALSE(lowered.policy.id);
  const Statement& statement = lowered.policy.statements.at(0);
  CHECK_FALSE(statement.sid);
  CHECK_FALSE(statement.effect_text);
  CHECK_FALSE(statement.allows());
}

TEST_CASE("ast lowering infers the policy kind") {
  struct Case {
    std::string_view text;
    PolicyKind kind;
  };
  const Case kCases[] = {
      {R"({"Statement": []})", PolicyKind::kIdentity},
      {R"({"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}})",
       PolicyKind::kIdentity},
      {R"({"Statement": {"Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}})",
       PolicyKind::kTrust},
      {R"({"Statement": [{"Principal": "*", "Action": ["sts:AssumeRole", "sts:TagSession"]},
                         {"Action": "sts:SetSourceIdentity"}]})",
       PolicyKind::kTrust},
      {R"({"Statement": {"NotPrincipal": "*", "Action": "sts:AssumeRole"}})", PolicyKind::kTrust},
      {R"({"Statement": {"Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"}})",
       PolicyKind::kResource},
      {R"({"Statement": {"Principal": "*", "Action": "sts:AssumeRole", "NotResource": "x"}})",
       PolicyKind::kResource},
      {R"({"Statement": {"Principal": "*", "Action": ["sts:AssumeRole", "s3:GetObject"]}})",
       PolicyKind::kResource},
      {R"({"Statement": [{"Principal": "*", "Action": "sts:AssumeRole"}, {"Action": "s3:GetObject"}]})",
       PolicyKind::kResource},
      // No Action (or an empty one) is not an sts-only statement.
      {R"({"Statement": {"Principal": "*", "NotAction": "sts:AssumeRole"}})",
       PolicyKind::kResource},
      {R"({"Statement": {"Principal": "*", "Action": []}})", PolicyKind::kResource},
      {R"({"Statement": {"Principal": "*", "Action": "STS:AssumeRole"}})", PolicyKind::kResource},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    Lowered lowered = lower(c.text);
    CHECK(lowered.policy.kind == c.kind);
    CHECK(infer_kind(lowered.policy) == c.kind);
  }
  SUBCASE("a kind given by the caller wins") {
    Lowered lowered = lower(R"({"Statement": {"Action": "s3:*"}})", PolicyKind::kScp);
    CHECK(lowered.policy.kind == PolicyKind::kScp);
  }
}

TEST_CASE("policy kind names are the --policy-type spellings") {
  CHECK(policy_kind_name(PolicyKind::kIdentity) == "identity");
  CHECK(policy_kind_name(PolicyKind::kResource) == "resource");
  CHECK(policy_kind_name(PolicyKind::kTrust) == "trust");
  CHECK(policy_kind_name(PolicyKind::kScp) == "scp");
  CHECK(policy_kind_name(PolicyKind::kRcp) == "rcp");
  CHECK(policy_kind_name(PolicyKind::kBoundary) == "boundary");
  CHECK(parse_scp_syntax("2025") == ScpSyntax::k2025);
  CHECK(parse_scp_syntax("legacy") == ScpSyntax::kLegacy);
  CHECK_FALSE(parse_scp_syntax("2023").has_value());
  CHECK(scp_syntax_name(ScpSyntax::kLegacy) == "legacy");
  CHECK(grammar_of(PolicyKind::kBoundary) == PolicyKind::kIdentity);
  CHECK(grammar_of(PolicyKind::kScp) == PolicyKind::kScp);
  CHECK(is_guardrail(PolicyKind::kBoundary));
  CHECK(is_guardrail(PolicyKind::kScp));
  CHECK(is_guardrail(PolicyKind::kRcp));
  CHECK_FALSE(is_guardrail(PolicyKind::kIdentity));
  CHECK_FALSE(is_guardrail(PolicyKind::kResource));
  CHECK_FALSE(is_guardrail(PolicyKind::kTrust));
}

}  // namespace
}  // namespace iamlint::ast
