#include "input/yaml_guard.h"

#include <cstdint>

#include <fmt/core.h>

#include "input/yaml_text.h"
#include "support/text.h"

namespace iamlint::input {
namespace {

bool is_break(char c) {
  return c == '\n' || c == '\r';
}

// The flow-nesting scan: a small state machine over YAML's lexical structure.
class FlowDepthScan {
 public:
  explicit FlowDepthScan(std::string_view text) : text_(text) {}

  std::optional<json::SyntaxError> run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (is_break(c)) {
        newline();
      } else if (is_blank(c)) {
        ++at_;
      } else if (c == '#' && after_space()) {
        skip_to_line_end();
      } else if (depth_ == 0) {
        block(c);
      } else if (auto error = flow(c)) {
        return error;
      }
    }
    return std::nullopt;
  }

 private:
  bool after_space() const {
    return at_ == 0 || is_blank(text_[at_ - 1]) || is_break(text_[at_ - 1]);
  }
  bool space_follows(std::size_t at) const {
    return at >= text_.size() || is_blank(text_[at]) || is_break(text_[at]);
  }

  void newline() {
    ++at_;
    if (depth_ == 0) {
      node_start_ = true;
      line_start_ = at_;
    }
  }

  void skip_to_line_end() {
    while (at_ < text_.size() && !is_break(text_[at_])) ++at_;
  }

  // A tag, anchor or alias; it ends before any flow indicator, so that a bracket is never hidden
  // in one.
  void skip_token() {
    ++at_;
    while (at_ < text_.size() && !is_blank(text_[at_]) && !is_break(text_[at_]) &&
           std::string_view("[]{},").find(text_[at_]) == std::string_view::npos) {
      ++at_;
    }
  }

  void skip_quoted() {
    const char quote = text_[at_++];
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (quote == '"' && c == '\\') {
        ++at_;
      } else if (c == quote) {
        if (quote == '\'' && at_ < text_.size() && text_[at_] == '\'') {
          ++at_;
        } else {
          return;
        }
      }
    }
  }

  std::size_t indent_at(std::size_t line_start) const {
    std::size_t at = line_start;
    while (at < text_.size() && text_[at] == ' ') ++at;
    return at - line_start;
  }

  // A block scalar's content is every following line indented more than the node that holds it
  // (the key in "- key: |"), and the blank lines among them. Taking the innermost node on the
  // line can only leave content lines to be scanned, never hide a bracket from the scan.
  void skip_block_scalar() {
    std::size_t holder = line_start_ + indent_at(line_start_);
    while (holder < at_ && (text_[holder] == '-' || text_[holder] == '?') &&
           space_follows(holder + 1)) {
      ++holder;
      while (holder < at_ && is_blank(text_[holder])) ++holder;
    }
    const std::size_t indent = holder - line_start_;
    skip_to_line_end();
    while (at_ < text_.size()) {
      std::size_t next = at_;
      if (text_[next] == '\r') ++next;
      if (next < text_.size() && text_[next] == '\n') ++next;
      std::size_t content = next;
      while (content < text_.size() && is_blank(text_[content])) ++content;
      const bool blank = content >= text_.size() || is_break(text_[content]);
      if (!blank && indent_at(next) <= indent) return;
      at_ = next;
      skip_to_line_end();
      if (at_ >= text_.size()) return;
    }
  }

  void block(char c) {
    if (!node_start_) {
      // Inside a plain scalar or after a node: only "key: value" starts a new node.
      if (c == ':' && space_follows(at_ + 1)) node_start_ = true;
      ++at_;
      return;
    }
    switch (c) {
      case '[':
      case '{':
        depth_ = 1;
        ++at_;
        return;
      case '\'':
      case '"':
        skip_quoted();
        node_start_ = false;
        return;
      case '|':
      case '>':
        skip_block_scalar();
        return;
      case '-':
      case '?':
      case ':':
        if (space_follows(at_ + 1)) {
          ++at_;
          return;
        }
        break;
      case '!':
      case '&':
        skip_token();
        return;
      case '*':
        skip_token();
        node_start_ = false;
        return;
      default:
        break;
    }
    node_start_ = false;
    ++at_;
  }

  std::optional<json::SyntaxError> flow(char c) {
    switch (c) {
      case '[':
      case '{':
        if (++depth_ > json::kMaxDepth) {
          return yaml_error(
              at_, fmt::format("flow collections nest more than {} levels deep", json::kMaxDepth));
        }
        node_start_ = true;
        ++at_;
        return std::nullopt;
      case ']':
      case '}':
        --depth_;
        node_start_ = false;
        ++at_;
        return std::nullopt;
      case ',':
        node_start_ = true;
        ++at_;
        return std::nullopt;
      case ':':
      case '?':
        // "key: value", "? key", and JSON's "key":value.
        node_start_ = space_follows(at_ + 1) ||
                      (c == ':' && at_ > 0 && (text_[at_ - 1] == '"' || text_[at_ - 1] == '\''));
        ++at_;
        return std::nullopt;
      default:
        break;
    }
    if (node_start_ && (c == '\'' || c == '"')) {
      skip_quoted();
      node_start_ = false;
    } else if (node_start_ && (c == '!' || c == '&')) {
      skip_token();
    } else {
      node_start_ = false;
      ++at_;
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  uint32_t depth_ = 0;
  bool node_start_ = true;
};

}  // namespace

std::optional<json::SyntaxError> check_yaml_text(std::string_view text) {
  if (std::size_t bad = invalid_utf8_offset(text); bad < text.size()) {
    return yaml_error(bad, fmt::format("byte 0x{:02X} is not valid UTF-8",
                                       static_cast<unsigned char>(text[bad])));
  }
  for (std::size_t at = 0; at < text.size(); ++at) {
    auto byte = static_cast<unsigned char>(text[at]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
      return yaml_error(at, fmt::format("control character U+{:04X} is not allowed in YAML", byte));
    }
  }
  return FlowDepthScan(text).run();
}

}  // namespace iamlint::input
