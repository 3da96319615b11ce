// IAM509: a trust policy that names both a role and one of its sessions; the role ARN already
// covers every session of the role.
#include <vector>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

struct RoleName {
  std::string_view partition, account, name;
  bool operator==(const RoleName&) const = default;
};

// arn:aws:iam::111122223333:role/path/name -> {aws, 111122223333, name}; the session ARN has
// no path: arn:aws:sts::111122223333:assumed-role/name/session.
std::optional<RoleName> role_of(std::string_view value) {
  std::optional<ast::Arn> arn = ast::split_arn(value);
  if (!arn || !arn->resource.starts_with("role/")) return std::nullopt;
  if (arn->service != "iam") return std::nullopt;
  std::string_view name = arn->resource.substr(arn->resource.rfind('/') + 1);
  return RoleName{arn->partition, arn->account, name};
}

std::optional<RoleName> session_role_of(std::string_view value) {
  std::optional<ast::Arn> arn = ast::split_arn(value);
  constexpr std::string_view kPrefix = "assumed-role/";
  if (!arn || arn->service != "sts" || !arn->resource.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = arn->resource.substr(kPrefix.size());
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  return RoleName{arn->partition, arn->account, rest.substr(0, slash)};
}

class RedundantRoleSessionPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"trust", "redundancy"};
  static constexpr std::string_view kCodes[] = {"REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM509",
      .name = "redundant-role-session-principal",
      .level = engine::Level::kNote,
      .summary = "A trust policy names both a role and one of that role's sessions",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.principal) return;
    const auto& entries = statement.principal->entries;
    for (const ast::PrincipalEntry& session : entries) {
      if (session.type != ast::PrincipalType::kAws) continue;
      std::optional<RoleName> session_role = session_role_of(session.text.value);
      if (!session_role) continue;
      for (const ast::PrincipalEntry& role : entries) {
        if (role.type != ast::PrincipalType::kAws || role_of(role.text.value) != session_role)
          continue;
        ctx.report(session.text.range,
                   "Session \"{}\" is already covered by its role \"{}\", which trusts every "
                   "session of the role; remove one of them",
                   session.text.value, role.text.value)
            .related(role.text.range, "the role");
        break;
      }
    }
  }
};

IAMLINT_REGISTER_RULE(RedundantRoleSessionPrincipal);

}  // namespace
}  // namespace iamlint::rules
