// Files as they were at a git revision, for `iamlint check no-new-access --base-ref REV`: read with
// git itself (`git cat-file`), run without a shell so that no path or revision is interpreted.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "support/result.h"

namespace iamlint::app {

class GitRevision {
 public:
  // The revision `revision` of the repository that holds `directory`. Fails (kUsage) outside a
  // repository, when git cannot be run, or when the revision names no commit.
  [[nodiscard]] static Result<GitRevision> open(const std::string& revision,
                                                const std::filesystem::path& directory);

  // The text of `path` (relative to the repository's root, '/'-separated) at the revision;
  // nullopt when the file did not exist there.
  [[nodiscard]] Result<std::optional<std::string>> read(const std::string& path) const;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  GitRevision(std::string commit, std::filesystem::path root)
      : commit_(std::move(commit)), root_(std::move(root)) {}

  std::string commit_;  // the full object name the revision resolved to
  std::filesystem::path root_;
};

}  // namespace iamlint::app
