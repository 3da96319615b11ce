// The command line: cxxopts -> app::Options -> app::run. The program's only try/catch lives
// here, because cxxopts reports usage errors by throwing.
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>

#include <fmt/core.h>
#include <cxxopts.hpp>

#include "app/app.h"
#include "catalog/catalog.h"
#include "cli/command_line.h"
#include "engine/trusted_parties.h"
#include "input/document_kind.h"

namespace {

using iamlint::app::Command;
using iamlint::app::Options;
using iamlint::app::OutputFormat;

struct UsageError {
  std::string message;
};

// The value of an option with fixed choices, checked against its OptionSpec; its default when it
// is not given.
std::string choice(const cxxopts::ParseResult& parsed, std::string_view name) {
  const iamlint::cli::OptionSpec& spec = *iamlint::cli::find_option(name);
  if (!parsed.count(std::string(name))) return std::string(spec.default_value);
  std::string value = parsed[std::string(name)].as<std::string>();
  std::string names;
  for (std::string_view known : spec.choices) {
    if (value == known) return value;
    names += names.empty() ? "" : ", ";
    names += known;
  }
  throw UsageError{fmt::format("--{} must be one of {}; got '{}'", name, names, value)};
}

// "IAM201, IAM204" and "--select IAM201 --select IAM204" give the same list.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string_view item = std::string_view(value).substr(start, comma - start);
      while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
        item.remove_prefix(1);
      while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
        item.remove_suffix(1);
      if (!item.empty()) items.emplace_back(item);
      start = comma + 1;
    }
  }
  return items;
}

unsigned parse_jobs(const std::string& value) {
  unsigned jobs = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), jobs);
  if (ec != std::errc() || end != value.data() + value.size() || jobs < 1 || jobs > 1024) {
    throw UsageError{fmt::format("--jobs must be a whole number from 1 to 1024; got '{}'", value)};
  }
  return jobs;
}

// NO_COLOR (https://no-color.org) set to anything non-empty turns colour off.
bool use_color(bool no_color_flag, const Options& options) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color_flag || (no_color != nullptr && *no_color != '\0') || options.output) return false;
  return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
}

// The help preamble: what iamlint is, its commands, its exit status.
std::string description() {
  std::string text = fmt::format("{}\n\n", iamlint::cli::tagline());
  std::size_t width = 0;
  for (const iamlint::cli::CommandSpec& command : iamlint::cli::commands())
    width = std::max(width, command.usage.size());
  for (const iamlint::cli::CommandSpec& command : iamlint::cli::commands())
    text += fmt::format("  {:<{}}  {}\n", command.usage, width, command.summary);
  text += fmt::format("\n{}\n", iamlint::cli::exit_status_help());
  return text;
}

// Every value is taken as text and checked by to_options, whose messages name the option.
cxxopts::Options make_parser() {
  cxxopts::Options parser("iamlint", description());
  parser.custom_help("[options]");
  parser.positional_help("PATH...");
  auto add = parser.add_options();
  for (const iamlint::cli::OptionSpec& spec : iamlint::cli::options()) {
    std::string names = spec.short_name != 0 ? fmt::format("{},{}", spec.short_name, spec.name)
                                             : std::string(spec.name);
    // Defaults are applied by to_options, so that it can tell a flag given from one left out
    // (the configuration file's value applies then).
    std::string help(spec.help);
    if (!spec.default_value.empty()) help += fmt::format(" (default: {})", spec.default_value);
    if (spec.value.empty()) {
      add(names, help);
    } else if (spec.repeatable) {
      add(names, help, cxxopts::value<std::vector<std::string>>(), std::string(spec.value));
    } else {
      add(names, help, cxxopts::value<std::string>(), std::string(spec.value));
    }
  }
  add("args", "", cxxopts::value<std::vector<std::string>>());
  parser.parse_positional({"args"});
  return parser;
}

