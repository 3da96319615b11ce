#include "input/logical_location.h"

#include <doctest/doctest.h>

#include "json/parser.h"

namespace iamlint::input {
namespace {

TEST_CASE("logical locations name members, array indexes and odd names") {
  constexpr std::string_view kText =
      R"({"Resources": {"Build Role": {"Properties": {"Policies": [{}, {"PolicyDocument": )"
      R"({"Statement": [{"Action": ["s3:GetObject", "iam:*"]}]}}]}}}})";
  auto doc = json::parse(kText);
  REQUIRE(doc.has_value());
  LocationFinder finder(*doc);
  const auto at = [&](std::string_view needle) {
    const auto begin = static_cast<uint32_t>(kText.find(needle));
    return finder.deepest_at(doc->root(), {begin, begin + static_cast<uint32_t>(needle.size())});
  };
  CHECK(finder.path(at("\"iam:*\"")) ==
        R"(Resources["Build Role"].Properties.Policies[1].PolicyDocument.Statement[0].Action[1])");
  // A member name belongs to its member.
  CHECK(finder.path(at("\"Action\"")) ==
        R"(Resources["Build Role"].Properties.Policies[1].PolicyDocument.Statement[0].Action)");
  // A range across members is the object that holds them.
  CHECK(finder.path(at("{\"Action\"")) ==
        R"(Resources["Build Role"].Properties.Policies[1].PolicyDocument.Statement[0])");

  const json::NodeId document = at("{\"Statement\"");
  CHECK(finder.path(at("\"s3:GetObject\""), document) == "Statement[0].Action[0]");
  CHECK(finder.path(doc->root()).empty());
}

TEST_CASE("locations join with a dot, or none before an index") {
  CHECK(join_locations("a.b", "c") == "a.b.c");
  CHECK(join_locations("a.b", "[2].c") == "a.b[2].c");
  CHECK(join_locations("", "c") == "c");
  CHECK(join_locations("a", "") == "a");
}

}  // namespace
}  // namespace iamlint::input
