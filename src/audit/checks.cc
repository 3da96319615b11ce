#include "audit/checks.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include <fmt/core.h>

namespace iamlint::audit {
namespace {

constexpr std::pair<std::string_view, Check> kChecks[] = {
    {"root-user-without-mfa", check_root_user_without_mfa},
    {"root-mfa-not-hardware", check_root_mfa_not_hardware},
    {"root-access-key", check_root_access_key},
    {"root-user-used-recently", check_root_user_used_recently},
    {"console-user-without-mfa", check_console_user_without_mfa},
    {"access-key-not-rotated", check_access_key_not_rotated},
    {"unused-credential", check_unused_credential},
    {"two-active-access-keys", check_two_active_access_keys},
    {"short-minimum-password-length", check_short_minimum_password_length},
    {"password-reuse-allowed", check_password_reuse_allowed},
    {"password-expiry-off", check_password_expiry_off},
    {"no-multi-region-trail", check_no_multi_region_trail},
    {"trail-not-logging", check_trail_not_logging},
    {"trail-misses-management-events", check_trail_misses_management_events},
    {"trail-log-validation-off", check_trail_log_validation_off},
    {"config-not-recording-all-resources", check_config_not_recording_all_resources},
    {"config-recorder-stopped", check_config_recorder_stopped},
    {"account-without-scp-guardrails", check_account_without_scp_guardrails},
    {"user-with-direct-policies", check_user_with_direct_policies},
};

}  // namespace

void Checker::report(std::size_t file, ByteRange range, std::string message) {
  result_.findings[file].push_back(
      {.rule = rule_, .level = control_->level, .range = range, .message = std::move(message)});
}

void Checker::not_checked(std::string reason) {
  result_.not_checked.push_back({control_, std::move(reason)});
}

void Checker::note(std::string text) {
  result_.notes.push_back(fmt::format("{} {}: {}", control_->id, control_->name, text));
}

bool Checker::needs(AccountExport kind) {
  if (account_.has(kind)) return true;
  not_checked(fmt::format("no `{}` output", input::account_export_command(kind)));
  return false;
}

std::optional<Timestamp> Checker::needs_now() {
  if (!now_) {
    not_checked(
        "no time to compare with: the credential report is the CSV, without GeneratedTime; "
        "give --now");
  }
  return now_;
}

Check find_check(std::string_view control_name) {
  for (const auto& [name, check] : kChecks) {
    if (name == control_name) return check;
  }
  return nullptr;
}

AuditResult run_audit(const Account& account, std::span<const Control> controls,
                      std::span<const engine::RuleInfo> rules, std::optional<Timestamp> now) {
  AuditResult result;
  result.findings.resize(account.files.size());
  Checker checker(account, now, result);
  for (std::size_t i = 0; i < controls.size(); ++i) {
    const Check check = find_check(controls[i].name);
    if (check == nullptr) continue;  // a unit test pairs every control with its check
    checker.start(controls[i], rules[i]);
    check(checker);
  }
  for (auto& findings : result.findings)
    std::sort(findings.begin(), findings.end(), engine::finding_order);
  return result;
}

namespace fields {

json::NodeId at(const json::Document& doc, json::NodeId object, std::string_view path) {
  json::NodeId node = object;
  while (!path.empty() && node != json::kNoNode) {
    if (!doc.node(node).is_object()) return json::kNoNode;
    const std::size_t dot = path.find('.');
    node = doc.find_member(node, path.substr(0, dot));
    path = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  }
  return node;
}

std::optional<bool> boolean(const json::Document& doc, json::NodeId node) {
  if (node == json::kNoNode || doc.node(node).kind != json::Kind::kBool) return std::nullopt;
  return doc.node(node).boolean;
}

std::optional<int64_t> integer(const json::Document& doc, json::NodeId node) {
  if (node == json::kNoNode || doc.node(node).kind != json::Kind::kNumber) return std::nullopt;
  const std::string_view text = doc.node(node).text();
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view text(const json::Document& doc, json::NodeId node) {
  if (node == json::kNoNode || !doc.node(node).is_string()) return {};
  return doc.node(node).text();
}

ByteRange key_range(const json::Document& doc, json::NodeId node) {
  const json::Node& value = doc.node(node);
  return value.key_range.size() == 0 ? value.range : value.key_range;
}

ByteRange first_line(std::string_view text) {
  // The CLI starts its error messages with an empty line.
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) begin = 0;
  std::size_t end = text.find_first_of("\r\n", begin);
  if (end == std::string_view::npos) end = text.size();
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

}  // namespace fields
}  // namespace iamlint::audit
