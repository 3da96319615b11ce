// The hand-kept lists of risky actions the risk rules judge grants by, each compiled from
// analysis/data/*.tsv (where every entry has its source) and checked against the catalogue at
// build time.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "catalog/action.h"

namespace iamlint::analysis {

// One action of a privilege-escalation method.
struct MethodStep {
  std::string_view action;  // "iam:PassRole", as the catalogue spells it
  // The method needs the action on every resource of its type (which role, which user); on some
  // only, it reaches only those.
  bool every_resource = false;
};

// A set of actions that, all allowed to one principal, let it raise its own permissions.
struct EscalationMethod {
  std::string_view name;  // "CreateEC2WithExistingIP", Cloudsplaining's and Rhino's name
  std::span<const MethodStep> steps;
  std::string_view consequence;  // "launch an instance with any role and act with ..."
  std::string_view reference;    // a page that explains the method
};

[[nodiscard]] std::span<const EscalationMethod> escalation_methods();

enum class SensitiveCategory : std::uint8_t {
  kCredentials,   // returns credentials or secrets
  kExfiltration,  // reads the data that leaks most often
};

struct SensitiveAction {
  SensitiveCategory category;
  std::string_view action;  // as the catalogue spells it
  std::string_view gives;   // "the value of any secret"
};

[[nodiscard]] std::span<const SensitiveAction> sensitive_actions();

// Whether a Permissions-management action edits who may use a resource (its name says Policy,
// Acl, Permission, Share or Grant): the ones that open a resource to other accounts or everyone.
[[nodiscard]] bool opens_resources(catalog::Action action);

// How much harm an action can do, for the order in which messages name actions (lower first):
// the deciding steps of privilege-escalation methods, then actions that return credentials, then
// data exfiltration, then Permissions management that opens resources, then by access level.
[[nodiscard]] int sensitivity_rank(catalog::Action action);

}  // namespace iamlint::analysis
