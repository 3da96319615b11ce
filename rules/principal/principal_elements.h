// Helpers shared by the principal family: the Principal and NotPrincipal elements of a
// statement, and the four principal types IAM knows.
#pragma once

#include <array>
#include <string_view>

#include "ast/policy.h"

namespace iamlint::rules::principal {

inline constexpr std::array<std::string_view, 4> kPrincipalKeys = {"AWS", "CanonicalUser",
                                                                   "Federated", "Service"};

// Calls visit(principal, element_name) for Principal and NotPrincipal when present.
template <class Visit>
void for_each_principal_element(const ast::Statement& statement, Visit&& visit) {
  if (statement.principal) visit(*statement.principal, std::string_view("Principal"));
  if (statement.not_principal) visit(*statement.not_principal, std::string_view("NotPrincipal"));
}

}  // namespace iamlint::rules::principal
