// The command line: cxxopts -> app::Options -> app::run. The program's only try/catch lives
// here, because cxxopts reports usage errors by throwing.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <cxxopts.hpp>

#include "app/app.h"
#include "catalog/catalog.h"

namespace {

using iamlint::app::Command;
using iamlint::app::Options;
using iamlint::app::OutputFormat;

// One line of the help text per source line.
// clang-format off
constexpr std::string_view kDescription =
    "Offline linter for AWS IAM policies: identity, boundary, resource, trust, SCP and RCP.\n"
    "\n"
    "  iamlint [options] PATH...     lint files, directories (*.json, recursively) or - (stdin)\n"
    "  iamlint rules [--format F]    list the rules (text, json or markdown)\n"
    "  iamlint explain ID            print a rule's documentation (ID, name or Access Analyzer code)\n"
    "  iamlint expand PATTERN...     list the actions an Action pattern grants (e.g. 's3:Put*')\n"
    "  iamlint expand --policy FILE  list each statement's effective actions\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-level, 1 findings, 2 usage error,\n"
    "unreadable path or internal error. Invalid JSON is a finding (IAM001), not status 2.\n";
// clang-format on

struct UsageError {
  std::string message;
};

template <class T>
T parse_choice(std::string_view flag, const std::string& value,
               std::initializer_list<std::pair<std::string_view, T>> choices) {
  std::string names;
  for (const auto& [name, choice] : choices) {
    if (value == name) return choice;
    names += names.empty() ? "" : ", ";
    names += name;
  }
  throw UsageError{fmt::format("--{} must be one of {}; got '{}'", flag, names, value)};
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      if (comma > start) items.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return items;
}

// NO_COLOR (https://no-color.org) set to anything non-empty turns colour off.
bool use_color(bool no_color_flag, const Options& options) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color_flag || (no_color != nullptr && *no_color != '\0') || options.output) return false;
  return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
}

cxxopts::Options make_parser() {
  cxxopts::Options parser("iamlint", std::string(kDescription));
  parser.custom_help("[options]");
  parser.positional_help("PATH...");
  // One option per entry, as --help shows them; clang-format would fold the chain.
  // clang-format off
  parser.add_options()
      ("f,format",
       "Output format: text, sarif, json or github (workflow annotations); rules: text, json or "
       "markdown",
       cxxopts::value<std::string>()->default_value("text"), "FORMAT")
      ("o,output", "Write the report to FILE instead of standard output",
       cxxopts::value<std::string>(), "FILE")
      ("t,policy-type",
       "auto, identity, boundary (a permissions boundary), resource, trust, scp or rcp. auto: "
       "Principal present -> resource, or trust when every Action is sts:* and no Resource is "
       "given; otherwise identity",
       cxxopts::value<std::string>()->default_value("auto"), "TYPE")
      ("resource-type",
       "The resource a resource policy is attached to, for the checks Access Analyzer runs with "
       "it: AWS::S3::Bucket, AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint, "
       "AWS::S3ObjectLambda::AccessPoint, AWS::IAM::AssumeRolePolicyDocument (a role trust "
       "policy) or AWS::DynamoDB::Table",
       cxxopts::value<std::string>(), "TYPE")
      ("scp-syntax",
       "The SCP language to check SCPs against: 2025 (the full IAM policy language, which SCPs "
       "accept since September 2025) or legacy (Condition and NotAction only in Deny, Allow only "
       "on \"*\", no NotResource, action wildcards only at the end)",
       cxxopts::value<std::string>()->default_value("2025"), "SYNTAX")
      ("fail-level", "Exit 1 on findings at or above: error, warning, note or none",
       cxxopts::value<std::string>()->default_value("warning"), "LEVEL")
      ("select",
       "Enable only these rules (ids, names, id prefixes such as IAM2, or ALL); repeatable, "
       "comma-separated",
       cxxopts::value<std::vector<std::string>>(), "RULES")
      ("ignore", "Disable these rules (same forms as --select)",
       cxxopts::value<std::vector<std::string>>(), "RULES")
      ("baseline",
       "Leave out the findings an earlier SARIF report of iamlint (run on the same paths) already "
       "holds, to fail only on new ones",
       cxxopts::value<std::string>(), "FILE")
      ("skip-non-policy",
       "Leave alone JSON files that are not policies, for hooks that pass every *.json: no "
       "top-level \"Statement\" (package.json), invalid JSON that does not mention \"Statement\" "
       "(tsconfig.json with comments), files over 4 MiB; a broken policy is still reported")
      ("j,jobs", "Files linted in parallel (default: one per core)", cxxopts::value<unsigned>(), "N")
      ("stdin-filename", "Name shown for standard input",
       cxxopts::value<std::string>()->default_value("<stdin>"), "NAME")
      ("policy", "With expand: the policy whose statements to expand",
       cxxopts::value<std::string>(), "FILE")
      ("no-color", "Never colour the text output (NO_COLOR does the same)")
      ("version", "Print the version and exit")
      ("h,help", "Print this help and exit")
      ("args", "", cxxopts::value<std::vector<std::string>>());
  // clang-format on
  parser.parse_positional({"args"});
  return parser;
}

