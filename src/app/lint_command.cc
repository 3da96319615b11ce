#include "app/lint_command.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include <fmt/core.h>

#include "app/app.h"
#include "app/baseline.h"
#include "app/fixes.h"
#include "app/inputs.h"
#include "app/policy_set.h"
#include "app/report_output.h"
#include "app/reporter_factory.h"
#include "app/repository.h"
#include "app/settings.h"
#include "engine/registry.h"
#include "input/reader.h"
#include "report/text_reporter.h"
#include "source/line_index.h"
#include "support/parallel.h"
#include "support/text.h"

namespace iamlint::app {
namespace {

// Findings are reported by path, and standard input under its --stdin-filename.
void sort_by_shown_path(std::vector<std::string>& files, const Options& options) {
  const auto shown = [&](const std::string& file) -> const std::string& {
    return file == "-" ? options.stdin_filename : file;
  };
  std::stable_sort(files.begin(), files.end(),
                   [&](const std::string& a, const std::string& b) { return shown(a) < shown(b); });
}

// Lints one input's text, as often as --fix needs, the way every output sees it: unsafe fixes
// only when asked for, and no finding that the baseline knows (those are neither shown nor fixed).
struct FileLinter {
  engine::LintConfig config;
  const Options& options;
  std::string repository_path;
  const std::optional<Baseline>& baseline;

  [[nodiscard]] engine::FileResult lint(source::SourceFile source) const {
    engine::FileResult result = engine::lint(std::move(source), config);
    if (!options.unsafe_fixes) {
      for (engine::Finding& finding : result.findings) {
        if (finding.fix && !finding.fix->safe) finding.fix.reset();
      }
    }
    result.repository_path = repository_path;
    if (baseline) apply_baseline(*baseline, result);
    return result;
  }
};

// --fix and --diff: fix, lint again, and repeat while fixes apply (one that overlaps another
// waits for the next round); the result describes the fixed text. Nothing is written when a
// round would break the JSON, which only a wrong fix could do.
Result<engine::FileResult> fix_file(engine::FileResult result, const FileLinter& linter) {
  constexpr int kMaxRounds = 10;
  const std::string original = result.source.text;
  std::size_t fixed = 0;
  for (int round = 0; round < kMaxRounds; ++round) {
    Applied applied = apply_fixes(result.source.text, result.findings);
    if (applied.fixes == 0) break;
    engine::FileResult next =
        linter.lint({.path = result.source.path, .text = std::move(applied.text)});
    if (next.syntax_error) {
      return make_error(ErrorCode::kInternal,
                        fmt::format("cannot fix '{}': the fixes would make it invalid JSON; not "
                                    "written (please report this as a bug)",
                                    result.source.path));
    }
    fixed += applied.fixes;
    result = std::move(next);
  }
  result.fixed = fixed;
  if (result.source.text == original) return result;
  if (linter.options.diff) {
    result.diff = unified_diff(result.source.path, original, result.source.text);
  } else if (auto written = write_in_place(result.source.path, original, result.source.text);
             !written) {
    return Unexpected(written.error());
  }
  return result;
}

// What linting a file may take at once, per byte of the file: its JSON tree and typed policies,
// then its findings and its part of the report (SARIF runs to nine times the file).
constexpr std::size_t kHeldPerInputByte = 16;
// What the files being linted and the parts waiting to be written may hold between them, at any
// --jobs: each thread keeps what the largest file took of the memory it allocates from.
constexpr std::size_t kHeldBytes = std::size_t{4} << 20;

// Reads and lints one input; runs on any thread. Standard input is never fixed.
Result<engine::FileResult> lint_input(const std::string& file, std::string repository_path,
                                      const Options& options, const FileSettings& settings,
                                      const std::optional<Baseline>& baseline,
                                      std::optional<engine::ScpSetMember> scp_set,
                                      Admission& admission) {
  auto source = file == "-" ? source::load_stdin(options.stdin_filename, input::input_size_limit())
                            : source::load_file(file, input::input_size_limit());
  if (!source) return Unexpected(source.error());
  admission.hold(source->text.size() * kHeldPerInputByte);
  engine::LintConfig config = settings.lint_config();
  config.scp_set = scp_set;
  const FileLinter linter{std::move(config), options, std::move(repository_path), baseline};
  engine::FileResult result = linter.lint(std::move(*source));
  if ((options.fix || options.diff) && file != "-" && !result.source.too_large) {
    return fix_file(std::move(result), linter);
  }
  return result;
}

// A file's result and its part of the report, rendered on the thread that linted it.
struct RenderedFile {
  Result<engine::FileResult> result;
  report::FilePart part;
};

bool fails(const report::Totals& totals, std::optional<engine::Level> fail_level) {
  // Levels are ordered from the most to the least severe.
  return fail_level && totals.most_severe && *totals.most_severe <= *fail_level;
}

// Whether a directory among the PATHs holds `directory`: then every file a configuration there
// governs was linted, and a suppression that matched nothing is truly unused.
bool linted_whole(const std::filesystem::path& directory, const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_directory(path, ec)) continue;
    const std::filesystem::path root = absolute_normal(path);
    auto [root_end, at] =
        std::mismatch(root.begin(), root.end(), directory.begin(), directory.end());
    if (root_end == root.end() || (std::next(root_end) == root.end() && root_end->empty()))
      return true;
  }
  return false;
}

