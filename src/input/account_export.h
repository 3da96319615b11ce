// The account settings that teams export with the AWS CLI for audits (`iamlint audit`): which
// export a document is, by its content. They hold no policy; the document kind
// "account-settings" (kinds/account_settings.cc) claims them so that linting leaves them alone,
// and `iamlint audit` reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "json/document.h"

namespace iamlint::input {

enum class AccountExport : uint8_t {
  kCredentialReport,      // aws iam get-credential-report (JSON, or its Content decoded: CSV)
  kAccountSummary,        // aws iam get-account-summary
  kPasswordPolicy,        // aws iam get-account-password-policy
  kNoPasswordPolicy,      // its error when the account has none (NoSuchEntity), saved as text
  kTrails,                // aws cloudtrail describe-trails
  kTrailStatus,           // aws cloudtrail get-trail-status
  kEventSelectors,        // aws cloudtrail get-event-selectors
  kConfigRecorders,       // aws configservice describe-configuration-recorders
  kConfigRecorderStatus,  // aws configservice describe-configuration-recorder-status
  kVirtualMfaDevices,     // aws iam list-virtual-mfa-devices
  kOrganization,          // aws organizations describe-organization
  kNoOrganization,        // its error when the account is in none, saved as text
  // aws iam get-account-authorization-details: a document kind of its own (it holds policies),
  // which account_export_of never returns; `iamlint audit` reads it too.
  kAuthorizationDetails,
};

inline constexpr std::size_t kAccountExportCount = 13;

// The AWS CLI command that writes the export, e.g. "aws iam get-credential-report".
[[nodiscard]] std::string_view account_export_command(AccountExport which);

// Which export a JSON document is, by its top-level members; nullopt when it is none.
[[nodiscard]] std::optional<AccountExport> account_export_of(const json::Document& doc);

// Which export a text that is not JSON is: the credential report as CSV (its header line), or
// the CLI's error for an account without a password policy or outside any organization.
[[nodiscard]] std::optional<AccountExport> account_export_of_text(std::string_view text);

}  // namespace iamlint::input
