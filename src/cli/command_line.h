// The command line as data: its commands and options, each with its help. One source for
// `--help`, the man page iamlint(1) and the shell completions, so that they cannot disagree.
#pragma once

#include <span>
#include <string_view>

namespace iamlint::cli {

// What an option's value is, for completions (a file, a rule id, one of fixed choices...).
enum class ValueKind { kNone, kText, kNumber, kFile, kChoice, kRules };

struct OptionSpec {
  std::string_view name;   // the long name, without its dashes: "format"
  char short_name = 0;     // 'f', or 0 when the option has no short form
  std::string_view value;  // the value's placeholder in help, "FORMAT"; empty for a flag
  std::string_view help;   // one paragraph
  ValueKind kind = ValueKind::kNone;
  std::span<const std::string_view> choices = {};  // for ValueKind::kChoice
  std::string_view default_value = {};
  bool repeatable = false;  // may be given several times (and comma-separated)
};

struct CommandSpec {
  std::string_view name;     // "rules"; empty for linting, the default command
  std::string_view usage;    // "iamlint rules [--format F] [--select RULES]"
  std::string_view summary;  // what it does, in a line
};

[[nodiscard]] std::span<const CommandSpec> commands();
[[nodiscard]] std::span<const OptionSpec> options();
[[nodiscard]] const OptionSpec* find_option(std::string_view name);
[[nodiscard]] const OptionSpec* find_short_option(char name);

// What iamlint is, in one line: the start of --help and the man page's NAME.
[[nodiscard]] std::string_view tagline();

// The paragraph under the usage lines: exit status, broken into lines for --help.
[[nodiscard]] std::string_view exit_status_help();

// The known option closest to a misspelt one ("formt" -> "format"), or empty.
[[nodiscard]] std::string_view closest_option(std::string_view misspelt);

}  // namespace iamlint::cli