// Suppressions that no longer apply: expired ones (reported when they matched a finding, which is
// reported again, or when their whole directory was linted) and unused ones (only when their
// whole directory was linted: a hook that passes a few files cannot tell).
std::vector<std::string> stale_suppressions(const Settings& settings,
                                            const std::set<uint32_t>& matched,
                                            const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  const auto& entries = settings.suppressions();
  for (uint32_t id = 0; id < entries.size(); ++id) {
    const SuppressionEntry& entry = entries[id];
    const config::Suppression& suppression = *entry.suppression;
    const bool whole = linted_whole(entry.config->directory, paths);
    const std::string at = fmt::format("{}:{}:{}", entry.config->file.generic_string(),
                                       suppression.origin.line, suppression.origin.column);
    if (entry.expired && (matched.contains(id) || whole)) {
      const config::Date& date = *suppression.expires;
      out.push_back(fmt::format(
          "{}: warning: the suppression of {} expired on {:04}-{:02}-{:02}; what it accepted is "
          "reported again: fix it, or renew the suppression with a new reason",
          at, suppression.rule, date.year, date.month, date.day));
    } else if (!entry.expired && !matched.contains(id) && whole) {
      out.push_back(fmt::format("{}: warning: the suppression of {} matches no finding; remove it",
                                at, suppression.rule));
    }
  }
  return out;
}

// A suppression comment that is malformed (an error) or unused (a warning), as
// "path:line:column: error: message". Neither changes the exit status: a malformed comment
// suppresses nothing, so what it meant to accept is reported and fails the run by itself.
struct CommentNotice {
  std::string text;
  bool error;
};

void describe_suppression_notices(const engine::FileResult& result,
                                  std::vector<CommentNotice>& out) {
  if (result.suppression_notices.empty()) return;
  const source::LineIndex index(result.source.text);
  for (const engine::SuppressionNotice& notice : result.suppression_notices) {
    const source::Position at = index.position(notice.range.begin, source::ColumnUnit::kCodePoints);
    out.push_back({fmt::format("{}:{}:{}: {}: {}", to_terminal_text(result.source.path), at.line,
                               at.column, notice.error ? "error" : "warning", notice.message),
                   notice.error});
  }
}

}  // namespace

