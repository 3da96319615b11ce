// A policy parsed from a literal and modelled, for the analysis tests.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "analysis/permission_model.h"
#include "analysis/policy_facts.h"
#include "ast/lower.h"
#include "catalog/action.h"
#include "json/parser.h"

namespace iamlint::analysis::testing {

// Owns the text, its JSON tree, the typed policy, its facts and the model, in that order, so that
// every view into an earlier one stays valid.
class ModelledPolicy {
 public:
  explicit ModelledPolicy(std::string text,
                          std::optional<ast::PolicyKind> kind = ast::PolicyKind::kIdentity)
      : text_(std::make_unique<std::string>(std::move(text))) {
    auto doc = json::parse(*text_);
    REQUIRE(doc.has_value());
    doc_ = std::make_unique<json::Document>(std::move(doc).value());
    auto policy = ast::lower_policy(*doc_, doc_->root(), kind);
    REQUIRE(policy.has_value());
    policy_ = std::make_unique<ast::Policy>(std::move(*policy));
    facts_ = std::make_unique<PolicyFacts>(*policy_);
  }

  [[nodiscard]] const ast::Policy& policy() const { return *policy_; }
  [[nodiscard]] const PermissionModel& model() const { return facts_->permissions(); }
  // For a model over several policies: PolicySource{&policy(), &facts(), origin}.
  [[nodiscard]] PolicyFacts& facts() const { return *facts_; }

  // access() for an action that must be in the catalogue.
  [[nodiscard]] std::vector<Access> access(std::string_view action) const {
    std::optional<catalog::Action> found = catalog::find_action(action);
    REQUIRE(found.has_value());
    return model().access(*found);
  }

 private:
  std::unique_ptr<std::string> text_;
  std::unique_ptr<json::Document> doc_;
  std::unique_ptr<ast::Policy> policy_;
  std::unique_ptr<PolicyFacts> facts_;
};

}  // namespace iamlint::analysis::testing
