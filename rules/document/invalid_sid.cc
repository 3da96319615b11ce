// IAM010: a Sid with characters other than A-Z, a-z and 0-9, which IAM rejects.
// Checked only for the policy types IAM stores (identity and trust): resource
// policies follow their service's rules, which accept more (a KMS key policy's
// default statement is "Enable IAM User Permissions"), and no AWS page states
// the Organizations rule for SCPs and RCPs.
#include <algorithm>
#include <iterator>
#include <string>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// The whole UTF-8 sequence that starts at `at`, so that the message never
// splits a character.
std::string_view character_at(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(at, length);
}

bool is_alphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

class InvalidSid final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_SID"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "INVALID_SID"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM010",
      .name = "invalid-sid",
      .level = engine::Level::kError,
      .summary = "A Sid contains characters other than letters and digits",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.sid) return;
    std::string_view sid = statement.sid->value;
    auto bad = std::find_if_not(sid.begin(), sid.end(), is_alphanumeric);
    if (bad == sid.end()) return;
    std::string fixed;
    std::copy_if(sid.begin(), sid.end(), std::back_inserter(fixed), is_alphanumeric);
    std::string suggestion =
        fixed.empty() ? std::string("letters and digits only") : "\"" + fixed + "\"";
    ctx.report(statement.sid->range,
               "Sid \"{}\" contains \"{}\", which is not allowed; use only A-Z, a-z and 0-9: {}",
               sid, character_at(sid, static_cast<std::size_t>(bad - sid.begin())), suggestion);
  }
};

IAMLINT_REGISTER_RULE(InvalidSid);

}  // namespace
}  // namespace iamlint::rules
