#include "app/policy_pairs.h"

#include <filesystem>
#include <set>

#include <fmt/core.h>

#include "app/git_revision.h"
#include "app/inputs.h"
#include "app/repository.h"

namespace iamlint::app {
namespace {

namespace fs = std::filesystem;

// Loads the newer side; the older side is read as the same kind of policy, so that a base
// version that the inference would read otherwise (a Principal added) is still compared.
void add_pair(const std::string& newer_path, std::optional<source::SourceFile> older_source,
              const Options& options, PairedPolicies& out) {
  auto newer_source = source::load_file(newer_path);
  if (!newer_source) {
    out.errors.push_back(newer_source.error());
    return;
  }
  auto newer =
      LoadedPolicy::load(std::move(*newer_source), options.policy_kind, options.attached_to);
  if (!newer) {
    out.errors.push_back(newer.error());
    return;
  }
  const ast::PolicyKind kind = (*newer)->policy().kind;
  PolicyPair pair{.newer = std::move(*newer), .added = !older_source};
  if (!older_source) {
    pair.older = LoadedPolicy::empty("(none)", kind);
  } else {
    auto older = LoadedPolicy::load(std::move(*older_source), kind, options.attached_to);
    if (!older) {
      out.errors.push_back(older.error());
      return;
    }
    pair.older = std::move(*older);
  }
  out.pairs.push_back(std::move(pair));
}

std::string relative_to(const std::string& file, const std::string& directory) {
  return absolute_normal(file).lexically_relative(absolute_normal(directory)).generic_string();
}

}  // namespace

PairedPolicies pair_with_base(const std::string& base, const std::vector<std::string>& paths,
                              const Options& options) {
  PairedPolicies out;
  if (paths.size() != 1) {
    out.errors.push_back({ErrorCode::kUsage, "--base OLD compares one NEW file or directory"});
    return out;
  }
  const std::string& newer = paths.front();
  std::error_code ec;
  const bool base_is_directory = fs::is_directory(base, ec);
  if (!fs::exists(base, ec)) {
    out.errors.push_back({ErrorCode::kIo, fmt::format("cannot read '{}': no such file", base)});
    return out;
  }
  if (base_is_directory != fs::is_directory(newer, ec)) {
    out.errors.push_back(
        {ErrorCode::kUsage,
         fmt::format("'{}' and '{}' must both be files or both be directories", base, newer)});
    return out;
  }
  if (!base_is_directory) {
    auto older = source::load_file(base);
    if (!older) {
      out.errors.push_back(older.error());
      return out;
    }
    add_pair(newer, std::move(*older), options, out);
    return out;
  }
  Inputs newer_inputs = collect_inputs({newer});
  Inputs older_inputs = collect_inputs({base});
  out.errors = std::move(newer_inputs.errors);
  for (Error& error : older_inputs.errors) out.errors.push_back(std::move(error));
  std::set<std::string> seen;
  for (const std::string& file : newer_inputs.files) {
    const std::string relative = relative_to(file, newer);
    seen.insert(relative);
    const fs::path older = fs::path(base) / relative;
    std::optional<source::SourceFile> older_source;
    if (fs::exists(older, ec)) {
      auto loaded = source::load_file(older.string());
      if (!loaded) {
        out.errors.push_back(loaded.error());
        continue;
      }
      older_source = std::move(*loaded);
    }
    add_pair(file, std::move(older_source), options, out);
  }
  for (const std::string& file : older_inputs.files) {
    if (!seen.contains(relative_to(file, base))) out.removed.push_back(file);
  }
  return out;
}

PairedPolicies pair_with_revision(const std::string& revision,
                                  const std::vector<std::string>& paths, const Options& options) {
  PairedPolicies out;
  Inputs inputs = collect_inputs(paths);
  out.errors = std::move(inputs.errors);
  std::optional<GitRevision> repository;
  for (const std::string& file : inputs.files) {
    const fs::path absolute = absolute_normal(file);
    if (!repository) {
      auto opened = GitRevision::open(revision, absolute.parent_path());
      if (!opened) {
        out.errors.push_back(opened.error());
        return out;
      }
      repository = std::move(*opened);
    }
    const std::string in_repository =
        absolute.lexically_relative(absolute_normal(repository->root())).generic_string();
    if (in_repository.empty() || in_repository.starts_with("..")) {
      out.errors.push_back({ErrorCode::kUsage, fmt::format("'{}' is outside the repository at '{}'",
                                                           file, repository->root().string())});
      continue;
    }
    auto text = repository->read(in_repository);
    if (!text) {
      out.errors.push_back(text.error());
      continue;
    }
    std::optional<source::SourceFile> older;
    if (*text) {
      older = source::SourceFile{.path = fmt::format("{}:{}", revision, in_repository),
                                 .text = std::move(**text)};
      older->too_large = older->text.size() > source::kMaxFileBytes;
      if (older->too_large) older->text.clear();
    }
    add_pair(file, std::move(older), options, out);
  }
  return out;
}

}  // namespace iamlint::app
