// Which services in a statement's actions do not support the statement's tag condition key
// (aws:ResourceTag/<k>, aws:RequestTag/<k>, aws:TagKeys or a service form such as
// ec2:ResourceTag/<k>), shared by IAM358 (Deny) and IAM359 (Allow).
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "analysis/actions.h"
#include "analysis/condition_facts.h"
#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/condition_key.h"
#include "catalog/service.h"
#include "condition/condition_key_catalog.h"
#include "condition/operator_family.h"

namespace iamlint::rules::tag_support {

struct Gap {
  std::vector<catalog::Service> services;  // in catalogue order
  std::vector<const ast::Action*>
      entries;  // Action entries naming those services (none for NotAction)
  bool not_action = false;
  // The condition holds for a request without the key (IfExists, a negated operator or
  // ForAllValues), so the statement applies to those services whatever their tags.
  bool matches_without_key = false;
};

// The services of the statement's actions that support no form of `condition`'s tag key, or
// nullopt when there are none, the key is not a tag key, or the operator is Null (a presence test
// means what it says for every service).
inline std::optional<Gap> find_gap(const ast::Statement& statement, const ast::Condition& condition,
                                   analysis::PolicyFacts& facts) {
  Gap gap;
  gap.services = analysis::untagged_services(condition, facts.statement_actions(statement));
  gap.not_action = !statement.action && statement.not_action;
  gap.matches_without_key = analysis::holds_without_key(condition);
  if (gap.services.empty()) return std::nullopt;
  if (statement.action) {
    for (const ast::Action& entry : statement.action->entries) {
      for (catalog::Service service : gap.services) {
        if (catalog::equals_folded(entry.service, service.prefix())) {
          gap.entries.push_back(&entry);
          break;
        }
      }
    }
  }
  return gap;
}

// "the 'tag' service", "the 's3', 'sqs' and 'sns' services" or "the 's3', 'sqs', 'sns' and 120
// more services": a bare prefix ("tag does not support") does not read as a service's name.
inline std::string service_list(const std::vector<catalog::Service>& services) {
  std::string names = condition_keys::first_names(services.size(), [&](std::size_t i) {
    return "'" + std::string(services[i].prefix()) + "'";
  });
  return "the " + names + (services.size() == 1 ? " service" : " services");
}

}  // namespace iamlint::rules::tag_support
