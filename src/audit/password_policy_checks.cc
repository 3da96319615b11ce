// The controls read from the password policy (aws iam get-account-password-policy): minimum
// length, reuse prevention and expiry. An account without a policy makes the CLI fail with
// NoSuchEntity; that error, saved to the file, is read as "no policy": IAM's defaults apply
// (8 characters, no reuse prevention, no expiry).
#include <fmt/core.h>

#include "audit/checks.h"

namespace iamlint::audit {
namespace {

// Reports `no_policy` at each file that says the account has no password policy, and calls
// `each` with each policy object; reports "not checked" when there is neither.
template <class Each>
void for_each_policy(Checker& checker, const std::string& no_policy, Each each) {
  const Account& account = checker.account();
  const auto absent = account.files_of(AccountExport::kNoPasswordPolicy);
  const auto present = account.files_of(AccountExport::kPasswordPolicy);
  if (absent.empty() && present.empty()) {
    checker.not_checked("no `aws iam get-account-password-policy` output");
    return;
  }
  for (std::size_t file : absent)
    checker.report(file, fields::first_line(account.files[file].source.text), no_policy);
  for (std::size_t file : present) {
    const json::Document& doc = *account.files[file].doc;
    each(file, doc, doc.find_member(doc.root(), "PasswordPolicy"));
  }
}

}  // namespace

void check_short_minimum_password_length(Checker& checker) {
  const int64_t minimum = checker.threshold("password-min-length");
  for_each_policy(checker,
                  fmt::format("the account has no password policy, so IAM accepts "
                              "passwords of 8 characters: set MinimumPasswordLength to {} "
                              "or more",
                              minimum),
                  [&](std::size_t file, const json::Document& doc, json::NodeId policy) {
                    const json::NodeId length = fields::at(doc, policy, "MinimumPasswordLength");
                    const auto value = fields::integer(doc, length);
                    if (value && *value >= minimum) return;
                    checker.report(
                        file, value ? doc.node(length).range : fields::key_range(doc, policy),
                        fmt::format("the password policy accepts passwords of {} characters: set "
                                    "MinimumPasswordLength to {} or more",
                                    value ? *value : 8, minimum));
                  });
}

void check_password_reuse_allowed(Checker& checker) {
  const int64_t remembered = checker.threshold("password-reuse-prevention");
  for_each_policy(
      checker,
      fmt::format("the account has no password policy, so users may reuse any "
                  "old password: set PasswordReusePrevention to {}",
                  remembered),
      [&](std::size_t file, const json::Document& doc, json::NodeId policy) {
        const json::NodeId reuse = fields::at(doc, policy, "PasswordReusePrevention");
        const auto value = fields::integer(doc, reuse);
        if (value && *value >= remembered) return;
        checker.report(
            file, value ? doc.node(reuse).range : fields::key_range(doc, policy),
            value ? fmt::format("the password policy remembers only the last {} passwords: set "
                                "PasswordReusePrevention to {}",
                                *value, remembered)
                  : fmt::format("the password policy has no PasswordReusePrevention, so users "
                                "may reuse any old password: set it to {}",
                                remembered));
      });
}

void check_password_expiry_off(Checker& checker) {
  const int64_t max_age = checker.threshold("password-max-age-days");
  if (max_age == 0) {
    checker.note("off: password-max-age-days is 0 (no forced expiry, as NIST SP 800-63B advises)");
    return;
  }
  for_each_policy(
      checker,
      fmt::format("the account has no password policy, so passwords never "
                  "expire: set MaxPasswordAge to {} or less (or "
                  "--threshold password-max-age-days=0 to follow NIST)",
                  max_age),
      [&](std::size_t file, const json::Document& doc, json::NodeId policy) {
        const json::NodeId age = fields::at(doc, policy, "MaxPasswordAge");
        const auto value = fields::integer(doc, age);
        const auto expires = fields::boolean(doc, fields::at(doc, policy, "ExpirePasswords"));
        if (value && *value > 0 && *value <= max_age && expires.value_or(true)) return;
        if (!value || *value == 0) {
          const json::NodeId flag = fields::at(doc, policy, "ExpirePasswords");
          checker.report(
              file, flag != json::kNoNode ? doc.node(flag).range : fields::key_range(doc, policy),
              fmt::format("passwords never expire: set MaxPasswordAge to {} or less "
                          "(or --threshold password-max-age-days=0 to follow NIST)",
                          max_age));
          return;
        }
        checker.report(file, doc.node(age).range,
                       fmt::format("passwords expire after {} days, more than {}: set "
                                   "MaxPasswordAge to {} or less",
                                   *value, max_age, max_age));
      });
}

}  // namespace iamlint::audit
