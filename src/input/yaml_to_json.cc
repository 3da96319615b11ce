#include "input/yaml_to_json.h"

#include <algorithm>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "input/yaml_guard.h"
#include "input/yaml_scalar.h"
#include "input/yaml_text.h"
#include "support/text.h"

namespace iamlint::input {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

// Stops the reading at a bound or an error; caught in yaml_to_json, never further.
struct Stop {
  json::SyntaxError error;
};

enum class YamlKind : uint8_t { kNull, kScalar, kSequence, kMapping, kAlias };

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  uint32_t mark = 0;  // where the node starts, its tag and anchor included
  std::string tag;    // "?" for a plain scalar, "!" for other untagged ones, "!Sub", ...
  std::string value;  // a scalar's value
  YAML::anchor_t alias_of = 0;
  uint32_t first_child = kNone;
  uint32_t last_child = kNone;
  uint32_t next_sibling = kNone;
};

// A read-only stream over the text, which yaml-cpp needs as a std::istream.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // never written: the buffer is read-only
    setg(begin, begin, begin + text.size());
  }
};

// Collects yaml-cpp's events into a tree, stopping past the depth that iamlint reads.
class TreeBuilder final : public YAML::EventHandler {
 public:
  explicit TreeBuilder(uint32_t base) : base_(base) {}

  [[nodiscard]] const std::vector<YamlNode>& nodes() const { return nodes_; }
  [[nodiscard]] uint32_t anchored(YAML::anchor_t anchor) const {
    return anchor < anchors_.size() ? anchors_[anchor] : kNone;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(YamlKind::kNull, mark, "", "", anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    nodes_[add(YamlKind::kAlias, mark, "", "", 0)].alias_of = anchor;
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add(YamlKind::kScalar, mark, tag, value, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlKind::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { stack_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlKind::kMapping, mark, tag, anchor);
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  uint32_t add(YamlKind kind, const YAML::Mark& mark, const std::string& tag,
               const std::string& value, YAML::anchor_t anchor) {
    const auto id = static_cast<uint32_t>(nodes_.size());
    YamlNode& node = nodes_.emplace_back();
    node.kind = kind;
    node.mark = base_ + static_cast<uint32_t>(std::max(mark.pos, 0));
    node.tag = tag;
    node.value = value;
    if (!stack_.empty()) {
      YamlNode& parent = nodes_[stack_.back()];
      if (parent.last_child == kNone) {
        parent.first_child = id;
      } else {
        nodes_[parent.last_child].next_sibling = id;
      }
      parent.last_child = id;
    }
    if (anchor != 0) {
      if (anchor >= anchors_.size()) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = id;
    }
    return id;
  }

  void open(YamlKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    const uint32_t id = add(kind, mark, tag, "", anchor);
    if (stack_.size() >= json::kMaxDepth) {
      throw Stop{yaml_error(nodes_[id].mark,
                            fmt::format("values nest more than {} levels deep", json::kMaxDepth))};
    }
    stack_.push_back(id);
  }

  uint32_t base_;  // yaml-cpp counts offsets after a byte-order mark
  std::vector<YamlNode> nodes_;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> anchors_;  // node of each anchor id
};

// The CloudFormation function a short-form tag stands for ("!Sub" is "Fn::Sub", "!Ref" is
// "Ref"), or empty for other tags.
std::string intrinsic_name(std::string_view tag) {
  if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return "";
  std::string_view name = tag.substr(1);
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ':')) return "";
  }
  if (name == "Ref" || name == "Condition") return std::string(name);
  return "Fn::" + std::string(name);
}

bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// A number as JSON writes it, which YAML's core schema reads as a number too.
bool is_json_number(std::string_view text) {
  std::size_t at = 0;
  auto digits = [&] {
    std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at - start;
  };
  if (at < text.size() && text[at] == '-') ++at;
  std::size_t integer_start = at;
  std::size_t integer = digits();
  if (integer == 0 || (integer > 1 && text[integer_start] == '0')) return false;
  if (at < text.size() && text[at] == '.') {
    ++at;
    if (digits() == 0) return false;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (digits() == 0) return false;
  }
  return at == text.size();
}

