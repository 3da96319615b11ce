#include "rules/fixtures.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/linter.h"

namespace iamlint::testing {

bool updating_goldens(std::string_view rule_id) {
  const char* update = std::getenv("IAMLINT_UPDATE_GOLDEN");
  if (update == nullptr || std::string_view(update) != "1") return false;
  const char* only = std::getenv("IAMLINT_GOLDEN_ONLY");
  return only == nullptr || (!rule_id.empty() && rule_id.starts_with(only));
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const std::filesystem::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir, std::string_view extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<ast::PolicyKind> fixture_kind(const std::filesystem::path& fixture) {
  std::string middle = fixture.stem().extension().string();
  for (ast::PolicyKind kind : {ast::PolicyKind::kIdentity, ast::PolicyKind::kResource, ast::PolicyKind::kTrust,
                               ast::PolicyKind::kScp, ast::PolicyKind::kRcp}) {
    if (middle == "." + std::string(ast::policy_kind_name(kind))) return kind;
  }
  return std::nullopt;
}

std::vector<engine::Finding> lint_with(const engine::Rule& rule, std::string text,
                                       std::optional<ast::PolicyKind> kind) {
  const engine::Rule* rules[] = {&rule};
  engine::FileResult result = engine::lint({.path = "example.json", .text = std::move(text)},
                                           {.policy_kind = kind, .rules = rules});
  return std::move(result.findings);
}

}  // namespace iamlint::testing
