// What a rule sees while it runs, and the one way it reports: ctx.report(range, "...", args...).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "engine/absorption.h"
#include "engine/finding.h"
#include "engine/scp_set.h"
#include "engine/trusted_parties.h"
#include "json/document.h"

namespace iamlint::engine {

// Refines a finding just reported: ctx.report(...).code("MISSING_VERSION").related(...).
class ReportBuilder {
 public:
  explicit ReportBuilder(Finding& finding) : finding_(finding) {}
  // The Access Analyzer issue code this finding matches; must be one the rule declares.
  ReportBuilder& code(std::string_view access_analyzer_code);
  // Overrides the rule's default level with one of the rule's other_levels.
  ReportBuilder& level(Level level);
  ReportBuilder& related(ByteRange range, std::string message);
  // A fix that applying makes the finding go away and causes no other; see engine/fix_edits.h
  // for the edits of common fixes.
  ReportBuilder& fix(Fix fix);

 private:
  Finding& finding_;
};

// Where a file's findings go: past `limit` they are counted in `omitted`, with the most severe
// level among them in `omitted_level`, not kept.
struct FindingSink {
  std::vector<Finding>& findings;
  std::size_t& omitted;
  Level& omitted_level;
  std::size_t limit;
};

class RuleContext {
 public:
  // `doc` and `policy` are null when the file could not be parsed; `policy` (and `facts`) are null
  // when its top level is not an object.
  RuleContext(std::string_view source_text, const json::Document* doc, const ast::Policy* policy,
              analysis::PolicyFacts* facts, FindingSink out,
              const TrustedParties* trusted = nullptr)
      : source_text_(source_text),
        doc_(doc),
        policy_(policy),
        facts_(facts),
        out_(out),
        first_(out.findings.size()),
        trusted_(trusted),
        absorption_(policy) {}
  RuleContext(const RuleContext&) = delete;
  RuleContext& operator=(const RuleContext&) = delete;
  ~RuleContext() { count_omitted_level(); }

  [[nodiscard]] std::string_view source_text() const { return source_text_; }
  [[nodiscard]] const json::Document& json() const { return *doc_; }
  [[nodiscard]] const ast::Policy& policy() const { return *policy_; }
  [[nodiscard]] ast::PolicyKind kind() const { return policy_->kind; }
  // What several rules ask about the policy, computed once (analysis/policy_facts.h).
  [[nodiscard]] analysis::PolicyFacts& facts() { return *facts_; }
  // engine/trusted_parties.h: the accounts (trusts_account) and AWS Organizations IDs (trusts_org)
  // named by --trusted-accounts/--org-id, empty if none; not the owner PolicyFacts infers.
  [[nodiscard]] const TrustedParties& trusted() const {
    static const TrustedParties kNone;
    return trusted_ ? *trusted_ : kNone;
  }

  // The SCPs this file is linted with (engine/scp_set.h); null when it is linted on its own.
  [[nodiscard]] const ScpSetMember* scp_set() const { return scp_set_; }
  void set_scp_set(const ScpSetMember* member) { scp_set_ = member; }

  // Set by the engine before each rule's hooks run.
  void set_rule(const RuleInfo* rule) { rule_ = rule; }

  template <class... Args>
  ReportBuilder report(ByteRange range, fmt::format_string<Args...> format, Args&&... args) {
    // A broader finding of the same statement already says it (RuleInfo::absorbs).
    if (absorption_.absorbed(*rule_, range)) return discard();
    // Past the limit the message is not even formatted: crafted input can ask for millions.
    if (out_.findings.size() >= out_.limit) return omit();
    return add(range, fmt::format(format, std::forward<Args>(args)...));
  }

 private:
  ReportBuilder add(ByteRange range, std::string message);
  ReportBuilder omit();
  ReportBuilder discard();
  // Folds the level of the last omitted finding (a rule may have raised it) into the sink.
  void count_omitted_level();

  std::string_view source_text_;
  const json::Document* doc_;
  const ast::Policy* policy_;
  analysis::PolicyFacts* facts_;
  FindingSink out_;
  std::size_t first_;  // out_.findings before this are other policies' (already placed)
  const TrustedParties* trusted_;
  Finding omitted_;    // what an omitted report refines; only its level is kept
  Finding discarded_;  // what an absorbed report refines; nothing is kept
  Absorption absorption_;
  const RuleInfo* rule_ = nullptr;
  const ScpSetMember* scp_set_ = nullptr;
};

}  // namespace iamlint::engine