// JSON's escape for a byte, or empty when it stands for itself.
std::string json_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        return fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
      }
      return "";
  }
}

// Writes the tree as JSON text, piece by piece with the YAML each piece comes from.
class Emitter {
 public:
  // `entries`, when given, receives the range of each mapping entry and sequence item.
  Emitter(std::string_view yaml, const TreeBuilder& tree, std::vector<ByteRange>* entries)
      : yaml_(yaml),
        tree_(tree),
        nodes_(tree.nodes()),
        limit_(8 * yaml.size() + (1u << 20)),
        entries_(entries) {}

  // The JSON text, and where the document's root node ends in the YAML.
  std::pair<MappedText, uint32_t> run() && {
    uint32_t root_end = 0;
    if (nodes_.empty()) {
      put("null", {0, 0});  // an empty stream
    } else {
      root_end = emit(0, 1, kNone).end;
    }
    return {{std::move(out_), std::move(map_).build(static_cast<uint32_t>(yaml_.size()))},
            root_end};
  }

 private:
  // Emits a node and returns the YAML range it was read from. `empty_at` is where a value left
  // empty ("Key:") stands: the end of its key.
  ByteRange emit(uint32_t id, uint32_t depth, uint32_t empty_at) {
    const YamlNode& node = nodes_[id];
    // Aliases can refer to the node that holds them; the depth bound ends that too.
    if (depth > json::kMaxDepth + 1) {
      throw Stop{yaml_error(node.mark,
                            fmt::format("values nest more than {} levels deep", json::kMaxDepth))};
    }
    const uint32_t content = skip_properties(yaml_, node.mark);
    std::string function = intrinsic_name(node.tag);
    if (function.empty()) return emit_content(node, content, depth, empty_at);
    uint32_t tag_end = content;
    while (tag_end > node.mark && is_space(yaml_[tag_end - 1])) --tag_end;
    put(fmt::format("{{\"{}\":", function), {node.mark, tag_end});
    ByteRange inner = emit_content(node, content, depth + 1, tag_end);
    put("}", {inner.end, inner.end});
    return {node.mark, inner.end};
  }

  ByteRange emit_content(const YamlNode& node, uint32_t content, uint32_t depth,
                         uint32_t empty_at) {
    switch (node.kind) {
      case YamlKind::kNull:
        return emit_null(content, empty_at);
      case YamlKind::kScalar:
        return emit_scalar(node, content);
      case YamlKind::kAlias:
        return emit_alias(node, content, depth);
      case YamlKind::kSequence:
      case YamlKind::kMapping:
        return emit_collection(node, content, depth);
    }
    return {content, content};
  }

  ByteRange emit_null(uint32_t content, uint32_t empty_at) {
    std::size_t word_end = content;
    while (word_end < yaml_.size() && !is_space(yaml_[word_end]) &&
           std::string_view(",]}#").find(yaml_[word_end]) == std::string_view::npos) {
      ++word_end;
    }
    ByteRange range{content, static_cast<uint32_t>(word_end)};
    // An empty value has no text: yaml-cpp places it at the next token.
    if (range.size() == 0 || !is_null_word(yaml_.substr(content, range.size()))) {
      const uint32_t at = empty_at != kNone ? empty_at : content;
      range = {at, at};
    }
    put("null", range);
    return range;
  }

