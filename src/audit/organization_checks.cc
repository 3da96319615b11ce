// The control read from aws organizations describe-organization: the account belongs to an
// organization with all features, so that SCPs apply to it. Outside any organization the CLI
// fails with AWSOrganizationsNotInUseException; that error, saved to the file, is read as such.
#include <fmt/core.h>

#include "audit/checks.h"

namespace iamlint::audit {

void check_account_without_scp_guardrails(Checker& checker) {
  const Account& account = checker.account();
  const auto outside = account.files_of(AccountExport::kNoOrganization);
  const auto inside = account.files_of(AccountExport::kOrganization);
  if (outside.empty() && inside.empty()) {
    checker.not_checked("no `aws organizations describe-organization` output");
    return;
  }
  for (std::size_t file : outside) {
    checker.report(file, fields::first_line(account.files[file].source.text),
                   "the account is in no organization, so no SCP can guard it: join one "
                   "(or create one) with all features enabled");
  }
  for (std::size_t file : inside) {
    const json::Document& doc = *account.files[file].doc;
    const json::NodeId feature_set = fields::at(doc, doc.root(), "Organization.FeatureSet");
    const std::string_view value = fields::text(doc, feature_set);
    if (value == "ALL" || feature_set == json::kNoNode) continue;
    checker.report(file, doc.node(feature_set).range,
                   fmt::format("the organization has only {} features: SCPs apply only with all "
                               "features enabled (aws organizations enable-all-features)",
                               value));
  }
}

}  // namespace iamlint::audit
