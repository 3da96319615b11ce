#include "input/yaml_comments.h"

#include <algorithm>
#include <optional>

#include "input/yaml_text.h"

namespace iamlint::input {
namespace {

constexpr uint32_t kNoOffset = UINT32_MAX;

uint32_t line_start(std::string_view text, uint32_t at) {
  const std::size_t before = at == 0 ? std::string_view::npos : text.find_last_of("\r\n", at - 1);
  return before == std::string_view::npos ? 0 : static_cast<uint32_t>(before + 1);
}

// The start of the line after the one that ends at `end`.
uint32_t next_line(std::string_view text, uint32_t end) {
  if (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] == '\n') ++end;
  return end;
}

// Reads the file's lines with the document's layout: where comments start, what follows them.
class CommentReader {
 public:
  CommentReader(std::string_view yaml, const YamlLayout& layout) : yaml_(yaml), layout_(layout) {}

  // Where a comment starts in the line [begin, end), if it holds one.
  [[nodiscard]] std::optional<uint32_t> comment_start(uint32_t begin, uint32_t end) const {
    for (uint32_t at = begin; at < end; ++at) {
      if (yaml_[at] == '#' && (at == begin || is_blank(yaml_[at - 1])) && !in_scalar(at)) return at;
    }
    return std::nullopt;
  }

  // The start of the first line from `from` on that holds more than blanks and comments, or
  // kNoOffset.
  [[nodiscard]] uint32_t next_content_line(uint32_t from) {
    // Consecutive comment lines all lead to the same line: each line is read once.
    if (searched_from_ <= from && from <= found_) return found_;
    uint32_t found = kNoOffset;
    for (uint32_t line = from; line < layout_.document_end;) {
      const uint32_t end = line_end(yaml_, line);
      uint32_t first = line;
      while (first < end && is_blank(yaml_[first])) ++first;
      if (first < end && comment_start(line, end) != first) {
        found = line;
        break;
      }
      line = next_line(yaml_, end);
    }
    searched_from_ = from;
    found_ = found;
    return found;
  }

  // The line that starts at `line` and every entry that starts on it, whole.
  [[nodiscard]] ByteRange covered(uint32_t line) {
    if (covered_.begin == line) return covered_;
    const uint32_t end = line_end(yaml_, line);
    ByteRange covers{line, end};
    const auto& entries = layout_.entries;
    auto it = std::lower_bound(entries.begin(), entries.end(), line,
                               [](ByteRange entry, uint32_t at) { return entry.begin < at; });
    for (; it != entries.end() && it->begin < end; ++it) covers.end = std::max(covers.end, it->end);
    covered_ = covers;
    return covers;
  }

 private:
  [[nodiscard]] bool in_scalar(uint32_t at) const {
    const auto& scalars = layout_.scalars;
    auto after = std::upper_bound(scalars.begin(), scalars.end(), at,
                                  [](uint32_t offset, ByteRange s) { return offset < s.begin; });
    return after != scalars.begin() && (after - 1)->contains(at);
  }

  std::string_view yaml_;
  const YamlLayout& layout_;
  uint32_t searched_from_ = kNoOffset;  // the last search for a content line, and what it found
  uint32_t found_ = kNoOffset;
  ByteRange covered_{kNoOffset, kNoOffset};  // the last range covered
};

// Where the directive starts on the comment [begin, end): at a '#' (the comment's own or one after
// a blank) followed by blanks and "iamlint-ignore" as a word of its own. Returns the offset after
// the directive's name.
std::optional<uint32_t> directive_in(std::string_view yaml, uint32_t begin, uint32_t end) {
  for (uint32_t at = begin; at < end; ++at) {
    if (yaml[at] != '#' || (at > begin && !is_blank(yaml[at - 1]))) continue;
    uint32_t name = at + 1;
    while (name < end && is_blank(yaml[name])) ++name;
    const std::string_view rest = yaml.substr(name, end - name);
    if (!rest.starts_with(kIgnoreDirective)) continue;
    const std::size_t after = kIgnoreDirective.size();
    if (rest.size() == after || is_blank(rest[after]) || rest[after] == ':' || rest[after] == ',')
      return static_cast<uint32_t>(name + after);
  }
  return std::nullopt;
}

}  // namespace

std::vector<DirectiveComment> find_directive_comments(std::string_view yaml,
                                                      const YamlLayout& layout) {
  std::vector<DirectiveComment> out;
  const std::string_view document = yaml.substr(0, layout.document_end);
  CommentReader reader(yaml, layout);
  uint32_t done = 0;  // lines before this offset have been read
  for (std::size_t found = document.find(kIgnoreDirective); found != std::string_view::npos;
       found = document.find(kIgnoreDirective, std::max<std::size_t>(found + 1, done))) {
    const auto at = static_cast<uint32_t>(found);
    if (at < done) continue;
    const uint32_t begin = line_start(yaml, at);
    const uint32_t end = std::min(line_end(yaml, at), layout.document_end);
    done = end;
    const std::optional<uint32_t> comment = reader.comment_start(begin, end);
    if (!comment) continue;
    const std::optional<uint32_t> text = directive_in(yaml, *comment, end);
    if (!text) continue;
    const bool trailing = std::any_of(yaml.begin() + begin, yaml.begin() + *comment,
                                      [](char c) { return !is_blank(c); });
    const uint32_t line = trailing ? begin : reader.next_content_line(next_line(yaml, end));
    out.push_back({.range = {*comment, end},
                   .text = yaml.substr(*text, end - *text),
                   .covers = line != kNoOffset ? reader.covered(line) : ByteRange{end, end}});
  }
  return out;
}

}  // namespace iamlint::input
