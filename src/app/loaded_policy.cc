#include "app/loaded_policy.h"

#include <fmt/core.h>

#include "ast/lower.h"
#include "input/document_kind.h"
#include "source/line_index.h"

namespace iamlint::app {
namespace {

// "path:line:column: invalid JSON: message", at an offset of the file's text.
Error unreadable(const source::SourceFile& file, const json::SyntaxError& problem) {
  const source::Position at =
      source::LineIndex(file.text).position(problem.offset, source::ColumnUnit::kCodePoints);
  return {ErrorCode::kUsage,
          fmt::format("{}:{}:{}: {}{}", file.path, at.line, at.column,
                      problem.limit ? "" : fmt::format("invalid {}: ", problem.language),
                      problem.message)};
}

}  // namespace

Result<std::unique_ptr<LoadedPolicy>> LoadedPolicy::load(
    std::shared_ptr<const source::SourceFile> file, input::PolicySource policy,
    const PolicyDefaults& defaults) {
  std::unique_ptr<LoadedPolicy> loaded(new LoadedPolicy(std::move(file), std::move(policy)));
  const input::PolicySource& input = loaded->input_;
  const input::ParsedJson& json = *input.json;
  std::optional<json::SyntaxError> problem;
  if (!json.parsed()) {
    problem = json.error();
  } else {
    problem = engine::too_many_statements(json.doc(), input.root);
  }
  if (problem) {
    problem->offset = json.to_file().to_outer({problem->offset, problem->offset}).begin;
    return Unexpected(unreadable(*loaded->file_, *problem));
  }
  const input::PolicyOrigin& origin = input.origin;
  loaded->policy_ =
      ast::lower_policy(json.doc(), input.root, origin.kind ? origin.kind : defaults.kind);
  if (!loaded->policy_) {
    const ByteRange at = json.to_file().to_outer(json.doc().node(input.root).range);
    return Unexpected(unreadable(
        *loaded->file_,
        {.offset = at.begin,
         .message = input.location.empty()
                        ? "not a policy document (its top level is not an object)"
                        : fmt::format("not a policy document: {} is not an object", input.location),
         .limit = true}));
  }
  loaded->policy_->attached_to = origin.kind ? origin.attached_to : defaults.attached_to;
  loaded->facts_ = std::make_unique<analysis::PolicyFacts>(*loaded->policy_);
  return loaded;
}

Result<std::unique_ptr<LoadedPolicy>> LoadedPolicy::load(
    source::SourceFile source, std::optional<ast::PolicyKind> kind,
    std::optional<ast::AttachedResource> attached_to) {
  auto loaded = load_policies(std::move(source), {.format = input::find_document_kind("policy")},
                              {.kind = kind, .attached_to = attached_to});
  if (!loaded) return Unexpected(std::move(loaded.error()));
  return std::move(loaded->policies.front());
}

std::unique_ptr<LoadedPolicy> LoadedPolicy::empty(std::string path, ast::PolicyKind kind) {
  auto loaded = load(source::SourceFile{.path = std::move(path),
                                        .text = R"({"Version": "2012-10-17", "Statement": []})"},
                     kind, std::nullopt);
  return std::move(loaded).value();
}

std::string LoadedPolicy::name_in_file() const {
  if (container().empty()) return location();
  return fmt::format("{} ({})", location(), container());
}

engine::PolicyResult LoadedPolicy::describe() const {
  return {.location = input_.location,
          .container = input_.origin.container,
          .kind = policy_->kind,
          .attached_to = policy_->attached_to};
}

void LoadedPolicy::place(std::span<engine::Finding> findings, uint32_t index) const {
  engine::place_findings(input_, file_->text, index, findings);
}

Result<LoadedFile> load_policies(source::SourceFile source, const input::ReadOptions& read,
                                 const PolicyDefaults& defaults, PolicyFilter wanted) {
  LoadedFile loaded{.source = std::make_shared<const source::SourceFile>(std::move(source))};
  const source::SourceFile& file = *loaded.source;
  // Under --skip-non-policy, as lint: no policy is past the size limit, and text that cannot be
  // read but mentions no policy (tsconfig.json with comments) is left alone.
  if (auto too_large = engine::past_limits(file, nullptr)) {
    loaded.skipped = read.skip_non_policy;
    if (loaded.skipped) return loaded;
    return Unexpected(unreadable(file, *too_large));
  }
  // The policies hold views of the file's text, which the shared SourceFile keeps in place.
  input::Reading reading = input::read(file.path, file.text, read);
  if (reading.error) {
    loaded.skipped = read.skip_non_policy && !input::mentions_policy(file.text);
    if (loaded.skipped) return loaded;
    return Unexpected(unreadable(file, *reading.error));
  }
  loaded.format = reading.kind->name;
  loaded.skipped = read.skip_non_policy && reading.policies.empty();  // package.json
  for (input::PolicySource& found : reading.policies) {
    if (!found.origin.linted || (wanted && !wanted(found.origin))) continue;
    auto policy = LoadedPolicy::load(loaded.source, std::move(found), defaults);
    if (!policy) return Unexpected(std::move(policy.error()));
    loaded.policies.push_back(std::move(*policy));
  }
  return loaded;
}

}  // namespace iamlint::app