// cxxopts names neither the option nor a likely meaning; so options are checked first.
void check_option_names(int argc, char** argv) {
  using iamlint::cli::OptionSpec;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return;
    const OptionSpec* spec = nullptr;
    bool value_attached = false;
    if (arg.starts_with("--")) {
      std::string_view name = arg.substr(2, arg.find('=') - 2);
      value_attached = arg.find('=') != std::string_view::npos;
      spec = iamlint::cli::find_option(name);
      if (spec == nullptr) {
        std::string_view closest = iamlint::cli::closest_option(name);
        throw UsageError{
            closest.empty()
                ? fmt::format("unknown option '--{}'", name)
                : fmt::format("unknown option '--{}'; did you mean '--{}'?", name, closest)};
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      spec = iamlint::cli::find_short_option(arg[1]);
      if (spec == nullptr) throw UsageError{fmt::format("unknown option '-{}'", arg[1])};
      value_attached = arg.size() > 2;
    }
    // The next argument is this option's value, even if it starts with '-' ("-j -1").
    if (spec != nullptr && !spec->value.empty() && !value_attached) ++i;
  }
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
    if (args.size() < 2)
      throw UsageError{"usage: iamlint explain ID... (e.g. iamlint explain IAM201)"};
    options.explain_rules.assign(args.begin() + 1, args.end());
  } else if (!args.empty() && args[0] == "config") {
    options.command = Command::kConfig;
    options.show_config = parsed.count("show") > 0;
    options.config_schema = parsed.count("schema") > 0;
    if (options.show_config == options.config_schema)
      throw UsageError{"usage: iamlint config --show [PATH] or iamlint config --schema"};
    if (args.size() > 2 || (options.config_schema && args.size() > 1))
      throw UsageError{"'iamlint config --show' takes at most one PATH, '--schema' none"};
    options.paths.assign(args.begin() + 1, args.end());
  } else if (!args.empty() && args[0] == "expand") {
    options.command = Command::kExpand;
    options.patterns.assign(args.begin() + 1, args.end());
    if (parsed.count("policy")) options.expand_policy = parsed["policy"].as<std::string>();
  } else if (!args.empty() && args[0] == "guardrails") {
    options.command = Command::kGuardrails;
    options.paths.assign(args.begin() + 1, args.end());
    if (parsed.count("controls"))
      options.controls_files = parsed["controls"].as<std::vector<std::string>>();
  } else if (!args.empty() && args[0] == "check") {
    options.command = Command::kCheck;
    constexpr std::pair<std::string_view, iamlint::app::Check> kChecks[] = {
        {"no-new-access", iamlint::app::Check::kNoNewAccess},
        {"access-not-granted", iamlint::app::Check::kAccessNotGranted},
        {"no-public-access", iamlint::app::Check::kNoPublicAccess}};
    const auto* check = args.size() < 2
                            ? std::end(kChecks)
                            : std::find_if(std::begin(kChecks), std::end(kChecks),
                                           [&](const auto& c) { return c.first == args[1]; });
    if (check == std::end(kChecks)) {
      throw UsageError{
          "usage: iamlint check no-new-access|access-not-granted|no-public-access "
          "... (see 'iamlint --help')"};
    }
    options.check = check->second;
    options.paths.assign(args.begin() + 2, args.end());
  } else if (!args.empty() && args[0] == "diff") {
    options.command = Command::kDiff;
    options.paths.assign(args.begin() + 1, args.end());
  } else if (!args.empty() && args[0] == "audit") {
    options.command = Command::kAudit;
    options.paths.assign(args.begin() + 1, args.end());
    if (parsed.count("now")) options.now = parsed["now"].as<std::string>();
    if (parsed.count("threshold"))
      options.thresholds = split_list(parsed["threshold"].as<std::vector<std::string>>());
  } else {
    options.paths = args;
  }
  if (parsed.count("controls") && options.command != Command::kGuardrails) {
    throw UsageError{"--controls goes with 'iamlint guardrails'"};
  }
  if (parsed.count("base")) options.base = parsed["base"].as<std::string>();
  if (parsed.count("base-ref")) options.base_ref = parsed["base-ref"].as<std::string>();
  if (parsed.count("action"))
    options.check_actions = parsed["action"].as<std::vector<std::string>>();
  if (parsed.count("resource"))
    options.check_resources = parsed["resource"].as<std::vector<std::string>>();
  const bool no_new_access =
      options.command == Command::kCheck && options.check == iamlint::app::Check::kNoNewAccess;
  const bool not_granted =
      options.command == Command::kCheck && options.check == iamlint::app::Check::kAccessNotGranted;
  if ((options.base || options.base_ref) && !no_new_access)
    throw UsageError{"--base and --base-ref go with 'iamlint check no-new-access'"};
  if ((parsed.count("action") || parsed.count("resource")) && !not_granted)
    throw UsageError{"--action and --resource go with 'iamlint check access-not-granted'"};
  if ((parsed.count("now") || parsed.count("threshold")) && options.command != Command::kAudit) {
    throw UsageError{"--now and --threshold go with 'iamlint audit'"};
  }
  if (parsed.count("policy") && options.command != Command::kExpand) {
    throw UsageError{"--policy goes with 'iamlint expand'"};
  }
  if ((parsed.count("show") || parsed.count("schema")) && options.command != Command::kConfig) {
    throw UsageError{"--show and --schema go with 'iamlint config'"};
  }
  if (parsed.count("config")) options.config_file = parsed["config"].as<std::string>();
  options.no_config = parsed.count("no-config") > 0;
  if (options.config_file && options.no_config)
    throw UsageError{"--config and --no-config exclude each other"};
  constexpr std::pair<std::string_view, OutputFormat> kFormats[] = {
      {"text", OutputFormat::kText},     {"sarif", OutputFormat::kSarif},
      {"json", OutputFormat::kJson},     {"github", OutputFormat::kGithub},
      {"gitlab", OutputFormat::kGitlab}, {"markdown", OutputFormat::kMarkdown}};
  const std::string format = choice(parsed, "format");
  for (const auto& [name, value] : kFormats) {
    if (name == format) options.format = value;
  }
  if (parsed.count("output")) options.output = parsed["output"].as<std::string>();
  options.policy_kind = iamlint::ast::parse_policy_kind(choice(parsed, "policy-type"));
  if (parsed.count("resource-type"))
    options.attached_to = attached_resource(parsed, options.policy_kind);
  if (options.attached_to) {
    using Kind = iamlint::ast::PolicyKind;
    options.policy_kind =
        *options.attached_to == iamlint::ast::AttachedResource::kIamAssumeRolePolicyDocument
            ? Kind::kTrust
            : Kind::kResource;
  }
  if (parsed.count("scp-syntax"))
    options.scp_syntax = iamlint::ast::parse_scp_syntax(choice(parsed, "scp-syntax"));
  if (parsed.count("fail-level"))
    options.fail_level = iamlint::engine::parse_level(choice(parsed, "fail-level"));
  if (parsed.count("select"))
    options.select = split_list(parsed["select"].as<std::vector<std::string>>());
  if (parsed.count("ignore"))
    options.ignore = split_list(parsed["ignore"].as<std::vector<std::string>>());
  if (parsed.count("trusted-accounts")) {
    for (std::string& account :
         split_list(parsed["trusted-accounts"].as<std::vector<std::string>>())) {
      if (!iamlint::engine::is_account_id(account)) {
        throw UsageError{fmt::format(
            "--trusted-accounts takes 12-digit AWS account IDs such as 111122223333; got '{}'",
            account)};
      }
      options.trusted.accounts.push_back(std::move(account));
    }
  }
  if (parsed.count("org-id")) {
    for (std::string& org_id : split_list(parsed["org-id"].as<std::vector<std::string>>())) {
      if (!iamlint::engine::is_org_id(org_id)) {
        throw UsageError{fmt::format(
            "--org-id takes AWS Organizations IDs such as o-a1b2c3d4e5 (\"o-\" and 10 to 32 "
            "lowercase letters or digits); got '{}'",
            org_id)};
      }
      options.trusted.org_ids.push_back(std::move(org_id));
    }
  }
  options.skip_non_policy = parsed.count("skip-non-policy") > 0;
  options.allow_empty = parsed.count("allow-empty") > 0;
  options.fix = parsed.count("fix") > 0;
  options.diff = parsed.count("diff") > 0;
  options.unsafe_fixes = parsed.count("unsafe-fixes") > 0;
  if (options.fix && options.diff) throw UsageError{"--fix and --diff exclude each other"};
  options.statistics = parsed.count("statistics") > 0;
  options.quiet = parsed.count("quiet") > 0;
  if (std::string format = choice(parsed, "input-format"); format != "auto") {
    options.input_format = iamlint::input::find_document_kind(format);
  }
  options.include_aws_managed = parsed.count("include-aws-managed") > 0;
  if (parsed.count("baseline")) options.baseline = parsed["baseline"].as<std::string>();
  if (parsed.count("jobs")) options.jobs = parse_jobs(parsed["jobs"].as<std::string>());
  if (parsed.count("stdin-filename"))
    options.stdin_filename = parsed["stdin-filename"].as<std::string>();
  options.color = use_color(parsed.count("no-color") > 0, options);
  return options;
}