  ByteRange emit_scalar(const YamlNode& node, uint32_t content) {
    ScalarSource source = locate_scalar(yaml_, content, node.value);
    const bool plain =
        node.tag == "?" || (node.tag.starts_with("tag:yaml.org,2002:") && node.tag != kStringTag);
    if (plain && is_null_word(node.value)) {
      put("null", source.range);
    } else if (plain && (node.value == "true" || node.value == "True" || node.value == "TRUE")) {
      put("true", source.range);
    } else if (plain && (node.value == "false" || node.value == "False" || node.value == "FALSE")) {
      put("false", source.range);
    } else if (plain && is_json_number(node.value)) {
      out_ += node.value;
      map_.append(source.value_map);
      check_budget(source.range.begin);
    } else {
      emit_string(node.value, source);
    }
    return source.range;
  }

  ByteRange emit_alias(const YamlNode& node, uint32_t content, uint32_t depth) {
    uint32_t end = content + 1;
    while (end < yaml_.size() && !is_space(yaml_[end]) &&
           std::string_view(",]}").find(yaml_[end]) == std::string_view::npos) {
      ++end;
    }
    const ByteRange range{content, end};
    const uint32_t target = tree_.anchored(node.alias_of);
    if (target == kNone) {
      put("null", range);
    } else {
      emit(target, depth + 1, kNone);
    }
    return range;
  }

  ByteRange emit_collection(const YamlNode& node, uint32_t content, uint32_t depth) {
    const bool mapping = node.kind == YamlKind::kMapping;
    const bool flow = content < yaml_.size() && (yaml_[content] == '[' || yaml_[content] == '{');
    put(mapping ? "{" : "[", {content, content});
    uint32_t last_end = flow ? content + 1 : content;
    bool first = true;
    for (uint32_t child = node.first_child; child != kNone; child = nodes_[child].next_sibling) {
      if (!first) put(",", {last_end, last_end});
      first = false;
      if (mapping) {
        const uint32_t value = nodes_[child].next_sibling;
        const uint32_t key_mark = nodes_[child].mark;
        ByteRange key = emit_key(child);
        put(":", {key.end, key.end});
        last_end = value == kNone ? key.end : emit(value, depth + 1, key.end).end;
        if (value == kNone) put("null", {key.end, key.end});
        child = value == kNone ? child : value;
        if (entries_) entries_->push_back({key_mark, std::max(key_mark, last_end)});
      } else {
        const ByteRange item = emit(child, depth + 1, kNone);
        last_end = item.end;
        if (entries_) entries_->push_back(item);
      }
    }
    uint32_t end = last_end;
    if (flow) {
      // The closing bracket follows the last entry, after blanks, comments and a last comma.
      std::size_t at = last_end;
      while (at < yaml_.size()) {
        const char c = yaml_[at];
        if (c == '#') {
          while (at < yaml_.size() && yaml_[at] != '\n') ++at;
        } else if (c == ']' || c == '}') {
          end = static_cast<uint32_t>(at + 1);
          break;
        } else if (is_space(c) || c == ',') {
          ++at;
        } else {
          break;
        }
      }
    }
    put(mapping ? "}" : "]", {end, end});
    return {content, end};
  }

  // A member name is always a JSON string: a key that is not a scalar is written as empty.
  ByteRange emit_key(uint32_t id) {
    const YamlNode* node = &nodes_[id];
    const uint32_t content = skip_properties(yaml_, node->mark);
    if (node->kind == YamlKind::kAlias) {
      const uint32_t target = tree_.anchored(node->alias_of);
      if (target != kNone && nodes_[target].kind == YamlKind::kScalar) {
        ScalarSource source =
            locate_scalar(yaml_, skip_properties(yaml_, nodes_[target].mark), nodes_[target].value);
        emit_string(nodes_[target].value, source);
        return {content, content + 1};
      }
    }
    if (node->kind != YamlKind::kScalar) {
      put("\"\"", {content, content});
      return {content, content};
    }
    ScalarSource source = locate_scalar(yaml_, content, node->value);
    emit_string(node->value, source);
    return source.range;
  }

