// IAM019: a character that IAM does not accept in a policy document. IAM allows
// only tab, LF, CR and U+0020 to U+00FF, so emoji, CJK text or typographic
// quotes ("smart" quotes pasted from a word processor) make the policy fail to
// save. Checked for the policies IAM stores (identity and trust); each string
// is checked after its escapes are decoded, since "\u2019" is the same
// character as a literal one.
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

using json::NodeId;

bool is_allowed(uint32_t code_point) {
  return code_point == '\t' || code_point == '\n' || code_point == '\r' ||
         (code_point >= 0x20 && code_point <= 0xFF);
}

struct Decoded {
  uint32_t code_point;
  std::size_t length;
};

// The text is valid UTF-8: the parser rejects anything else.
Decoded decode(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  if (lead < 0xE0) return {static_cast<uint32_t>(lead & 0x1F) << 6 | (byte(1) & 0x3F), 2};
  if (lead < 0xF0)
    return {static_cast<uint32_t>(lead & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F), 3};
  return {static_cast<uint32_t>(lead & 0x07) << 18 | (byte(1) & 0x3F) << 12 |
              (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F),
          4};
}

// Whether the eight bytes at `at` are all printable ASCII (0x20 to 0x7F): with no high bit set,
// b + 0x60 sets it exactly when b >= 0x20, and no sum carries into the next byte.
bool printable_word(std::string_view text, std::size_t at) {
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  constexpr uint64_t kFrom0x20 = 0x6060606060606060u;
  uint64_t word;
  std::memcpy(&word, text.data() + at, sizeof word);
  return (word & kHighBits) == 0 && ((word + kFrom0x20) & kHighBits) == kHighBits;
}

// The first character of `text` that IAM does not allow, or nullopt.
std::optional<Decoded> first_disallowed(std::string_view text, std::size_t& at) {
  for (at = 0; at < text.size();) {
    // Printable ASCII, nearly all of a policy, needs no decoding: skipped a word at a time.
    if (at + sizeof(uint64_t) <= text.size() && printable_word(text, at)) {
      at += sizeof(uint64_t);
      continue;
    }
    if (const auto byte = static_cast<unsigned char>(text[at]); byte >= 0x20 && byte < 0x80) {
      ++at;
      continue;
    }
    Decoded decoded = decode(text, at);
    if (!is_allowed(decoded.code_point)) return decoded;
    at += decoded.length;
  }
  return std::nullopt;
}

// Whether `text` (a policy's JSON) holds only ASCII and no escape. Then every string and key of it
// is its source text, printable ASCII (the parser rejects a raw control byte in a string), and
// every character is allowed: nearly every policy, told by one memchr and a word scan instead of
// a walk of its tree. Eight-byte words are ORed four at a time, their high bits tested once.
bool plain_ascii(std::string_view text) {
  if (std::memchr(text.data(), '\\', text.size()) != nullptr) return false;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  std::size_t at = 0;
  for (; at + 4 * sizeof(uint64_t) <= text.size(); at += 4 * sizeof(uint64_t)) {
    uint64_t words[4];
    std::memcpy(words, text.data() + at, sizeof words);
    if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0) return false;
  }
  for (; at < text.size(); ++at) {
    if (static_cast<unsigned char>(text[at]) >= 0x80) return false;
  }
  return true;
}

class UnsupportedCharacter final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM019",
      .name = "unsupported-character",
      .level = engine::Level::kError,
      .summary =
          "The policy contains a character that IAM does not accept (only tab, LF, CR and U+0020 "
          "to U+00FF)",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    if (plain_ascii(ctx.source_text().substr(policy.range.begin, policy.range.size()))) return;
    const json::Document& doc = ctx.json();
    std::vector<NodeId> pending = {policy.node};
    while (!pending.empty()) {
      NodeId id = pending.back();
      pending.pop_back();
      const json::Node& node = doc.node(id);
      for (NodeId child : doc.children(id)) pending.push_back(child);
      const json::Node* parent = node.parent == json::kNoNode ? nullptr : &doc.node(node.parent);
      if (parent && parent->is_object()) check_text(ctx, node.key(), node.key_range);
      if (node.is_string()) check_text(ctx, node.text(), node.range);
    }
  }

 private:
  // `decoded` is the string's value; `range` its source, quotes included.
  static void check_text(engine::RuleContext& ctx, std::string_view decoded, ByteRange range) {
    std::size_t at = 0;
    std::optional<Decoded> bad = first_disallowed(decoded, at);
    if (!bad) return;
    // Point at the character itself when it is written literally, else at the
    // whole string.
    std::string_view source = ctx.source_text().substr(range.begin, range.size());
    std::string_view character = decoded.substr(at, bad->length);
    std::size_t in_source =
        bad->code_point >= 0x80 ? source.find(character) : std::string_view::npos;
    ByteRange where = range;
    if (in_source != std::string_view::npos) {
      where = {range.begin + static_cast<uint32_t>(in_source),
               range.begin + static_cast<uint32_t>(in_source + character.size())};
    }
    ctx.report(where,
               "character U+{:04X} is not allowed in an IAM policy, which may contain only tab, "
               "LF, CR and U+0020 to U+00FF; replace it (straight quotes for typographic ones) or "
               "remove it",
               bad->code_point);
  }
};

IAMLINT_REGISTER_RULE(UnsupportedCharacter);

}  // namespace
}  // namespace iamlint::rules
