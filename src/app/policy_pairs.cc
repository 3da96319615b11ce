#include "app/policy_pairs.h"

#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <span>

#include <fmt/core.h>

#include "app/git_revision.h"
#include "app/inputs.h"
#include "app/repository.h"

namespace iamlint::app {
namespace {

namespace fs = std::filesystem;

// "resource_changes[].change.after.policy" for "resource_changes[3].change.after.policy".
std::string without_indexes(std::string_view location) {
  std::string out;
  for (std::size_t i = 0; i < location.size(); ++i) {
    out += location[i];
    if (location[i] != '[') continue;
    std::size_t end = i + 1;
    while (end < location.size() && location[end] >= '0' && location[end] <= '9') ++end;
    if (end > i + 1 && end < location.size() && location[end] == ']') i = end - 1;
  }
  return out;
}

// Pairs each policy of the newer file with its version in the older file (match_policies). A
// bare older policy is read as the kind of its newer version, so that a base version that the
// inference would read otherwise (a Principal added) is still compared.
void add_pair(const std::string& newer_path, std::optional<source::SourceFile> older_source,
              const Options& options, PairedPolicies& out) {
  auto newer_source = source::load_file(newer_path);
  if (!newer_source) {
    out.errors.push_back(newer_source.error());
    return;
  }
  auto newer =
      load_policies(std::move(*newer_source), read_options(options), policy_defaults(options));
  if (!newer) {
    out.errors.push_back(newer.error());
    return;
  }
  if (newer->skipped) return;  // --skip-non-policy: not a policy file now
  LoadedFile older;
  if (older_source) {
    auto loaded =
        load_policies(std::move(*older_source), read_options(options), policy_defaults(options));
    if (!loaded) {
      out.errors.push_back(loaded.error());
      return;
    }
    older = std::move(*loaded);
  }
  const std::vector<std::optional<std::size_t>> match =
      match_policies(newer->policies, older.policies);
  std::vector<bool> paired(older.policies.size());
  for (const std::optional<std::size_t>& index : match) {
    if (index) paired[*index] = true;
  }
  PairedFile file{.older_path = older.source ? older.source->path : ""};
  for (std::size_t i = 0; i < older.policies.size(); ++i) {
    if (!paired[i]) file.removed.push_back(std::move(older.policies[i]));
  }
  for (std::size_t i = 0; i < newer->policies.size(); ++i) {
    const ast::PolicyKind kind = newer->policies[i]->policy().kind;
    PolicyPair pair{.newer = std::move(newer->policies[i])};
    if (match[i]) {
      pair.older = std::move(older.policies[*match[i]]);
      if (pair.older->policy().kind != kind && !pair.older->input().origin.kind) {
        auto as_newer = LoadedPolicy::load(pair.older->file(), pair.older->input(),
                                           {.kind = kind, .attached_to = options.attached_to});
        if (!as_newer) {
          out.errors.push_back(as_newer.error());
          return;
        }
        pair.older = std::move(*as_newer);
      }
    } else {
      pair.added = true;
      pair.older = LoadedPolicy::empty("(none)", kind);
    }
    file.pairs.push_back(std::move(pair));
  }
  newer->policies.clear();  // each is in its pair now
  file.newer = std::move(*newer);
  out.files.push_back(std::move(file));
}

std::string relative_to(const std::string& file, const std::string& directory) {
  return absolute_normal(file).lexically_relative(absolute_normal(directory)).generic_string();
}

}  // namespace

std::vector<std::optional<std::size_t>> match_policies(
    std::span<const std::unique_ptr<LoadedPolicy>> newer,
    std::span<const std::unique_ptr<LoadedPolicy>> older) {
  using Key = std::pair<std::string_view, std::string_view>;  // container, location
  std::map<Key, std::size_t> at;
  for (std::size_t i = 0; i < older.size(); ++i)
    at.emplace(Key{older[i]->container(), older[i]->location()}, i);
  std::vector<std::optional<std::size_t>> match(newer.size());
  std::vector<bool> taken(older.size());
  for (std::size_t i = 0; i < newer.size(); ++i) {
    auto found = at.find(Key{newer[i]->container(), newer[i]->location()});
    if (found == at.end()) continue;
    match[i] = found->second;
    taken[found->second] = true;
  }
  std::map<std::pair<std::string_view, std::string>, std::deque<std::size_t>> moved;
  for (std::size_t i = 0; i < older.size(); ++i) {
    if (!taken[i] && !older[i]->container().empty())
      moved[{older[i]->container(), without_indexes(older[i]->location())}].push_back(i);
  }
  for (std::size_t i = 0; i < newer.size(); ++i) {
    if (match[i] || newer[i]->container().empty()) continue;
    auto candidates = moved.find({newer[i]->container(), without_indexes(newer[i]->location())});
    if (candidates == moved.end() || candidates->second.empty()) continue;
    match[i] = candidates->second.front();
    candidates->second.pop_front();
  }
  return match;
}

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
                                 .text = std::move(**text),
                                 .limit = source::kMaxFileBytes};
      older->too_large = older->text.size() > source::kMaxFileBytes;
      if (older->too_large) older->text.clear();
    }
    add_pair(file, std::move(older), options, out);
  }
  return out;
}

input::ReadOptions read_options(const Options& options) {
  return {.format = options.input_format,
          .include_aws_managed = options.include_aws_managed,
          .skip_non_policy = options.skip_non_policy};
}

PolicyDefaults policy_defaults(const Options& options) {
  return {.kind = options.policy_kind, .attached_to = options.attached_to};
}

}  // namespace iamlint::app