  void emit_string(std::string_view value, const ScalarSource& source) {
    put("\"", {source.range.begin, source.range.begin});
    std::string escaped;
    OffsetMap::Builder to_value;
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string escape = json_escape(value[i]);
      if (escape.empty()) {
        escaped += value[i];
        to_value.verbatim(1, static_cast<uint32_t>(i));
      } else {
        escaped += escape;
        to_value.replaced(static_cast<uint32_t>(escape.size()),
                          {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
      }
    }
    if (!value.empty()) {
      out_ += escaped;
      map_.append(
          std::move(to_value).build(static_cast<uint32_t>(value.size())).then(source.value_map));
    }
    put("\"", {source.range.end, source.range.end});
  }

  void put(std::string_view text, ByteRange outer) {
    out_ += text;
    map_.replaced(static_cast<uint32_t>(text.size()), outer);
    check_budget(outer.begin);
  }

  void check_budget(uint32_t at) const {
    if (out_.size() <= limit_) return;
    throw Stop{yaml_error(at,
                          fmt::format("the YAML is more than {} times larger as JSON (its aliases "
                                      "expanded); it was not analysed",
                                      8),
                          true)};
  }

  std::string_view yaml_;
  const TreeBuilder& tree_;
  const std::vector<YamlNode>& nodes_;
  std::size_t limit_;
  std::vector<ByteRange>* entries_;
  std::string out_;
  OffsetMap::Builder map_;
};

// Where the first document ends: at the first "---" or "..." line after its root node.
uint32_t document_end(std::string_view yaml, uint32_t root_end) {
  for (std::size_t at = yaml.find('\n', root_end); at != std::string_view::npos;
       at = yaml.find('\n', at + 1)) {
    const std::string_view line = yaml.substr(at + 1);
    if ((line.starts_with("---") || line.starts_with("...")) &&
        (line.size() == 3 || is_space(line[3]))) {
      return static_cast<uint32_t>(at + 1);
    }
  }
  return static_cast<uint32_t>(yaml.size());
}

void describe_layout(std::string_view yaml, const TreeBuilder& tree, uint32_t root_end,
                     YamlLayout& layout) {
  for (const YamlNode& node : tree.nodes()) {
    if (node.kind != YamlKind::kScalar) continue;
    layout.scalars.push_back(
        locate_scalar(yaml, skip_properties(yaml, node.mark), node.value).range);
  }
  const auto by_start = [](ByteRange a, ByteRange b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  };
  std::sort(layout.scalars.begin(), layout.scalars.end(), by_start);
  // Aliases emit their anchor's entries again.
  std::sort(layout.entries.begin(), layout.entries.end(), by_start);
  layout.entries.erase(std::unique(layout.entries.begin(), layout.entries.end()),
                       layout.entries.end());
  layout.document_end = document_end(yaml, root_end);
}

}  // namespace

Result<MappedText, json::SyntaxError> yaml_to_json(std::string_view yaml, YamlLayout* layout) {
  if (auto error = check_yaml_text(yaml)) return Unexpected(*error);
  const auto base =
      static_cast<uint32_t>(yaml.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0);
  TreeBuilder tree(base);
  // yaml-cpp reports problems by throwing; they become values here, at the library's edge.
  try {
    ViewBuffer buffer(yaml);
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    parser.HandleNextDocument(tree);
    auto [json, root_end] = Emitter(yaml, tree, layout ? &layout->entries : nullptr).run();
    if (layout) describe_layout(yaml, tree, root_end, *layout);
    return std::move(json);
  } catch (const Stop& stop) {
    return Unexpected(stop.error);
  } catch (const YAML::Exception& error) {
    const uint32_t at = error.mark.is_null() ? 0 : base + static_cast<uint32_t>(error.mark.pos);
    return Unexpected(
        yaml_error(std::min<uint32_t>(at, static_cast<uint32_t>(yaml.size())), error.msg));
  }
}

}  // namespace iamlint::input
