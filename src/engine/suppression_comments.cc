#include "engine/suppression_comments.h"

#include <algorithm>
#include <variant>

#include <fmt/core.h>

#include "engine/registry.h"

namespace iamlint::engine {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// A comment as read: the rules it names and why their findings are accepted.
struct Comment {
  const input::DirectiveComment* source = nullptr;
  std::vector<const RuleInfo*> rules;
  std::vector<bool> used;  // per rule
  std::string_view reason;
};

// The comment's rules and reason, or what is wrong with it.
std::variant<Comment, std::string> read_comment(const input::DirectiveComment& source) {
  constexpr std::string_view kForm = "'# iamlint-ignore IAM203: why it is accepted'";
  const std::size_t colon = source.text.find(':');
  const std::string_view names = source.text.substr(0, colon);
  Comment comment{.source = &source};
  std::size_t at = 0;
  while (at < names.size()) {
    const std::size_t end = std::min(names.find_first_of(", \t", at), names.size());
    const std::string_view name = names.substr(at, end - at);
    at = end + 1;
    if (name.empty()) continue;
    const Rule* rule = find_rule(name);
    if (rule == nullptr) {
      return fmt::format(
          "iamlint-ignore names '{}', which is no rule of iamlint; name rules by id "
          "or name, as in {}",
          name, kForm);
    }
    comment.rules.push_back(&rule->info());
  }
  if (comment.rules.empty()) {
    return fmt::format(
        "iamlint-ignore names no rule; say which findings it accepts and why, as "
        "in {}",
        kForm);
  }
  if (colon != std::string_view::npos) comment.reason = trimmed(source.text.substr(colon + 1));
  if (comment.reason.empty()) {
    return fmt::format(
        "the suppression of {} needs a reason after ':', which reviewers read (and "
        "SARIF shows), as in {}; it suppresses nothing until it has one",
        comment.rules.front()->id, kForm);
  }
  comment.used.assign(comment.rules.size(), false);
  return comment;
}

// Marks the rule of `finding` as used by every comment that names it and covers the finding;
// returns the first such comment.
Comment* match(std::vector<Comment>& comments, const Finding& finding) {
  Comment* first = nullptr;
  for (Comment& comment : comments) {
    if (!comment.source->covers.contains(finding.range.begin)) continue;
    for (std::size_t i = 0; i < comment.rules.size(); ++i) {
      if (comment.rules[i] != finding.rule) continue;
      comment.used[i] = true;
      if (first == nullptr) first = &comment;
    }
  }
  return first;
}

}  // namespace

std::vector<SuppressionNotice> apply_suppression_comments(
    std::span<const input::DirectiveComment> sources, std::span<const Rule* const> enabled,
    std::vector<Finding>& findings, std::vector<Finding>& suppressed) {
  std::vector<SuppressionNotice> notices;
  std::vector<Comment> comments;
  for (const input::DirectiveComment& source : sources) {
    if (comments.size() + notices.size() == kMaxSuppressionComments) {
      notices.push_back({.range = source.range,
                         .message = fmt::format("more than {} suppression comments in one file; "
                                                "this one and those after it are not read",
                                                kMaxSuppressionComments),
                         .error = true});
      break;
    }
    auto read = read_comment(source);
    if (auto* comment = std::get_if<Comment>(&read)) {
      comments.push_back(std::move(*comment));
    } else {
      notices.push_back(
          {.range = source.range, .message = std::get<std::string>(read), .error = true});
    }
  }

  for (const Finding& finding : suppressed) match(comments, finding);
  std::vector<Finding> kept;
  for (Finding& finding : findings) {
    const Comment* comment = match(comments, finding);
    if (comment == nullptr) {
      kept.push_back(std::move(finding));
      continue;
    }
    finding.suppression_reason = comment->reason;
    finding.suppressed_in_source = true;
    suppressed.push_back(std::move(finding));
  }
  findings = std::move(kept);

  for (const Comment& comment : comments) {
    for (std::size_t i = 0; i < comment.rules.size(); ++i) {
      const RuleInfo* rule = comment.rules[i];
      const bool runs = std::any_of(enabled.begin(), enabled.end(),
                                    [&](const Rule* r) { return &r->info() == rule; });
      if (comment.used[i] || !runs) continue;
      notices.push_back({.range = comment.source->range,
                         .message = fmt::format(
                             "the suppression of {} matches no finding; remove it", rule->id)});
    }
  }
  std::stable_sort(notices.begin(), notices.end(),
                   [](const auto& a, const auto& b) { return a.range.begin < b.range.begin; });
  return notices;
}

}  // namespace iamlint::engine
