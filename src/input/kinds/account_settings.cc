// The account settings exported for an audit (input/account_export.h): a credential report, the
// account summary, the password policy, CloudTrail and AWS Config settings... They hold no policy,
// so linting finds nothing in them; `iamlint audit` checks them against the root-account
// checklist.
#include "input/account_export.h"
#include "input/container.h"

namespace iamlint::input {
namespace {

bool detect(const json::Document& doc) {
  return account_export_of(doc).has_value();
}

bool detect_text(std::string_view text) {
  return account_export_of_text(text).has_value();
}

void extract(Container& /*container*/) {}

constexpr DocumentKind kAccountSettings{
    .name = "account-settings",
    .description = "an account's settings exported with the AWS CLI (read by 'iamlint audit')",
    .detect = detect,
    .extract = extract,
    .detect_text = detect_text,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kAccountSettings);

}  // namespace
}  // namespace iamlint::input
