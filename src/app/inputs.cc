#include "app/inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include <fmt/core.h>

#include "app/repository.h"

namespace iamlint::app {
namespace {

namespace fs = std::filesystem;

bool is_hidden(const fs::path& path) {
  std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Policies are written as JSON; CloudFormation templates also as YAML, and often named
// *.template.
bool is_searched_name(const fs::path& path, std::span<const std::string_view> also) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".json" || extension == ".yaml" || extension == ".yml" ||
         extension == ".template" || std::find(also.begin(), also.end(), extension) != also.end();
}

void walk_directory(const fs::path& root, std::span<const std::string_view> also, Inputs& inputs) {
  const std::size_t found_before = inputs.files.size();
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) {
    inputs.errors.push_back(
        {ErrorCode::kIo, fmt::format("cannot list '{}': {}", root.generic_string(), ec.message())});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      inputs.errors.push_back(
          {ErrorCode::kIo,
           fmt::format("cannot list '{}': {}", it->path().generic_string(), ec.message())});
      return;
    }
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(ec)) {
      if (is_hidden(entry.path())) it.disable_recursion_pending();
      continue;
    }
    // Hidden files are tools' settings (.iamlint.yaml, .pre-commit-config.yaml, .eslintrc.json).
    if (is_searched_name(entry.path(), also) && !is_hidden(entry.path()) &&
        entry.is_regular_file(ec)) {
      inputs.files.push_back(shown_path(entry.path()));
    }
  }
  if (inputs.files.size() == found_before) inputs.empty_directories.push_back(root.string());
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths,
                      std::span<const std::string_view> also) {
  Inputs inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.files.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      std::string reason = ec ? ec.message() : "No such file or directory";
      inputs.errors.push_back({ErrorCode::kIo, fmt::format("cannot read '{}': {}", path, reason)});
    } else if (fs::is_directory(status)) {
      walk_directory(path, also, inputs);
    } else {
      inputs.files.push_back(shown_path(path));
    }
  }
  std::sort(inputs.files.begin(), inputs.files.end());
  inputs.files.erase(std::unique(inputs.files.begin(), inputs.files.end()), inputs.files.end());
  return inputs;
}

}  // namespace iamlint::app
