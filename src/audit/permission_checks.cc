// The control read from an authorization-details dump (aws iam get-account-authorization-details):
// IAM users get their permissions through groups, not policies of their own.
#include <fmt/core.h>

#include "audit/checks.h"

namespace iamlint::audit {

void check_user_with_direct_policies(Checker& checker) {
  if (!checker.needs(AccountExport::kAuthorizationDetails)) return;
  const Account& account = checker.account();
  for (std::size_t file : account.files_of(AccountExport::kAuthorizationDetails)) {
    const json::Document& doc = *account.files[file].doc;
    const json::NodeId users = doc.find_member(doc.root(), "UserDetailList");
    if (users == json::kNoNode || !doc.node(users).is_array()) continue;
    for (json::NodeId user : doc.children(users)) {
      const std::string_view name = fields::text(doc, fields::at(doc, user, "UserName"));
      for (const auto& [list_name, what] : {std::pair{"UserPolicyList", "inline"},
                                            std::pair{"AttachedManagedPolicies", "attached"}}) {
        const json::NodeId list = fields::at(doc, user, list_name);
        if (list == json::kNoNode || !doc.node(list).is_array() || doc.node(list).child_count == 0)
          continue;
        const uint32_t count = doc.node(list).child_count;
        checker.report(file, fields::key_range(doc, list),
                       fmt::format("IAM user '{}' has {} {} polic{} of its own: grant access "
                                   "through a group for the user's job, where it is reviewed and "
                                   "removed in one place",
                                   name, count, what, count == 1 ? "y" : "ies"));
      }
    }
  }
}

}  // namespace iamlint::audit
