#include "rules/fixtures.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "app/app.h"
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

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                            std::string_view extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

LintSetup setup_from(std::string_view word) {
  if (word.starts_with("trusted-") && engine::is_account_id(word.substr(8)))
    return {.trusted = {.accounts = {std::string(word.substr(8))}}};
  if (word == "scp-legacy")
    return {.kind = ast::PolicyKind::kScp, .scp_syntax = ast::ScpSyntax::kLegacy};
  for (ast::PolicyKind kind : engine::kAllPolicyKinds) {
    if (word == ast::policy_kind_name(kind)) return {.kind = kind};
  }
  if (auto attached = ast::parse_attached_resource(word)) {
    // As --resource-type does: a role trust document is a trust policy, the rest resource policies.
    bool trust = *attached == ast::AttachedResource::kIamAssumeRolePolicyDocument;
    return {.kind = trust ? ast::PolicyKind::kTrust : ast::PolicyKind::kResource,
            .attached_to = attached};
  }
  return {};
}

LintSetup fixture_setup(const std::filesystem::path& fixture) {
  std::string middle = fixture.stem().extension().string();
  if (middle.empty()) return {};
  std::string word = middle.substr(1);
  // "AWS-S3-Bucket" stands for "AWS::S3::Bucket", which not every file system can name.
  if (word.starts_with("AWS-")) {
    std::string spelled;
    for (char c : word) spelled += c == '-' ? std::string("::") : std::string(1, c);
    word = spelled;
  }
  return setup_from(word);
}

std::string text_output(const std::filesystem::path& file, std::vector<std::string> select,
                        LintSetup setup, unsigned jobs) {
  app::Options options;
  options.paths = {file.generic_string()};
  options.select = std::move(select);
  options.policy_kind = setup.kind;
  options.attached_to = setup.attached_to;
  options.scp_syntax = setup.scp_syntax;
  options.trusted = setup.trusted;
  options.jobs = jobs;
  options.unsafe_fixes = true;  // goldens show every fix a rule offers
  std::ostringstream out;
  std::ostringstream err;
  int status = app::run(options, out, err);
  CHECK_MESSAGE(status != app::kExitError, err.str());
  return out.str();
}

std::vector<engine::Finding> lint_with(const engine::Rule& rule, std::string text,
                                       LintSetup setup) {
  const engine::Rule* rules[] = {&rule};
  engine::FileResult result = engine::lint({.path = "example.json", .text = std::move(text)},
                                           {.policy_kind = setup.kind,
                                            .attached_to = setup.attached_to,
                                            .scp_syntax = setup.scp_syntax,
                                            .trusted = &setup.trusted,
                                            .rules = rules});
  return std::move(result.findings);
}

}  // namespace iamlint::testing
