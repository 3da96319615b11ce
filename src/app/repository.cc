#include "app/repository.h"

#include <algorithm>
#include <string_view>
#include <system_error>

namespace iamlint::app {

namespace fs = std::filesystem;

namespace {

// Read once (empty when it cannot be read): iamlint never changes directory, and asking the
// system for each of thousands of files was two getcwd calls per file before linting began.
const fs::path& current_directory() {
  static const fs::path directory = [] {
    std::error_code ec;
    fs::path path = fs::current_path(ec);
    return ec ? fs::path() : path;
  }();
  return directory;
}

// Whether a relative path has no "." or ".." component and no empty one ("a//b", "a/"): the
// common case, which needs no normalising.
bool is_plain_relative(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view component = path.substr(start, end - start);
    if (component.empty() || component == "." || component == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string_view typed_directory(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return path.substr(0, slash == std::string_view::npos ? 0 : slash + 1);
}

fs::path absolute_normal(const fs::path& path) {
  if (path.empty() || path.is_absolute() || current_directory().empty())
    return path.lexically_normal();
  // getcwd gives a normal path, so a plain relative path only needs joining.
  if (is_plain_relative(path.native())) return current_directory() / path;
  return (current_directory() / path).lexically_normal();
}

// "/work/repo/policies/a.json" run from /work/repo reads as "policies/a.json".
std::string shown_path(const fs::path& path) {
  if (!path.is_absolute()) return path.generic_string();
  const fs::path& cwd = current_directory();
  if (cwd.empty()) return path.generic_string();
  auto [cwd_end, path_at] = std::mismatch(cwd.begin(), cwd.end(), path.begin(), path.end());
  if (cwd_end != cwd.end() || path_at == path.end()) return path.generic_string();
  fs::path relative;
  for (; path_at != path.end(); ++path_at) relative /= *path_at;
  return relative.generic_string();
}

const std::optional<fs::path>& RepositoryPaths::root_of(const fs::path& directory) {
  if (auto known = roots_.find(directory); known != roots_.end()) return known->second;
  std::optional<fs::path> root;
  std::error_code ec;
  if (fs::exists(directory / ".git", ec)) {
    root = directory;
  } else if (directory.has_relative_path()) {
    root = root_of(directory.parent_path());
  }
  return roots_.emplace(directory, std::move(root)).first->second;
}

std::string RepositoryPaths::of(const std::string& file) {
  // Files come sorted, so the files of a directory come together, and all but their names is the
  // same: the directory's part is worked out once for them, from its path as typed.
  if (is_plain_relative(file) && !current_directory().empty()) {
    const std::string_view directory = typed_directory(file);
    if (!last_directory_ || directory != *last_directory_) {
      const fs::path absolute =
          directory.empty() ? current_directory()
                            : current_directory() / directory.substr(0, directory.size() - 1);
      const std::optional<fs::path>& root = root_of(absolute);
      // Never empty: the root and the current directory hold every plain relative path.
      const fs::path relative = absolute.lexically_relative(root ? *root : current_directory());
      last_directory_ = std::string(directory);
      last_prefix_ = relative == "." ? "" : relative.generic_string() + '/';
    }
    return last_prefix_ + file.substr(directory.size());
  }
  const fs::path absolute = absolute_normal(file);
  const std::optional<fs::path>& root = root_of(absolute.parent_path());
  fs::path relative = absolute.lexically_relative(root ? *root : current_directory());
  return (relative.empty() ? absolute : relative).generic_string();
}

}  // namespace iamlint::app
