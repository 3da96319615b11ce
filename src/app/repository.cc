#include "app/repository.h"

#include <algorithm>
#include <system_error>

namespace iamlint::app {

namespace fs = std::filesystem;

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal();
}

// "/work/repo/policies/a.json" run from /work/repo reads as "policies/a.json".
std::string shown_path(const fs::path& path) {
  if (!path.is_absolute()) return path.generic_string();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return path.generic_string();
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
  const fs::path absolute = absolute_normal(file);
  const std::optional<fs::path>& root = root_of(absolute.parent_path());
  std::error_code ec;
  const fs::path base = root ? *root : fs::current_path(ec);
  fs::path relative = absolute.lexically_relative(base);
  return (relative.empty() ? absolute : relative).generic_string();
}

}  // namespace iamlint::app