// --resource-type names a resource policy's resource (or, for AWS::IAM::AssumeRolePolicyDocument,
// a role trust policy), so it must agree with --policy-type when both are given.
iamlint::ast::AttachedResource attached_resource(const cxxopts::ParseResult& parsed,
                                                 std::optional<iamlint::ast::PolicyKind> kind) {
  using iamlint::ast::AttachedResource;
  using iamlint::ast::PolicyKind;
  std::string name = parsed["resource-type"].as<std::string>();
  std::optional<AttachedResource> resource = iamlint::ast::parse_attached_resource(name);
  if (!resource) {
    throw UsageError{fmt::format("--resource-type must be one of {}; got '{}'",
                                 iamlint::ast::attached_resource_names(), name)};
  }
  PolicyKind implied = *resource == AttachedResource::kIamAssumeRolePolicyDocument
                           ? PolicyKind::kTrust
                           : PolicyKind::kResource;
  if (kind && *kind != implied) {
    throw UsageError{fmt::format("--resource-type {} goes with --policy-type {}, not {}", name,
                                 iamlint::ast::policy_kind_name(implied),
                                 iamlint::ast::policy_kind_name(*kind))};
  }
  return *resource;
}

Options to_options(const cxxopts::ParseResult& parsed) {
  Options options;
  std::vector<std::string> args;
  if (parsed.count("args")) args = parsed["args"].as<std::vector<std::string>>();
  if (!args.empty() && args[0] == "rules") {
    options.command = Command::kRules;
    if (args.size() > 1) throw UsageError{"'iamlint rules' takes no PATH"};
  } else if (!args.empty() && args[0] == "explain") {
    options.command = Command::kExplain;
    if (args.size() != 2)
      throw UsageError{"usage: iamlint explain ID (e.g. iamlint explain IAM201)"};
    options.explain_rule = args[1];
  } else if (!args.empty() && args[0] == "expand") {
    options.command = Command::kExpand;
    options.patterns.assign(args.begin() + 1, args.end());
    if (parsed.count("policy")) options.expand_policy = parsed["policy"].as<std::string>();
  } else {
    options.paths = args;
  }
  if (parsed.count("policy") && options.command != Command::kExpand) {
    throw UsageError{"--policy goes with 'iamlint expand'"};
  }
  options.format = parse_choice<OutputFormat>("format", parsed["format"].as<std::string>(),
                                              {{"text", OutputFormat::kText},
                                               {"sarif", OutputFormat::kSarif},
                                               {"json", OutputFormat::kJson},
                                               {"github", OutputFormat::kGithub},
                                               {"markdown", OutputFormat::kMarkdown}});
  if (parsed.count("output")) options.output = parsed["output"].as<std::string>();
  using Kind = iamlint::ast::PolicyKind;
  options.policy_kind =
      parse_choice<std::optional<Kind>>("policy-type", parsed["policy-type"].as<std::string>(),
                                        {{"auto", std::nullopt},
                                         {"identity", Kind::kIdentity},
                                         {"boundary", Kind::kBoundary},
                                         {"resource", Kind::kResource},
                                         {"trust", Kind::kTrust},
                                         {"scp", Kind::kScp},
                                         {"rcp", Kind::kRcp}});
  if (parsed.count("resource-type"))
    options.attached_to = attached_resource(parsed, options.policy_kind);
  if (options.attached_to) {
    options.policy_kind =
        *options.attached_to == iamlint::ast::AttachedResource::kIamAssumeRolePolicyDocument
            ? Kind::kTrust
            : Kind::kResource;
  }
  std::string scp_syntax = parsed["scp-syntax"].as<std::string>();
  if (auto syntax = iamlint::ast::parse_scp_syntax(scp_syntax)) {
    options.scp_syntax = *syntax;
  } else {
    throw UsageError{fmt::format("--scp-syntax must be one of 2025, legacy; got '{}'", scp_syntax)};
  }
  using Level = iamlint::engine::Level;
  options.fail_level =
      parse_choice<std::optional<Level>>("fail-level", parsed["fail-level"].as<std::string>(),
                                         {{"error", Level::kError},
                                          {"warning", Level::kWarning},
                                          {"note", Level::kNote},
                                          {"none", std::nullopt}});
  if (parsed.count("select"))
    options.select = split_list(parsed["select"].as<std::vector<std::string>>());
  if (parsed.count("ignore"))
    options.ignore = split_list(parsed["ignore"].as<std::vector<std::string>>());
  options.skip_non_policy = parsed.count("skip-non-policy") > 0;
  if (parsed.count("baseline")) options.baseline = parsed["baseline"].as<std::string>();
  if (parsed.count("jobs")) options.jobs = parsed["jobs"].as<unsigned>();
  options.stdin_filename = parsed["stdin-filename"].as<std::string>();
  options.color = use_color(parsed.count("no-color") > 0, options);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    cxxopts::Options parser = make_parser();
    cxxopts::ParseResult parsed = parser.parse(argc, argv);
    if (parsed.count("help")) {
      std::cout << parser.help() << '\n';
      return iamlint::app::kExitClean;
    }
    if (parsed.count("version")) {
      std::cout << fmt::format("iamlint {} (AWS catalogue {} of {})\n", iamlint::app::version(),
                               iamlint::catalog::snapshot_version(),
                               iamlint::catalog::snapshot_date());
      return iamlint::app::kExitClean;
    }
    Options options = to_options(parsed);
    return iamlint::app::run(options, std::cout, std::cerr);
  } catch (const UsageError& error) {
    std::cerr << "iamlint: error: " << error.message << '\n';
  } catch (const cxxopts::exceptions::exception& error) {
    std::cerr << "iamlint: error: " << error.what() << " (see 'iamlint --help')\n";
  } catch (const std::exception& error) {
    std::cerr << "iamlint: internal error: " << error.what() << '\n';
  }
  return iamlint::app::kExitError;
}
