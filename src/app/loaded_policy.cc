#include "app/loaded_policy.h"

#include <fmt/core.h>

#include "ast/lower.h"
#include "engine/linter.h"
#include "json/parser.h"
#include "source/line_index.h"

namespace iamlint::app {

Result<std::unique_ptr<LoadedPolicy>> LoadedPolicy::load(
    source::SourceFile source, std::optional<ast::PolicyKind> kind,
    std::optional<ast::AttachedResource> attached_to) {
  std::unique_ptr<LoadedPolicy> loaded(new LoadedPolicy(std::move(source)));
  const source::SourceFile& file = loaded->source_;
  auto doc = json::parse(file.text);
  std::optional<json::SyntaxError> problem = engine::past_limits(file, doc ? &*doc : nullptr);
  if (!problem && !doc) problem = doc.error();
  if (problem) {
    const source::Position at =
        source::LineIndex(file.text).position(problem->offset, source::ColumnUnit::kCodePoints);
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}:{}:{}: {}{}", file.path, at.line, at.column,
                                  problem->limit ? "" : "invalid JSON: ", problem->message));
  }
  loaded->doc_ = std::move(*doc);
  loaded->policy_ = ast::lower_policy(*loaded->doc_, loaded->doc_->root(), kind);
  if (!loaded->policy_) {
    return make_error(
        ErrorCode::kUsage,
        fmt::format("{}:1:1: not a policy document (its top level is not an object)", file.path));
  }
  loaded->policy_->attached_to = attached_to;
  loaded->facts_ = std::make_unique<analysis::PolicyFacts>(*loaded->policy_);
  return loaded;
}

std::unique_ptr<LoadedPolicy> LoadedPolicy::empty(std::string path, ast::PolicyKind kind) {
  auto loaded = load(source::SourceFile{.path = std::move(path),
                                        .text = R"({"Version": "2012-10-17", "Statement": []})"},
                     kind, std::nullopt);
  return std::move(loaded).value();
}

}  // namespace iamlint::app
