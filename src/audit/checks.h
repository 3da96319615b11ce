// Runs the audit controls over an account's exports. Each control's check is a function, listed
// by the control's name in checks.cc; it reports findings at the fields that fail, or says why
// it could not check (a missing export, no time to compare with) -- never a pass by default.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audit/account.h"
#include "audit/controls.h"
#include "engine/finding.h"
#include "json/document.h"

namespace iamlint::audit {

// A control left unchecked, and why: "no `aws cloudtrail describe-trails` output".
struct NotChecked {
  const Control* control;
  std::string reason;
};

struct AuditResult {
  std::vector<std::vector<engine::Finding>> findings;  // per file of the account, sorted
  std::vector<NotChecked> not_checked;                 // in control order
  std::vector<std::string> notes;  // what a pass rests on, when it is not obvious
};

// What a check works with, and where it reports.
class Checker {
 public:
  Checker(const Account& account, std::optional<Timestamp> now, AuditResult& result)
      : account_(account), now_(now), result_(result) {}

  [[nodiscard]] const Account& account() const { return account_; }
  [[nodiscard]] const Control& control() const { return *control_; }
  [[nodiscard]] int64_t threshold(std::string_view name) const { return control_->threshold(name); }
  // --now, or else the credential report's GeneratedTime; nullopt when there is neither.
  [[nodiscard]] std::optional<Timestamp> now() const { return now_; }

  void report(std::size_t file, ByteRange range, std::string message);
  void not_checked(std::string reason);
  void note(std::string text);

  // Whether an export is there; when it is not, says so (not checked) and returns false.
  bool needs(AccountExport kind);
  // The time to compare with; when there is none, says so and returns nullopt.
  std::optional<Timestamp> needs_now();

  void start(const Control& control, const engine::RuleInfo& rule) {
    control_ = &control;
    rule_ = &rule;
  }

 private:
  const Account& account_;
  std::optional<Timestamp> now_;
  AuditResult& result_;
  const Control* control_ = nullptr;
  const engine::RuleInfo* rule_ = nullptr;
};

using Check = void (*)(Checker& checker);

// The check of the control with this name, or nullptr.
[[nodiscard]] Check find_check(std::string_view control_name);

// Every control in order; `rules` are their descriptors (control_rules), in the same order.
[[nodiscard]] AuditResult run_audit(const Account& account, std::span<const Control> controls,
                                    std::span<const engine::RuleInfo> rules,
                                    std::optional<Timestamp> now);

// Small readers of the exports' JSON, for the checks.
namespace fields {
// The value at a path of member names ("recordingGroup.allSupported") under an object; kNoNode
// when a step is missing or not an object.
[[nodiscard]] json::NodeId at(const json::Document& doc, json::NodeId object,
                              std::string_view path);
[[nodiscard]] std::optional<bool> boolean(const json::Document& doc, json::NodeId node);
[[nodiscard]] std::optional<int64_t> integer(const json::Document& doc, json::NodeId node);
[[nodiscard]] std::string_view text(const json::Document& doc, json::NodeId node);
// A member's name with its quotes (an array element's value), for findings about a member that
// lacks something inside it.
[[nodiscard]] ByteRange key_range(const json::Document& doc, json::NodeId node);
// The first non-blank line of a text export: the AWS CLI's error message.
[[nodiscard]] ByteRange first_line(std::string_view text);
}  // namespace fields

// The checks, one file per area (credential_checks.cc, ...).
void check_root_user_without_mfa(Checker& checker);
void check_root_mfa_not_hardware(Checker& checker);
void check_root_access_key(Checker& checker);
void check_root_user_used_recently(Checker& checker);
void check_console_user_without_mfa(Checker& checker);
void check_access_key_not_rotated(Checker& checker);
void check_unused_credential(Checker& checker);
void check_two_active_access_keys(Checker& checker);
void check_short_minimum_password_length(Checker& checker);
void check_password_reuse_allowed(Checker& checker);
void check_password_expiry_off(Checker& checker);
void check_no_multi_region_trail(Checker& checker);
void check_trail_not_logging(Checker& checker);
void check_trail_misses_management_events(Checker& checker);
void check_trail_log_validation_off(Checker& checker);
void check_config_not_recording_all_resources(Checker& checker);
void check_config_recorder_stopped(Checker& checker);
void check_account_without_scp_guardrails(Checker& checker);
void check_user_with_direct_policies(Checker& checker);

}  // namespace iamlint::audit