int lint_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format == OutputFormat::kMarkdown) {
    err << "iamlint: error: --format markdown is for 'iamlint rules'; lint output is text, sarif, "
           "json, github or gitlab\n";
    return kExitError;
  }
  if (options.statistics && options.format != OutputFormat::kText &&
      options.format != OutputFormat::kJson) {
    err << "iamlint: error: --statistics prints text or json\n";
    return kExitError;
  }
  if (options.paths.empty()) {
    err << "iamlint: error: no PATH given (use '-' for standard input; see 'iamlint --help')\n";
    return kExitError;
  }
  // Unknown rule names are an error even before any file is found; what is enabled depends on
  // each file's configuration.
  if (auto rules = engine::select_rules(options.select, options.ignore); !rules) {
    err << "iamlint: error: " << rules.error().message << '\n';
    return kExitError;
  }
  std::optional<Baseline> baseline;
  if (options.baseline) {
    auto loaded = load_baseline(*options.baseline);
    if (!loaded) {
      err << "iamlint: error: " << loaded.error().message << '\n';
      return kExitError;
    }
    baseline = std::move(*loaded);
  }
  Inputs inputs = collect_inputs(options.paths);
  // Opened before the work, so that a wrong path fails at once.
  auto output = ReportOutput::open(options, out);
  if (!output) {
    err << "iamlint: error: " << output.error().message << '\n';
    return kExitError;
  }

  std::vector<Error> errors = std::move(inputs.errors);
  // A mistyped or emptied directory in CI must not pass as clean.
  if (!options.allow_empty) {
    for (const std::string& directory : inputs.empty_directories) {
      errors.push_back(
          {ErrorCode::kUsage,
           fmt::format("'{}' holds no *.json file to lint (--allow-empty accepts that)",
                       directory)});
    }
  }
  std::vector<std::string> truncated;  // files past the per-file finding limit
  report::Totals totals;
  sort_by_shown_path(inputs.files, options);
  // Settings are resolved up front, in input order: a bad configuration stops the run before any
  // output, and the parallel part only reads them. Neighbouring files nearly always lint alike,
  // so they share one FileSettings: what is kept per file is its path, its repository path and
  // an index, whatever the number of files.
  Settings resolver(options);
  std::vector<std::string> files;
  std::vector<FileSettings> distinct_settings;
  std::vector<uint32_t> settings_of;  // per file, an index of distinct_settings
  std::vector<std::string> repository_paths;
  files.reserve(inputs.files.size());
  settings_of.reserve(inputs.files.size());
  repository_paths.reserve(inputs.files.size());
  std::size_t excluded = 0;
  for (std::string& file : inputs.files) {
    auto resolved = resolver.for_file(file);
    if (!resolved) {
      err << "iamlint: error: " << resolved.error().message << '\n';
      return kExitError;
    }
    if (resolved->excluded.value) {
      ++excluded;
      continue;
    }
    if (distinct_settings.empty() || !distinct_settings.back().lints_like(*resolved))
      distinct_settings.push_back(std::move(*resolved));
    settings_of.push_back(static_cast<uint32_t>(distinct_settings.size() - 1));
    repository_paths.push_back(
        resolver.repository_path(file == "-" ? options.stdin_filename : file));
    files.push_back(std::move(file));
  }
  inputs.files = {};  // moved into files
  totals.excluded = excluded;
  // Several SCPs named as such are also judged as one set (the SCP-set rules, IAM411 and IAM412).
  const std::unique_ptr<LintedScpSet> scp_set =
      options.policy_kind == ast::PolicyKind::kScp ? LintedScpSet::load(files) : nullptr;
  bool failed = false;
  std::set<uint32_t> matched;                  // suppressions that matched a finding
  std::vector<CommentNotice> comment_notices;  // of suppression comments, in file order
  // Each file's findings are formatted where it was linted, and written as soon as it and every
  // earlier file are linted.
  std::unique_ptr<report::Reporter> reporter = make_reporter(options, output->stream());
  reporter->begin();
  for_each_in_order(
      files.size(), thread_count(options.jobs, files.size()), kHeldBytes,
      [&](std::size_t i, Admission& admission) {
        RenderedFile rendered{lint_input(files[i], std::move(repository_paths[i]), options,
                                         distinct_settings[settings_of[i]], baseline,
                                         scp_set ? scp_set->member(i) : std::nullopt, admission)};
        if (rendered.result) {
          rendered.part = reporter->render(*rendered.result);
          admission.hold(rendered.part.text_bytes() + rendered.result->source.text.capacity());
        }
        return rendered;
      },
      [&, next = std::size_t{0}](RenderedFile rendered) mutable {
        const FileSettings& file_settings = distinct_settings[settings_of[next++]];
        Result<engine::FileResult>& linted = rendered.result;
        if (!linted) {
          errors.push_back(linted.error());
          return;
        }
        matched.insert(linted->suppressions_matched.begin(), linted->suppressions_matched.end());
        describe_suppression_notices(*linted, comment_notices);
        report::Totals file_totals;
        file_totals.add(*linted);
        failed = failed || fails(file_totals, file_settings.fail_level.value);
        totals.add(*linted);
        if (linted->omitted_findings > 0) {
          truncated.push_back(fmt::format("{}: {} more findings left out (at most {} per file)",
                                          to_terminal_text(linted->source.path),
                                          linted->omitted_findings, engine::kMaxFindingsPerFile));
        }
        reporter->write(*linted, rendered.part);
      });
  reporter->end(errors);

  if (auto written = output->finish(); !written) {
    err << "iamlint: error: " << written.error().message << '\n';
    return kExitError;
  }
  for (const Error& error : errors) err << "iamlint: error: " << error.message << '\n';
  // A suppression comment without a reason is an error even under --quiet.
  for (const CommentNotice& notice : comment_notices) {
    if (!options.quiet || notice.error) err << notice.text << '\n';
  }
  if (!options.quiet) {
    for (const std::string& stale : stale_suppressions(resolver, matched, options.paths))
      err << stale << '\n';
    for (const std::string& note : truncated) err << "iamlint: note: " << note << '\n';
    if (options.diff) {
      err << fmt::format("{} would be fixed by --fix{}.\n",
                         totals.fixed == 1 ? "1 finding" : fmt::format("{} findings", totals.fixed),
                         options.unsafe_fixes ? " --unsafe-fixes" : "");
    } else if (options.format == OutputFormat::kText) {
      report::write_summary(totals, {.color = options.color}, err);
    }
  }

  if (!errors.empty()) return kExitError;
  if (options.diff) return totals.fixed > 0 ? kExitFindings : kExitClean;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace iamlint::app
