#include "ast/policy.h"

#include <utility>

namespace iamlint::ast {

std::string_view policy_kind_name(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kIdentity:
      return "identity";
    case PolicyKind::kResource:
      return "resource";
    case PolicyKind::kTrust:
      return "trust";
    case PolicyKind::kScp:
      return "scp";
    case PolicyKind::kRcp:
      return "rcp";
    case PolicyKind::kBoundary:
      return "boundary";
  }
  return "identity";
}

std::string_view scp_syntax_name(ScpSyntax syntax) {
  return syntax == ScpSyntax::kLegacy ? "legacy" : "2025";
}

std::optional<ScpSyntax> parse_scp_syntax(std::string_view name) {
  for (ScpSyntax syntax : {ScpSyntax::k2025, ScpSyntax::kLegacy}) {
    if (scp_syntax_name(syntax) == name) return syntax;
  }
  return std::nullopt;
}

std::optional<PolicyKind> parse_policy_kind(std::string_view name) {
  for (PolicyKind kind : {PolicyKind::kIdentity, PolicyKind::kResource, PolicyKind::kTrust,
                          PolicyKind::kScp, PolicyKind::kRcp, PolicyKind::kBoundary}) {
    if (policy_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view attached_resource_name(AttachedResource resource) {
  return kAttachedResourceNames[static_cast<std::size_t>(resource)];
}

std::optional<AttachedResource> parse_attached_resource(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kAttachedResourceNames); ++i) {
    if (kAttachedResourceNames[i] == name) return static_cast<AttachedResource>(i);
  }
  return std::nullopt;
}

std::string attached_resource_names() {
  std::string names;
  for (std::string_view name : kAttachedResourceNames) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::optional<Arn> split_arn(std::string_view text) {
  if (!text.starts_with("arn:")) return std::nullopt;
  std::string_view fields[5];
  std::string_view rest = text;
  for (std::string_view& field : fields) {
    std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    field = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  return Arn{.partition = fields[1],
             .service = fields[2],
             .region = fields[3],
             .account = fields[4],
             .resource = rest};
}

ConditionOperator split_operator(Text text) {
  ConditionOperator op{.text = text, .base = text.value};
  constexpr std::string_view kForAll = "ForAllValues:";
  constexpr std::string_view kForAny = "ForAnyValue:";
  constexpr std::string_view kIfExists = "IfExists";
  if (op.base.starts_with(kForAll)) {
    op.qualifier = SetQualifier::kForAllValues;
    op.base.remove_prefix(kForAll.size());
  } else if (op.base.starts_with(kForAny)) {
    op.qualifier = SetQualifier::kForAnyValue;
    op.base.remove_prefix(kForAny.size());
  }
  if (op.base.size() > kIfExists.size() && op.base.ends_with(kIfExists)) {
    op.if_exists = true;
    op.base.remove_suffix(kIfExists.size());
  }
  return op;
}

}  // namespace iamlint::ast
