// The ARN-valued strings of a statement, shared by the arn family: every Resource and
// NotResource entry, and the principal values (AWS, Federated) written as ARNs.
#pragma once

#include "ast/policy.h"

namespace iamlint::rules::arn {

// Where an ARN-valued string came from: a Resource entry must be an ARN (or "*"), a principal
// value only when it starts with "arn:" (it may also be an account ID, a domain, ...).
enum class ArnSource : uint8_t { kResource, kPrincipal };

// Calls visit(text, source) for each ARN-valued string of the statement.
template <class Visit>
void for_each_arn_value(const ast::Statement& statement, Visit&& visit) {
  for (const auto* list : {&statement.resource, &statement.not_resource}) {
    if (!*list) continue;
    for (const ast::Resource& resource : (*list)->entries)
      visit(resource.text, ArnSource::kResource);
  }
  for (const auto* principal : {&statement.principal, &statement.not_principal}) {
    if (!*principal) continue;
    for (const ast::PrincipalEntry& entry : (*principal)->entries) {
      bool arn_typed =
          entry.type == ast::PrincipalType::kAws || entry.type == ast::PrincipalType::kFederated;
      if (arn_typed && entry.text.value.starts_with("arn:"))
        visit(entry.text, ArnSource::kPrincipal);
    }
  }
}

}  // namespace iamlint::rules::arn
