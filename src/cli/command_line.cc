#include "cli/command_line.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ast/policy.h"
#include "catalog/suggest.h"

namespace iamlint::cli {
namespace {

constexpr std::string_view kFormats[] = {"text", "sarif", "json", "github", "gitlab", "markdown"};
constexpr std::string_view kPolicyTypes[] = {"auto",  "identity", "boundary", "resource",
                                             "trust", "scp",      "rcp"};
constexpr std::string_view kScpSyntaxes[] = {"2025", "legacy"};
constexpr std::string_view kFailLevels[] = {"error", "warning", "note", "none"};
// "auto" and the document kinds of src/input/kinds/ (a unit test keeps the two lists equal).
constexpr std::string_view kInputFormats[] = {
    "auto",           "account-settings", "authorization-details", "aws-cli",
    "cloudformation", "policy",           "terraform-plan"};

constexpr CommandSpec kCommands[] = {
    {"", "iamlint [options] PATH...",
     "lint files, directories (recursively: *.json, *.yaml, *.yml, *.template) or - (standard "
     "input)"},
    {"rules", "iamlint rules [--format F]",
     "list the rules (text, json or markdown; --select filters)"},
    {"explain", "iamlint explain ID...",
     "print rules' documentation (id, name or Access Analyzer code)"},
    {"expand", "iamlint expand PATTERN...",
     "list the actions an Action pattern grants (e.g. 's3:Put*')"},
    {"expand", "iamlint expand --policy FILE", "list each statement's effective actions"},
    {"config", "iamlint config --show [PATH]",
     "print the settings for PATH (default .) and where each comes from"},
    {"config", "iamlint config --schema", "print the JSON Schema of .iamlint.yaml"},
    {"guardrails", "iamlint guardrails PATH...",
     "check that an SCP/RCP set enforces the root-account baseline (--controls adds yours)"},
    {"check", "iamlint check no-new-access --base OLD NEW",
     "fail when NEW (file or directory) allows access OLD does not"},
    {"check", "iamlint check no-new-access --base-ref REV FILE...",
     "the same, against each file's version at git revision REV"},
    {"check", "iamlint check access-not-granted --action A... [--resource ARN...] FILE...",
     "fail when a file allows one of the actions (on one of the resources)"},
    {"check", "iamlint check no-public-access [--resource-type TYPE] FILE...",
     "fail when a resource policy grants access to anyone (FILE: any format lint reads)"},
    {"diff", "iamlint diff OLD NEW", "print the access a change adds and removes (text or json)"},
    {"audit", "iamlint audit PATH...",
     "check an account's exported settings (credential report, password policy, CloudTrail, "
     "Config, Organizations) against the root-account checklist"},
};

// In the order --help lists them.
constexpr OptionSpec kOptions[] = {
    {.name = "format",
     .short_name = 'f',
     .value = "FORMAT",
     .help = "Output format: text, sarif, json, github (workflow annotations) or gitlab (Code "
             "Quality report); rules: text, json or markdown",
     .kind = ValueKind::kChoice,
     .choices = kFormats,
     .default_value = "text"},
    {.name = "output",
     .short_name = 'o',
     .value = "FILE",
     .help = "Write the report to FILE instead of standard output",
     .kind = ValueKind::kFile},
    {.name = "policy-type",
     .short_name = 't',
     .value = "TYPE",
     .help = "auto, identity, boundary (a permissions boundary), resource, trust, scp or rcp. "
             "auto: Principal present -> resource, or trust when every Action is sts:* and no "
             "Resource is given; otherwise identity",
     .kind = ValueKind::kChoice,
     .choices = kPolicyTypes,
     .default_value = "auto"},
    {.name = "resource-type",
     .value = "TYPE",
     .help =
         "The resource a resource policy is attached to: AWS::S3::Bucket, "
         "AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint, "
         "AWS::S3ObjectLambda::AccessPoint, AWS::IAM::AssumeRolePolicyDocument (a role trust "
         "policy) and AWS::DynamoDB::Table get the checks Access Analyzer runs with them; the "
         "other types CheckNoPublicAccess accepts (AWS::DynamoDB::Stream, AWS::EFS::FileSystem, "
         "AWS::KMS::Key, AWS::SQS::Queue, AWS::SNS::Topic, AWS::Lambda::Function, ...; see "
         "README) make the file a resource policy; AWS::EC2::VPCEndpoint makes it an endpoint "
         "policy, which only limits what other policies grant, so rules that judge grants skip it",
     .kind = ValueKind::kChoice,
     .choices = ast::kAttachedResourceNames},
    {.name = "scp-syntax",
     .value = "SYNTAX",
     .help = "The SCP language to check SCPs against: 2025 (the full IAM policy language, which "
             "SCPs accept since September 2025) or legacy (Condition and NotAction only in Deny, "
             "Allow only on \"*\", no NotResource, action wildcards only at the end)",
     .kind = ValueKind::kChoice,
     .choices = kScpSyntaxes,
     .default_value = "2025"},
    {.name = "trusted-accounts",
     .value = "ACCOUNTS",
     .help = "12-digit IDs of the AWS accounts you trust (your own, your partners'): a resource or "
             "trust policy may grant to them without a narrowing condition. Without it, a "
             "resource policy's own account (named in its Resource ARNs, or, in a KMS key "
             "policy, the one whose principals may call kms:PutKeyPolicy) is the one trusted "
             "account; repeatable, comma-separated",
     .kind = ValueKind::kText,
     .repeatable = true},
    {.name = "org-id",
     .value = "ID",
     .help = "The ID of your AWS Organizations organization (o-xxxxxxxxxx); like "
             "--trusted-accounts, it turns on cross-account-trust (IAM215); repeatable",
     .kind = ValueKind::kText,
     .repeatable = true},
    {.name = "fail-level",
     .value = "LEVEL",
     .help = "Exit 1 on findings at or above: error, warning, note or none",
     .kind = ValueKind::kChoice,
     .choices = kFailLevels,
     .default_value = "warning"},
    {.name = "select",
     .value = "RULES",
     .help = "Enable only these rules (ids, names, id prefixes such as IAM2, or ALL); "
             "repeatable, comma-separated",
     .kind = ValueKind::kRules,
     .repeatable = true},
    {.name = "ignore",
     .value = "RULES",
     .help = "Disable these rules (same forms as --select)",
     .kind = ValueKind::kRules,
     .repeatable = true},
    {.name = "baseline",
     .value = "FILE",
     .help = "Leave out the findings an earlier SARIF report of iamlint already holds, to fail "
             "only on new ones",
     .kind = ValueKind::kFile},
    {.name = "input-format",
     .value = "FORMAT",
     .help = "Where the policies are: auto (found by content), policy (a bare policy document), "
             "cloudformation (a CloudFormation or SAM template, JSON or YAML), terraform-plan "
             "(terraform show -json), authorization-details (aws iam "
             "get-account-authorization-details), aws-cli (the output of an AWS CLI command "
             "that returns one policy) or account-settings (the exports 'iamlint audit' reads; "
             "they hold no policy)",
     .kind = ValueKind::kChoice,
     .choices = kInputFormats,
     .default_value = "auto"},
    {.name = "include-aws-managed",
     .help = "With authorization details: also lint the AWS managed policies (left out by "
             "default: AWS maintains them)"},
    {.name = "skip-non-policy",
     .help = "Leave alone files that hold no policy, for hooks that pass every *.json and *.yaml: "
             "package.json, a template without policies, invalid JSON or YAML that mentions no "
             "Statement (tsconfig.json with comments), files over 4 MiB; a broken policy, or a "
             "template that holds one, is still reported"},
    {.name = "config",
     .value = "FILE",
     .help = "Use this configuration file instead of the .iamlint.yaml found from each file's "
             "directory upward to the repository root",
     .kind = ValueKind::kFile},
    {.name = "no-config", .help = "Use no configuration file"},
    {.name = "show", .help = "With config: print the settings for PATH and their sources"},
    {.name = "schema", .help = "With config: print the JSON Schema of the configuration file"},
    {.name = "allow-empty",
     .help = "A directory PATH that holds no file to lint is not an error (by default it is, so "
             "that a mistyped path in CI does not pass)"},
    {.name = "jobs",
     .short_name = 'j',
     .value = "N",
     .help = "Files linted in parallel, 1 to 1024 (default: one per core)",
     .kind = ValueKind::kNumber},
    {.name = "stdin-filename",
     .value = "NAME",
     .help = "Name shown for standard input",
     .kind = ValueKind::kText,
     .default_value = "<stdin>"},
    {.name = "policy",
     .value = "FILE",
     .help = "With expand: the policy whose statements to expand",
     .kind = ValueKind::kFile},
    {.name = "controls",
     .value = "FILE",
     .help = "With guardrails: more controls, or baseline ones switched off with a reason, in "
             "the baseline's JSON format (README.md, Guardrails); repeatable",
     .kind = ValueKind::kFile,
     .repeatable = true},
    {.name = "now",
     .value = "TIME",
     .help = "With audit: the time to measure ages from (a date such as 2026-12-04, or an ISO "
             "8601 time); by default the credential report's GeneratedTime, never the clock",
     .kind = ValueKind::kText},
    {.name = "threshold",
     .value = "NAME=VALUE",
     .help = "With audit: change a control's threshold, e.g. access-key-max-age-days=60, "
             "credential-unused-days, root-unused-days, password-min-length, "
             "password-reuse-prevention, password-max-age-days (0: no expiry, as NIST advises); "
             "repeatable, comma-separated",
     .kind = ValueKind::kText,
     .repeatable = true},
    {.name = "fix",
     .help = "Apply the safe fixes of findings in place (the policy means the same afterwards, "
             "or AWS rejects it as written) and report the findings left; the file is replaced "
             "atomically, and not at all if it changed meanwhile"},
    {.name = "diff",
     .help = "Print the fixes as a unified diff instead of applying them; exit 1 if there is "
             "one"},
    {.name = "unsafe-fixes",
     .help = "Also offer and apply the fixes that change what a policy grants (the action a "
             "misspelt one means, an ARN that matched nothing)"},
    {.name = "base",
     .value = "OLD",
     .help = "With check no-new-access: the base version, a file or a directory whose files are "
             "matched to NEW's by relative path; within a file (a template, a plan) each policy "
             "is paired with the one at the same logical location and container",
     .kind = ValueKind::kFile},
    {.name = "base-ref",
     .value = "REV",
     .help = "With check no-new-access: compare each FILE with its version at git revision REV "
             "(a file or policy that did not exist there grants only new access)",
     .kind = ValueKind::kText},
    {.name = "action",
     .value = "ACTION",
     .help = "With check access-not-granted: an action or action pattern that must not be "
             "allowed ('iam:Put*'); repeatable",
     .kind = ValueKind::kText,
     .repeatable = true},
    {.name = "resource",
     .value = "ARN",
     .help = "With check access-not-granted: only on this resource; repeatable",
     .kind = ValueKind::kText,
     .repeatable = true},
    {.name = "statistics",
     .help = "Print how many findings each rule has instead of the findings (text or json)"},
    {.name = "quiet",
     .short_name = 'q',
     .help = "Print the findings only: no summary or notes on standard error (errors still)"},
    {.name = "no-color", .help = "Never colour the text output (NO_COLOR does the same)"},
    {.name = "version", .help = "Print the version and exit"},
    {.name = "help", .short_name = 'h', .help = "Print this help and exit"},
};

}  // namespace

std::span<const CommandSpec> commands() {
  return kCommands;
}

std::span<const OptionSpec> options() {
  return kOptions;
}

const OptionSpec* find_option(std::string_view name) {
  for (const OptionSpec& option : kOptions) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

const OptionSpec* find_short_option(char name) {
  for (const OptionSpec& option : kOptions) {
    if (option.short_name != 0 && option.short_name == name) return &option;
  }
  return nullptr;
}

std::string_view tagline() {
  return "Offline linter for AWS IAM policies: identity, boundary, resource, trust, SCP and RCP.";
}

std::string_view exit_status_help() {
  return "Exit status: 0 no finding at or above --fail-level, 1 findings, 2 usage error,\n"
         "unreadable path or internal error. Invalid JSON or YAML is a finding (IAM001), not\n"
         "status 2.\n"
         "check: 0 the check passes, 1 it fails, 2 usage error or a file that cannot be read\n"
         "or parsed (a policy that cannot be read cannot be judged).";
}

std::string_view closest_option(std::string_view misspelt) {
  std::vector<std::string_view> names;
  for (const OptionSpec& option : kOptions) names.push_back(option.name);
  std::vector<std::string> found = catalog::suggest_from(misspelt, names, 1);
  if (found.empty()) return {};
  return find_option(found[0])->name;
}

}  // namespace iamlint::cli
