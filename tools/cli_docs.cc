// Writes iamlint's man page and its bash, zsh and fish completions from the command line as data
// (src/cli/command_line.h) and the rule registry, so that they cannot disagree with --help.
//
//   cli_docs OUTDIR   writes OUTDIR/iamlint.1, OUTDIR/iamlint (bash), OUTDIR/_iamlint (zsh) and
//                     OUTDIR/iamlint.fish
//
// Meson runs it at build time and installs what it writes (tools/meson.build).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "app/app.h"
#include "cli/command_line.h"
#include "engine/registry.h"

namespace {

using iamlint::cli::CommandSpec;
using iamlint::cli::OptionSpec;
using iamlint::cli::ValueKind;

constexpr std::string_view kGenerated = "generated from iamlint's command line; do not edit";

std::string joined(const std::vector<std::string>& words, std::string_view separator = " ") {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const iamlint::engine::Rule* rule : iamlint::engine::all_rules())
    ids.emplace_back(rule->info().id);
  return ids;
}

std::vector<std::string> subcommands() {
  std::vector<std::string> names;
  for (const CommandSpec& command : iamlint::cli::commands()) {
    if (!command.name.empty() && (names.empty() || names.back() != command.name))
      names.emplace_back(command.name);
  }
  return names;
}

std::vector<std::string> choices(const OptionSpec& option) {
  return {option.choices.begin(), option.choices.end()};
}

// The help text up to its first clause break, for completion menus that show one line.
std::string_view first_clause(std::string_view help) {
  return help.substr(0, std::min(help.size(), help.find_first_of(";:(")));
}

// --- man page (roff) -------------------------------------------------------------------------

std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  // A line starting with a dot or a quote would be read as a request.
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string man_page() {
  std::string out = fmt::format(
      ".\\\" iamlint(1), {}\n.TH IAMLINT 1 \"\" \"iamlint {}\" \"User Commands\"\n"
      ".SH NAME\niamlint \\- {}\n.SH SYNOPSIS\n",
      kGenerated, iamlint::app::version(), roff(iamlint::cli::tagline()));
  for (const CommandSpec& command : iamlint::cli::commands())
    out += fmt::format(".B {}\n.br\n", roff(command.usage));
  out += ".SH DESCRIPTION\n";
  out += roff(iamlint::cli::tagline()) + "\n";
  out +=
      "It reads policy JSON, checks it against the IAM policy grammar, the AWS action catalogue "
      "and least\\-privilege rules, and reports findings as text, SARIF 2.1.0, JSON, GitHub "
      "annotations or a GitLab Code Quality report. It needs no network and no credentials.\n";
  out += ".SH COMMANDS\n";
  for (const CommandSpec& command : iamlint::cli::commands())
    out += fmt::format(".TP\n.B {}\n{}\n", roff(command.usage), roff(command.summary));
  out += ".SH OPTIONS\n";
  for (const OptionSpec& option : iamlint::cli::options()) {
    std::string names = option.short_name != 0 ? fmt::format("\\fB\\-{}\\fR, \\fB\\-\\-{}\\fR",
                                                             option.short_name, roff(option.name))
                                               : fmt::format("\\fB\\-\\-{}\\fR", roff(option.name));
    if (!option.value.empty()) names += fmt::format(" \\fI{}\\fR", roff(option.value));
    std::string help = roff(option.help);
    if (!option.default_value.empty())
      help += fmt::format(" (default: {})", roff(option.default_value));
    out += fmt::format(".TP\n{}\n{}\n", names, help);
  }
  out += ".SH EXIT STATUS\n";
  std::string status(iamlint::cli::exit_status_help());
  for (char& c : status) c = c == '\n' ? ' ' : c;
  out += roff(status) + "\n";
  out +=
      ".SH FILES\n.TP\n.I .iamlint.yaml\n"
      "The configuration, found from each linted file's directory upward to the repository "
      "root; \\fBiamlint config \\-\\-show\\fR prints the settings in effect and \\fBiamlint "
      "config \\-\\-schema\\fR its JSON Schema.\n";
  out +=
      ".SH SEE ALSO\n\\fBiamlint rules\\fR lists the rules and \\fBiamlint explain\\fR "
      "\\fIID\\fR documents one. https://github.com/iamlint/iamlint\n";
  return out;
}

// --- bash ----------------------------------------------------------------------------------------

std::string bash_completion() {
  std::vector<std::string> flags, file_options, rule_options, free_options;
  std::string choice_cases;
  for (const OptionSpec& option : iamlint::cli::options()) {
    std::string names = fmt::format("--{}", option.name);
    if (option.short_name != 0) names += fmt::format("|-{}", option.short_name);
    flags.push_back(fmt::format("--{}", option.name));
    if (option.short_name != 0) flags.push_back(fmt::format("-{}", option.short_name));
    switch (option.kind) {
      case ValueKind::kNone:
        break;
      case ValueKind::kFile:
        file_options.push_back(names);
        break;
      case ValueKind::kRules:
        rule_options.push_back(names);
        break;
      case ValueKind::kChoice:
        choice_cases +=
            fmt::format("    {}) COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return ;;\n", names,
                        joined(choices(option)));
        break;
      case ValueKind::kText:
      case ValueKind::kNumber:
        free_options.push_back(names);
        break;
    }
  }
  return fmt::format(
      "# bash completion for iamlint ({})\n"
      "_iamlint() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  local rules='{} ALL'\n"
      "  case $prev in\n"
      "{}"
      "    {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
      "    {}) COMPREPLY=($(compgen -W \"$rules\" -- \"$cur\")); return ;;\n"
      "    {}) return ;;\n"
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
      "  elif ((COMP_CWORD == 1)); then\n"
      "    COMPREPLY=($(compgen -W '{}' -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
      "  elif [[ ${{COMP_WORDS[1]}} == explain ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$rules\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "}}\n"
      "complete -o filenames -o bashdefault -F _iamlint iamlint\n",
      kGenerated, joined(rule_ids()), choice_cases, joined(file_options, "|"),
      joined(rule_options, "|"), joined(free_options, "|"), joined(flags), joined(subcommands()));
}

