#include "catalog/action_pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalog/action_set.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/service.h"

namespace iamlint::catalog {
namespace {

std::vector<std::string> names(std::string_view pattern) {
  std::vector<std::string> out;
  const auto matches = expand_action_pattern(pattern);
  REQUIRE(matches);
  for (Action a : ActionSet::of(*matches)) out.push_back(a.qualified_name());
  return out;
}

TEST_CASE("glob matching") {
  CHECK(glob_match_folded("Get*", "GetObject"));
  CHECK(glob_match_folded("get*", "GetObject"));
  CHECK(glob_match_folded("*Object", "GetObject"));
  CHECK(glob_match_folded("*", ""));
  CHECK(glob_match_folded("G?tObject", "GetObject"));
  CHECK_FALSE(glob_match_folded("G?Object", "GetObject"));
  CHECK(glob_match_folded("*et*bj*", "GetObject"));
  CHECK_FALSE(glob_match_folded("Get", "GetObject"));
  CHECK(glob_match_folded("a*a*a*b", "aaaaaaaaaaab"));
  CHECK_FALSE(glob_match_folded("a*a*a*b", "aaaaaaaaaaaa"));
}

TEST_CASE("action names compare case-insensitively") {
  CHECK(names("S3:GETOBJECT") == std::vector<std::string>{"s3:GetObject"});
  CHECK(names("s3:getobject") == names("s3:GetObject"));
}

TEST_CASE("wildcards anywhere in the name") {
  const auto put = names("s3:Put*");
  CHECK(put.size() > 30);
  for (const std::string& n : put) CHECK(n.rfind("s3:Put", 0) == 0);
  CHECK(names("s3:*Object") == std::vector<std::string>{"s3:DeleteObject", "s3:GetObject",
                                                        "s3:PutObject", "s3:ReplicateObject",
                                                        "s3:RestoreObject"});
  CHECK(names("s3:?etObject") == std::vector<std::string>{"s3:GetObject"});
  CHECK(names("iam:*Role*Polic?").size() >= 4);  // Attach/Detach/Delete/Put/GetRolePolicy ...
  const auto all_s3 = names("s3:*");
  CHECK(all_s3.size() == find_service("s3")->actions().size());
  // Matching nothing is an empty set, not an error.
  CHECK(names("s3:NoSuch*").empty());
  CHECK(names("s3:HeadObject").empty());
}

TEST_CASE("\"*\" alone is every action of every service") {
  const auto all = expand_action_pattern("*");
  REQUIRE(all);
  CHECK(all->size() == action_count());
  CHECK(ActionSet::of(*all) == ActionSet::all());
}

TEST_CASE("invalid patterns are errors") {
  CHECK(expand_action_pattern("s3*:Get*").error() == PatternError::kWildcardInService);
  CHECK(expand_action_pattern("*:*").error() == PatternError::kWildcardInService);
  CHECK(expand_action_pattern("s3").error() == PatternError::kMissingColon);
  CHECK(expand_action_pattern("").error() == PatternError::kEmpty);
  CHECK(expand_action_pattern(":Get").error() == PatternError::kEmptyService);
  CHECK(expand_action_pattern("s3:").error() == PatternError::kEmptyName);
  CHECK(expand_action_pattern("s4:Get*").error() == PatternError::kUnknownService);
  CHECK(describe(PatternError::kWildcardInService) ==
        "the service prefix may not contain wildcards");
}

TEST_CASE("the cache returns the same storage for the same folded pattern") {
  const auto a = expand_action_pattern("ec2:Describe*");
  const auto b = expand_action_pattern("EC2:describe*");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->data() == b->data());
  CHECK(a->size() > 100);
}

// match_actions finds a pattern's literal start by binary search within the service.
TEST_CASE("a service's actions are sorted by lower-case name") {
  for (Service service : services()) {
    const auto actions = service.actions();
    for (std::size_t i = 1; i < actions.size(); ++i) {
      CHECK(compare_folded(actions[i - 1].name(), actions[i].name()) <= 0);
    }
  }
}

TEST_CASE("patterns match as a scan of the whole service would") {
  for (std::string_view text : {"ec2:Describe*", "s3:get*acl", "iam:*Policy", "S3:Get?bject",
                                "s3:Put*Tagg?ng", "kms:zz*", "ec2:*", "lambda:I*"}) {
    CAPTURE(text);
    const auto colon = text.find(':');
    std::vector<std::uint32_t> scanned;
    for (Action action : find_service(text.substr(0, colon))->actions()) {
      if (glob_match_folded(text.substr(colon + 1), action.name()))
        scanned.push_back(action.index());
    }
    CHECK(*match_actions(text) == scanned);
  }
}

TEST_CASE("set algebra across the stored windows of distant services") {
  const Action first(0);
  const Action last(action_count() - 1);
  const ActionSet ec2 = ActionSet::of(*expand_action_pattern("ec2:*"));
  ActionSet ends;
  ends.insert(last);
  ends.insert(first);  // widens the window downwards
  CHECK(ends.count() == 2);
  CHECK(ends.contains(first));
  CHECK(ends.contains(last));
  CHECK_FALSE(ends.contains(*find_action("ec2:RunInstances")));
  std::vector<std::uint32_t> iterated;
  for (Action a : ends) iterated.push_back(a.index());
  CHECK(iterated == std::vector<std::uint32_t>{first.index(), last.index()});

  ActionSet both = ends;
  both |= ec2;
  CHECK(both.count() == ec2.count() + 2);
  CHECK(both.count_common(ec2) == ec2.count());
  both -= ends;
  CHECK(both == ec2);  // equal sets, different windows
  std::string both_key;
  std::string ec2_key;
  both.append_key(both_key);
  ec2.append_key(ec2_key);
  CHECK(both_key == ec2_key);
  std::string ends_key;
  ends.append_key(ends_key);
  CHECK(ends_key != ec2_key);
  CHECK_FALSE(ends.intersects(ec2));
  ActionSet none = ec2;
  none &= ends;
  CHECK(none.empty());
  CHECK(none == ActionSet());
  std::string none_key;
  none.append_key(none_key);
  CHECK(none_key.empty());
  CHECK(ends.complement().count() == action_count() - 2);
  CHECK_FALSE(ends.complement().contains(last));
}

TEST_CASE("set algebra: NotAction inversion, union, difference, access levels") {
  const ActionSet s3 = ActionSet::of(*expand_action_pattern("s3:*"));
  const ActionSet gets = ActionSet::of(*expand_action_pattern("s3:Get*"));
  ActionSet not_s3 = s3.complement();
  CHECK(not_s3.count() + s3.count() == action_count());
  CHECK_FALSE(not_s3.contains(*find_action("s3:GetObject")));
  CHECK(not_s3.contains(*find_action("ec2:RunInstances")));

  ActionSet rest = s3;
  rest -= gets;
  CHECK(rest.count() == s3.count() - gets.count());
  rest |= gets;
  CHECK(rest == s3);
  ActionSet both = s3;
  both &= gets;
  CHECK(both == gets);
  CHECK(ActionSet().empty());
  CHECK(ActionSet().complement() == ActionSet::all());

  const auto levels = gets.count_by_access_level();
  CHECK(levels[static_cast<size_t>(AccessLevel::kRead)] > 0);
  size_t total = 0;
  for (size_t n : levels) total += n;
  CHECK(total == gets.count());

  // Iteration follows catalogue order.
  std::uint32_t previous = 0;
  bool first = true;
  for (Action a : s3) {
    CHECK((first || a.index() > previous));
    previous = a.index();
    first = false;
  }
}

}  // namespace
}  // namespace iamlint::catalog
