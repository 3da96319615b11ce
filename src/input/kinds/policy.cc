// A bare policy document: the file is the policy, of the kind --policy-type names or the one its
// content suggests. The kind of every document that no other kind claims.
#include "input/container.h"

namespace iamlint::input {
namespace {

void extract(Container& container) {
  if (container.options().skip_non_policy && !looks_like_policy(container.doc())) return;
  container.add_policy_value(container.doc().root(), {});
}

constexpr DocumentKind kPolicy{
    .name = "policy",
    .description = "a policy document",
    .extract = extract,
};

IAMLINT_REGISTER_DOCUMENT_KIND(kPolicy);

}  // namespace
}  // namespace iamlint::input
