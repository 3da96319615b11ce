// The controls read from the credential report (aws iam get-credential-report), with the account
// summary and the virtual MFA devices where they say more: the root user's MFA, keys and recent
// use; the IAM users' MFA, key age, unused credentials and second keys.
#include <fmt/core.h>

#include "audit/checks.h"

namespace iamlint::audit {
namespace {

constexpr std::string_view kRootUser = "<root_account>";
constexpr std::string_view kKeySlots[] = {"access_key_1", "access_key_2"};

bool is_root(const CredentialReport& report, const CredentialRow& row) {
  const Cell* user = report.cell(row, "user");
  return user != nullptr && user->text == kRootUser;
}

std::string_view user_name(const CredentialReport& report, const CredentialRow& row) {
  const Cell* user = report.cell(row, "user");
  return user != nullptr ? std::string_view(user->text) : std::string_view("?");
}

bool is_true(const Cell* cell) {
  return cell != nullptr && cell->text == "true";
}

std::string column(std::string_view slot, std::string_view field) {
  return fmt::format("{}_{}", slot, field);
}

std::string days(int64_t count) {
  return count == 1 ? "1 day" : fmt::format("{} days", count);
}

// Calls `each` with every IAM user's row (the root user's left out) of every credential report.
template <class Each>
void for_each_user(const Account& account, Each each) {
  for (const CredentialReport& report : account.credential_reports) {
    for (const CredentialRow& row : report.rows) {
      if (!is_root(report, row)) each(report, row);
    }
  }
}

// The account summary's value for a key ("AccountMFAEnabled"), with its node.
struct SummaryValue {
  std::size_t file;
  json::NodeId node;
  int64_t value;
};

std::optional<SummaryValue> summary_value(const Account& account, std::string_view key) {
  for (std::size_t file : account.files_of(AccountExport::kAccountSummary)) {
    const json::Document& doc = *account.files[file].doc;
    const json::NodeId node = fields::at(doc, doc.root(), fmt::format("SummaryMap.{}", key));
    if (auto value = fields::integer(doc, node)) return SummaryValue{file, node, *value};
  }
  return std::nullopt;
}

// Whether the summary shows a root user without any credential: the management account removed
// them (centralized root access), so there is no root password to protect with MFA.
bool root_credentials_removed(const Account& account) {
  const auto password = summary_value(account, "AccountPasswordPresent");
  const auto keys = summary_value(account, "AccountAccessKeysPresent");
  return password && password->value == 0 && keys && keys->value == 0;
}

// Without a credential report, the account summary's 0/1 flag decides: `message` is reported at
// it when it is `failing`.
void check_summary_flag(Checker& checker, std::string_view key, int64_t failing,
                        std::string_view message) {
  const auto flag = summary_value(checker.account(), key);
  if (!flag) {
    checker.not_checked(
        "no `aws iam get-credential-report` or `aws iam get-account-summary` output");
    return;
  }
  if (flag->value == failing) {
    checker.report(flag->file, checker.account().files[flag->file].doc->node(flag->node).range,
                   std::string(message));
  }
}

bool needs_credentials(Checker& checker) {
  return checker.needs(AccountExport::kCredentialReport);
}

}  // namespace

void check_root_user_without_mfa(Checker& checker) {
  const Account& account = checker.account();
  if (root_credentials_removed(account)) {
    checker.note(
        "not applicable: the account summary shows no root password and no root access key "
        "(AccountPasswordPresent 0, AccountAccessKeysPresent 0): the root credentials were "
        "removed, so there is no root sign-in to protect with MFA");
    return;
  }
  if (!account.credential_reports.empty()) {
    for (const CredentialReport& report : account.credential_reports) {
      for (const CredentialRow& row : report.rows) {
        const Cell* mfa = report.cell(row, "mfa_active");
        if (is_root(report, row) && mfa != nullptr && mfa->text == "false") {
          checker.report(report.file, mfa->range,
                         "the root user has no MFA device (mfa_active false): assign one, "
                         "preferably a hardware security key");
        }
      }
    }
    return;
  }
  check_summary_flag(checker, "AccountMFAEnabled", 0,
                     "the root user has no MFA device (AccountMFAEnabled 0): assign one, "
                     "preferably a hardware security key");
}

void check_root_mfa_not_hardware(Checker& checker) {
  if (!checker.needs(AccountExport::kVirtualMfaDevices)) return;
  const Account& account = checker.account();
  for (std::size_t file : account.files_of(AccountExport::kVirtualMfaDevices)) {
    const json::Document& doc = *account.files[file].doc;
    const json::NodeId devices = doc.find_member(doc.root(), "VirtualMFADevices");
    for (json::NodeId device : doc.children(devices)) {
      const std::string_view user_arn = fields::text(doc, fields::at(doc, device, "User.Arn"));
      if (!user_arn.ends_with(":root")) continue;
      const json::NodeId serial = fields::at(doc, device, "SerialNumber");
      checker.report(file,
                     serial != json::kNoNode ? doc.node(serial).range : doc.node(device).range,
                     "the root user's MFA is a virtual device: a hardware security key kept in a "
                     "safe is out of reach of malware and of a lost phone");
    }
  }
}

void check_root_access_key(Checker& checker) {
  const Account& account = checker.account();
  if (!account.credential_reports.empty()) {
    for (const CredentialReport& report : account.credential_reports) {
      for (const CredentialRow& row : report.rows) {
        if (!is_root(report, row)) continue;
        for (std::string_view slot : kKeySlots) {
          const Cell* active = report.cell(row, column(slot, "active"));
          if (!is_true(active)) continue;
          checker.report(report.file, active->range,
                         fmt::format("the root user has an active access key ({}_active true): "
                                     "delete it; root tasks are done in the console",
                                     slot));
        }
      }
    }
    return;
  }
  check_summary_flag(checker, "AccountAccessKeysPresent", 1,
                     "the root user has an access key (AccountAccessKeysPresent 1): delete it; "
                     "root tasks are done in the console");
}

void check_root_user_used_recently(Checker& checker) {
  if (!needs_credentials(checker)) return;
  const auto now = checker.needs_now();
  if (!now) return;
  const int64_t quiet_days = checker.threshold("root-unused-days");
  const Account& account = checker.account();
  for (const CredentialReport& report : account.credential_reports) {
    for (const CredentialRow& row : report.rows) {
      if (!is_root(report, row)) continue;
      const auto check = [&](std::string_view field, std::string_view what) {
        const Cell* cell = report.cell(row, field);
        if (cell == nullptr) return;
        const auto used = parse_timestamp(cell->text);
        if (!used || days_between(*used, *now) >= quiet_days) return;
        checker.report(report.file, cell->range,
                       fmt::format("the root user {} on {}, {} before the report (less than {}): "
                                   "confirm it was a task only root can do, and use IAM users "
                                   "or roles for the rest",
                                   what, format_date(*used), days(days_between(*used, *now)),
                                   days(quiet_days)));
      };
      check("password_last_used", "signed in");
      for (std::string_view slot : kKeySlots)
        check(column(slot, "last_used_date"), fmt::format("used its {}", slot));
    }
  }
}

void check_console_user_without_mfa(Checker& checker) {
  if (!needs_credentials(checker)) return;
  for_each_user(checker.account(), [&](const CredentialReport& report, const CredentialRow& row) {
    const Cell* mfa = report.cell(row, "mfa_active");
    if (!is_true(report.cell(row, "password_enabled")) || mfa == nullptr || mfa->text != "false")
      return;
    checker.report(report.file, mfa->range,
                   fmt::format("IAM user '{}' signs in to the console with a password but has "
                               "no MFA device: assign one, or remove the password",
                               user_name(report, row)));
  });
}

void check_access_key_not_rotated(Checker& checker) {
  if (!needs_credentials(checker)) return;
  const auto now = checker.needs_now();
  if (!now) return;
  const int64_t max_age = checker.threshold("access-key-max-age-days");
  for_each_user(checker.account(), [&](const CredentialReport& report, const CredentialRow& row) {
    for (std::string_view slot : kKeySlots) {
      const Cell* rotated = report.cell(row, column(slot, "last_rotated"));
      if (!is_true(report.cell(row, column(slot, "active"))) || rotated == nullptr) continue;
      const auto since = parse_timestamp(rotated->text);
      if (!since || days_between(*since, *now) <= max_age) continue;
      checker.report(report.file, rotated->range,
                     fmt::format("IAM user '{}' has an active {} created on {}, {} before the "
                                 "report (more than {}): rotate it, or replace it with a role",
                                 user_name(report, row), slot, format_date(*since),
                                 days(days_between(*since, *now)), days(max_age)));
    }
  });
}

void check_unused_credential(Checker& checker) {
  if (!needs_credentials(checker)) return;
  const auto now = checker.needs_now();
  if (!now) return;
  const int64_t unused_days = checker.threshold("credential-unused-days");
  // A credential never used is measured from when it was created.
  const auto idle = [&](const Cell* used, const Cell* created) -> std::optional<int64_t> {
    std::optional<Timestamp> since = used ? parse_timestamp(used->text) : std::nullopt;
    if (!since && created) since = parse_timestamp(created->text);
    if (!since) return std::nullopt;
    const int64_t count = days_between(*since, *now);
    return count >= unused_days ? std::optional(count) : std::nullopt;
  };
  for_each_user(checker.account(), [&](const CredentialReport& report, const CredentialRow& row) {
    const std::string_view user = user_name(report, row);
    const Cell* password_used = report.cell(row, "password_last_used");
    if (is_true(report.cell(row, "password_enabled")) && password_used != nullptr) {
      const Cell* set = report.cell(row, "password_last_changed");
      if (auto count = idle(password_used, set)) {
        const bool never = !parse_timestamp(password_used->text);
        checker.report(
            report.file, password_used->range,
            fmt::format("IAM user '{}' {} ({} or more is unused): remove the password", user,
                        never
                            ? fmt::format("never used the console password set {} "
                                          "before the report",
                                          days(*count))
                            : fmt::format("has not used the console password for {}", days(*count)),
                        days(unused_days)));
      }
    }
    for (std::string_view slot : kKeySlots) {
      const Cell* used = report.cell(row, column(slot, "last_used_date"));
      if (!is_true(report.cell(row, column(slot, "active"))) || used == nullptr) continue;
      if (auto count = idle(used, report.cell(row, column(slot, "last_rotated")))) {
        const bool never = !parse_timestamp(used->text);
        checker.report(report.file, used->range,
                       fmt::format("IAM user '{}' {} ({} or more is unused): deactivate it", user,
                                   never ? fmt::format("never used the active {} created {} "
                                                       "before the report",
                                                       slot, days(*count))
                                         : fmt::format("has not used the active {} for {}", slot,
                                                       days(*count)),
                                   days(unused_days)));
      }
    }
  });
}

void check_two_active_access_keys(Checker& checker) {
  if (!needs_credentials(checker)) return;
  for_each_user(checker.account(), [&](const CredentialReport& report, const CredentialRow& row) {
    const Cell* second = report.cell(row, "access_key_2_active");
    if (!is_true(report.cell(row, "access_key_1_active")) || !is_true(second)) return;
    checker.report(report.file, second->range,
                   fmt::format("IAM user '{}' has two active access keys: finish the rotation "
                               "and deactivate the one no longer used",
                               user_name(report, row)));
  });
}

}  // namespace iamlint::audit
