#include "input/account_export.h"

#include <array>

namespace iamlint::input {
namespace {

using json::NodeId;

// The credential report's first columns, the same in every version of the report.
constexpr std::string_view kCredentialReportHeader = "user,arn,user_creation_time,";

// What the AWS CLI prints (on standard error) when the setting does not exist.
constexpr std::string_view kNoPasswordPolicyError = "(NoSuchEntity)";
constexpr std::string_view kGetPasswordPolicyOperation = "GetAccountPasswordPolicy";
constexpr std::string_view kNoOrganizationError = "(AWSOrganizationsNotInUseException)";

NodeId member_of_kind(const json::Document& doc, std::string_view key, json::Kind kind) {
  const NodeId found = doc.find_member(doc.root(), key);
  return found != json::kNoNode && doc.node(found).kind == kind ? found : json::kNoNode;
}

bool has(const json::Document& doc, std::string_view key, json::Kind kind) {
  return member_of_kind(doc, key, kind) != json::kNoNode;
}

}  // namespace

std::string_view account_export_command(AccountExport which) {
  constexpr std::array<std::string_view, kAccountExportCount> kCommands = {
      "aws iam get-credential-report",
      "aws iam get-account-summary",
      "aws iam get-account-password-policy",
      "aws iam get-account-password-policy",
      "aws cloudtrail describe-trails",
      "aws cloudtrail get-trail-status",
      "aws cloudtrail get-event-selectors",
      "aws configservice describe-configuration-recorders",
      "aws configservice describe-configuration-recorder-status",
      "aws iam list-virtual-mfa-devices",
      "aws organizations describe-organization",
      "aws organizations describe-organization",
      "aws iam get-account-authorization-details",
  };
  return kCommands[static_cast<std::size_t>(which)];
}

std::optional<AccountExport> account_export_of(const json::Document& doc) {
  using json::Kind;
  if (doc.root() == json::kNoNode || !doc.node(doc.root()).is_object()) return std::nullopt;
  if (has(doc, "Content", Kind::kString) && has(doc, "ReportFormat", Kind::kString))
    return AccountExport::kCredentialReport;
  if (has(doc, "SummaryMap", Kind::kObject)) return AccountExport::kAccountSummary;
  if (has(doc, "PasswordPolicy", Kind::kObject)) return AccountExport::kPasswordPolicy;
  if (has(doc, "trailList", Kind::kArray)) return AccountExport::kTrails;
  if (has(doc, "IsLogging", Kind::kBool)) return AccountExport::kTrailStatus;
  if (has(doc, "TrailARN", Kind::kString) && (has(doc, "EventSelectors", Kind::kArray) ||
                                              has(doc, "AdvancedEventSelectors", Kind::kArray)))
    return AccountExport::kEventSelectors;
  if (has(doc, "ConfigurationRecorders", Kind::kArray)) return AccountExport::kConfigRecorders;
  if (has(doc, "ConfigurationRecordersStatus", Kind::kArray))
    return AccountExport::kConfigRecorderStatus;
  if (has(doc, "VirtualMFADevices", Kind::kArray)) return AccountExport::kVirtualMfaDevices;
  if (has(doc, "Organization", Kind::kObject)) return AccountExport::kOrganization;
  return std::nullopt;
}

std::optional<AccountExport> account_export_of_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.starts_with(kCredentialReportHeader)) return AccountExport::kCredentialReport;
  // An error message is one short line; a longer text that quotes one is something else.
  if (text.size() > 1024) return std::nullopt;
  if (text.find(kNoPasswordPolicyError) != std::string_view::npos &&
      text.find(kGetPasswordPolicyOperation) != std::string_view::npos)
    return AccountExport::kNoPasswordPolicy;
  if (text.find(kNoOrganizationError) != std::string_view::npos)
    return AccountExport::kNoOrganization;
  return std::nullopt;
}

}  // namespace iamlint::input
