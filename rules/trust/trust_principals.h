// Helpers shared by the trust family: which identity provider a Federated principal names,
// which actions a statement's Action covers, and which condition keys it tests.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

#include "ast/policy.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"

namespace iamlint::rules::trust {

inline constexpr std::string_view kGithubHost = "token.actions.githubusercontent.com";

// The web identity providers IAM knows by domain name; the others are OIDC provider ARNs.
inline constexpr std::array<std::string_view, 4> kWebIdentityDomains = {
    "cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com",
    "accounts.google.com"};

enum class FederatedKind : uint8_t { kSaml, kOidc, kOther };

struct FederatedProvider {
  FederatedKind kind = FederatedKind::kOther;
  // For OIDC: the prefix of the provider's condition keys ("<host>:sub"), e.g.
  // "token.actions.githubusercontent.com" or "accounts.google.com".
  std::string_view host;
};

[[nodiscard]] inline FederatedProvider federated_provider(std::string_view value) {
  std::optional<ast::Arn> arn = ast::split_arn(value);
  if (arn) {
    if (arn->service != "iam") return {};
    if (arn->resource.starts_with("saml-provider/")) return {.kind = FederatedKind::kSaml};
    constexpr std::string_view kOidc = "oidc-provider/";
    if (arn->resource.starts_with(kOidc))
      return {.kind = FederatedKind::kOidc, .host = arn->resource.substr(kOidc.size())};
    return {};
  }
  for (std::string_view domain : kWebIdentityDomains) {
    if (catalog::equals_folded(value, domain)) return {.kind = FederatedKind::kOidc, .host = value};
  }
  return {};
}

// Whether an entry of the statement's Action matches `action` (wildcards and case as IAM).
[[nodiscard]] inline bool action_covers(const ast::Statement& statement, std::string_view action) {
  if (!statement.action) return false;
  const auto& entries = statement.action->entries;
  return std::any_of(entries.begin(), entries.end(), [&](const ast::Action& a) {
    return catalog::glob_match_folded(a.text.value, action);
  });
}

// The provider's claim key "<host>:<claim>" compared case-insensitively, as IAM compares keys.
[[nodiscard]] inline bool is_claim_key(std::string_view key, std::string_view host,
                                       std::string_view claim) {
  return key.size() == host.size() + 1 + claim.size() && catalog::starts_with_folded(key, host) &&
         key[host.size()] == ':' && catalog::equals_folded(key.substr(host.size() + 1), claim);
}

// The keys that tie a service principal's access to the resource or account it acts for
// (confused-deputy protection).
inline constexpr std::array<std::string_view, 4> kSourceKeys = {
    "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths"};

[[nodiscard]] inline bool has_source_key(const ast::Statement& statement) {
  return std::any_of(
      statement.conditions.begin(), statement.conditions.end(), [](const ast::Condition& c) {
        return c.op.base != "Null" &&
               std::any_of(kSourceKeys.begin(), kSourceKeys.end(), [&](std::string_view key) {
                 return catalog::equals_folded(c.key.value, key);
               });
      });
}

// The Service principal entries of an Allow statement's Principal, skipping "*".
template <class Visit>
void for_each_allowed_service(const ast::Statement& statement, Visit&& visit) {
  if (!statement.allows() || !statement.principal) return;
  for (const ast::PrincipalEntry& entry : statement.principal->entries) {
    if (entry.type == ast::PrincipalType::kService && entry.text.value != "*") visit(entry);
  }
}

}  // namespace iamlint::rules::trust
