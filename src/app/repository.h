// Where a file sits in its repository, so that the identity of a finding does not depend on how
// its path was typed ("./policies/x.json", "policies/x.json", an absolute path, a subdirectory
// as the current directory).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint::app {

// Orders paths by their text: the keys here are absolute and lexically normal, so equal text is
// equal paths, and std::path's own ordering, which walks the paths component by component, made
// these lookups a measurable part of linting thousands of files.
struct PathTextLess {
  bool operator()(const std::filesystem::path& a, const std::filesystem::path& b) const {
    return a.native() < b.native();
  }
};

class RepositoryPaths {
 public:
  // The path of `file` relative to the root of its git repository (the nearest directory upward
  // that holds .git), '/'-separated and without "." or ".."; outside a repository, relative to the
  // current directory in the same way.
  [[nodiscard]] std::string of(const std::string& file);

  // The nearest directory at or above `directory` that holds .git; nullopt outside a repository.
  [[nodiscard]] const std::optional<std::filesystem::path>& root_of(
      const std::filesystem::path& directory);

 private:
  std::map<std::filesystem::path, std::optional<std::filesystem::path>, PathTextLess>
      roots_;  // by directory
  // The directory of the last plain relative path (as typed, with its '/'), and its path in the
  // repository (empty, or with a final '/').
  std::optional<std::string> last_directory_;
  std::string last_prefix_;
};

// A path as iamlint shows it: relative to the current directory when it is inside it
// ("/work/repo/policies/a.json" run from /work/repo reads as "policies/a.json"), else as given.
[[nodiscard]] std::string shown_path(const std::filesystem::path& path);

// The directory of a path as typed, with its final '/': "a/b/" of "a/b/c.json", "" of "c.json".
// Equal text names the same directory, as iamlint never changes directory.
[[nodiscard]] std::string_view typed_directory(std::string_view path);

// `path` made absolute against the current directory and lexically normal.
[[nodiscard]] std::filesystem::path absolute_normal(const std::filesystem::path& path);

}  // namespace iamlint::app