// --- zsh -----------------------------------------------------------------------------------------

// Text inside a single-quoted _arguments spec: brackets and colons are escaped for _arguments,
// quotes for the shell.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    if (c == '\'') {
      out += "'\\''";
      continue;
    }
    out += c;
  }
  return out;
}

std::string zsh_completion() {
  std::string specs;
  for (const OptionSpec& option : iamlint::cli::options()) {
    const std::string help = zsh_text(first_clause(option.help));
    std::string action;
    switch (option.kind) {
      case ValueKind::kNone:
        break;
      case ValueKind::kFile:
        action = fmt::format(":{}:_files", option.value);
        break;
      case ValueKind::kRules:
        action = fmt::format(":{}:($rules)", option.value);
        break;
      case ValueKind::kChoice:
        action = fmt::format(":{}:({})", option.value, zsh_text(joined(choices(option))));
        break;
      case ValueKind::kText:
      case ValueKind::kNumber:
        action = fmt::format(":{}: ", option.value);
        break;
    }
    const std::string_view repeat = option.repeatable ? "*" : "";
    const std::string_view takes = option.value.empty() ? "" : "=";
    if (option.short_name != 0) {
      specs +=
          fmt::format("    '{}(-{} --{})'{{-{},--{}{}}}'[{}]{}' \\\n", repeat, option.short_name,
                      option.name, option.short_name, option.name, takes, help, action);
    } else {
      specs += fmt::format("    '{}--{}{}[{}]{}' \\\n", repeat, option.name, takes, help, action);
    }
  }
  std::string commands;
  for (const CommandSpec& command : iamlint::cli::commands()) {
    if (command.name.empty() ||
        commands.find(fmt::format("'{}:", command.name)) != std::string::npos)
      continue;
    commands += fmt::format(" '{}:{}'", command.name, zsh_text(first_clause(command.summary)));
  }
  return fmt::format(
      "#compdef iamlint\n"
      "# zsh completion for iamlint ({})\n"
      "local -a rules=({} ALL)\n"
      "local -a commands=({})\n"
      "local curcontext=$curcontext state line\n"
      "_arguments -s -S \\\n"
      "{}"
      "    '*:: :->args'\n"
      "if [[ $state == args ]]; then\n"
      "  if [[ $line[1] == explain ]] && (( CURRENT > 1 )); then\n"
      "    _describe 'rule' rules\n"
      "  else\n"
      "    (( CURRENT == 1 )) && _describe 'command' commands\n"
      "    _files\n"
      "  fi\n"
      "fi\n",
      kGenerated, joined(rule_ids()), commands, specs);
}

// --- fish ----------------------------------------------------------------------------------------

std::string fish_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string fish_completion() {
  std::string out = fmt::format("# fish completion for iamlint ({})\n", kGenerated);
  const std::string rules = joined(rule_ids()) + " ALL";
  std::string seen;
  for (const CommandSpec& command : iamlint::cli::commands()) {
    if (command.name.empty() || seen.find(fmt::format(" {} ", command.name)) != std::string::npos)
      continue;
    seen += fmt::format(" {} ", command.name);
    out += fmt::format("complete -c iamlint -n __fish_use_subcommand -a {} -d '{}'\n", command.name,
                       fish_text(first_clause(command.summary)));
  }
  out += fmt::format("complete -c iamlint -n '__fish_seen_subcommand_from explain' -x -a '{}'\n",
                     rules);
  for (const OptionSpec& option : iamlint::cli::options()) {
    std::string line = fmt::format("complete -c iamlint -l {}", option.name);
    if (option.short_name != 0) line += fmt::format(" -s {}", option.short_name);
    switch (option.kind) {
      case ValueKind::kNone:
        break;
      case ValueKind::kFile:
        line += " -r -F";
        break;
      case ValueKind::kRules:
        line += fmt::format(" -x -a '{}'", rules);
        break;
      case ValueKind::kChoice:
        line += fmt::format(" -x -a '{}'", fish_text(joined(choices(option))));
        break;
      case ValueKind::kText:
      case ValueKind::kNumber:
        line += " -x";
        break;
    }
    out += line + fmt::format(" -d '{}'\n", fish_text(first_clause(option.help)));
  }
  return out;
}

bool write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::fprintf(stderr, "cli_docs: cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cli_docs OUTDIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const bool ok =
      write(dir / "iamlint.1", man_page()) && write(dir / "iamlint", bash_completion()) &&
      write(dir / "_iamlint", zsh_completion()) && write(dir / "iamlint.fish", fish_completion());
  return ok ? 0 : 1;
}