int run_command_line(int argc, char** argv) {
  try {
    check_option_names(argc, argv);
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

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IAMLINT_LEAK_CHECK_AT_EXIT 1
#endif
#elif defined(__SANITIZE_ADDRESS__)
#define IAMLINT_LEAK_CHECK_AT_EXIT 1
#endif

// Ends the process once all it wrote is flushed, without destroying static and per-thread objects:
// the catalogue caches and memos hold tens of thousands of entries, and freeing them one by one
// took 3 % of the instructions of a lint of the latest managed policies, to no one's benefit.
// Sanitizer builds exit normally, so that LeakSanitizer still checks for leaks at exit.
[[noreturn]] void finish(int status) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
#ifdef IAMLINT_LEAK_CHECK_AT_EXIT
  std::exit(status);
#else
  std::_Exit(status);
#endif
}

// glibc gives each thread a memory arena of its own, up to eight per core, and an arena keeps
// the memory that the largest file linted on it took. At most as many threads run at once as
// there are cores, so more arenas only keep memory: at --jobs 8 on two cores, the peak fell from
// 80 MB to 56 on every version of the AWS managed policies (and from 130 to 67 at --jobs 16).
// Up to one thread per core, each still has an arena of its own.
void share_arenas_among_threads() {
#ifdef __GLIBC__
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
#endif
}

}  // namespace

int main(int argc, char** argv) {
  share_arenas_among_threads();  // before any thread starts
  finish(run_command_line(argc, argv));
}
