#include "json/parser.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <fmt/core.h>

#include "support/assert.h"
#include "support/text.h"

namespace iamlint::json {

// Builds the tree from RapidJSON's SAX events. RapidJSON reports no positions, so the parse runs
// in situ on a private copy of the text: strings and numbers then arrive as pointers into that
// copy, which give their offsets. The other events read the stream's offset, which is just past
// the token: past null, true and false, and past the bracket that opens or closes a container
// (the recursive parser calls StartObject/StartArray and EndObject/EndArray once it has taken
// the bracket).
class TreeBuilder {
 public:
  using Ch = char;

  // `buffer` is the copy the stream reads, with the same offsets as `text`.
  TreeBuilder(std::string_view text, const char* buffer,
              const rapidjson::InsituStringStream& stream, Document& doc)
      : text_(text),
        buffer_(buffer),
        stream_(stream),
        doc_(doc),
        max_values_(max_values(text.size())) {
    doc_.store_->source = text;
    // Every value takes at least two bytes ("1,"): room for all that may come, so that the nodes
    // are never copied to a larger array. Pages not written to take no memory.
    doc_.nodes_.reserve(std::min(max_values_, text.size() / 2 + 1));
  }

  // Why the builder stopped the parse, when it did.
  const std::optional<SyntaxError>& stopped() const { return stop_; }
  uint32_t offset() const { return offset_of(stream_.src_); }

  bool Null() { return add_scalar(Kind::kNull, offset() - 4); }
  bool Bool(bool value) {
    Node* node = add(Kind::kBool, offset() - (value ? 4 : 5));
    if (node == nullptr) return false;
    node->boolean = value;
    node->range.end = offset();
    return true;
  }
  bool RawNumber(const Ch* number, rapidjson::SizeType length, bool) {
    const uint32_t begin = offset_of(number);
    Node* node = add(Kind::kNumber, begin);
    if (node == nullptr) return false;
    node->range.end = begin + length;
    return true;
  }
  // Unused: kParseNumbersAsStringsFlag routes every number to RawNumber.
  bool Int(int) { IAMLINT_UNREACHABLE("Int"); }
  bool Uint(unsigned) { IAMLINT_UNREACHABLE("Uint"); }
  bool Int64(int64_t) { IAMLINT_UNREACHABLE("Int64"); }
  bool Uint64(uint64_t) { IAMLINT_UNREACHABLE("Uint64"); }
  bool Double(double) { IAMLINT_UNREACHABLE("Double"); }

  bool String(const Ch* decoded, rapidjson::SizeType length, bool) {
    const ByteRange range = string_range(decoded, length);
    const std::optional<bool> kept = keep(range, decoded, length);
    if (!kept) return false;
    Node* node = add(Kind::kString, range.begin);
    if (node == nullptr) return false;
    node->range = range;
    if (*kept) {
      // Decoded right after the node's key, when that was decoded too.
      if ((node->decoded & Node::kKeyDecoded) == 0) node->first_decoded = last_decoded();
      node->decoded |= Node::kTextDecoded;
    }
    return true;
  }
  bool Key(const Ch* decoded, rapidjson::SizeType length, bool) {
    pending_key_range_ = string_range(decoded, length);
    const std::optional<bool> kept = keep(pending_key_range_, decoded, length);
    if (!kept) return false;
    pending_key_decoded_ = *kept;
    if (*kept) pending_key_index_ = last_decoded();
    return true;
  }
  bool StartObject() { return open(Kind::kObject); }
  bool StartArray() { return open(Kind::kArray); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  struct Frame {
    NodeId container;
    NodeId last_child = kNoNode;
  };

  uint32_t offset_of(const Ch* in_buffer) const {
    return static_cast<uint32_t>(in_buffer - buffer_);
  }

  // The source range of a string, quotes included, that RapidJSON decoded in place to `length`
  // bytes from `decoded` on: its opening quote is just before. A string without escapes is as
  // long in the source, and its closing quote follows; a quote there that no backslash precedes
  // is that one, as the quotes inside a string are all escaped. Otherwise the raw string is longer
  // and its closing quote is the first one that is not escaped. (RapidJSON parses a string on a
  // copy of the stream, so the stream's offset is still at its start.)
  ByteRange string_range(const Ch* decoded, rapidjson::SizeType length) const {
    const uint32_t begin = offset_of(decoded) - 1;
    std::string_view raw = text_.substr(begin + 1);
    if (raw.size() > length && raw[length] == '"' && (length == 0 || raw[length - 1] != '\\')) {
      return {begin, begin + length + 2};
    }
    // RapidJSON read the whole string, so its closing quote is there.
    std::size_t at = 0;
    while (at < raw.size() && raw[at] != '"') at += raw[at] == '\\' ? 2 : 1;
    IAMLINT_ASSERT(at < raw.size());
    return {begin, static_cast<uint32_t>(begin + at + 2)};
  }

  // Strings without escapes decode to their own bytes, so the source holds them; every escape
  // shortens the text, so equal length means no escape. The others were decoded into the private
  // copy, which dies with the parse, so they are kept in the Document's store: then the answer is
  // true. RapidJSON decodes a lone low surrogate (\uDC00) to bytes that are not UTF-8; such a
  // string stops the parse (nullopt).
  std::optional<bool> keep(ByteRange range, const Ch* decoded, rapidjson::SizeType length) {
    if (range.size() - 2 == length) return false;
    std::string_view text(decoded, length);
    if (!is_valid_utf8(text)) {
      stop_ = SyntaxError{
          range.begin,
          "a \\u escape in this string is a lone UTF-16 surrogate, which is not a character"};
      return std::nullopt;
    }
    doc_.store_->decoded.emplace_back(text);
    return true;
  }

  uint32_t last_decoded() const { return static_cast<uint32_t>(doc_.store_->decoded.size() - 1); }

  // The new node, valid until the next one is added; null when the text holds more values than
  // its size allows (max_values).
  Node* add(Kind kind, uint32_t begin) {
    if (doc_.nodes_.size() >= max_values_) {
      stop_ = SyntaxError{begin,
                          fmt::format("the text holds more than {} values, more than a file of its "
                                      "size may; it was not analysed",
                                      max_values_),
                          true};
      return nullptr;
    }
    NodeId id = static_cast<NodeId>(doc_.nodes_.size());
    Node& node = doc_.nodes_.emplace_back();
    node.kind = kind;
    node.range = {begin, begin};
    node.store = doc_.store_.get();
    if (!stack_.empty()) {
      Frame& frame = stack_.back();
      Node& parent = doc_.nodes_[frame.container];
      node.parent = frame.container;
      if (parent.is_object()) {
        node.key_range = pending_key_range_;
        if (pending_key_decoded_) {
          node.decoded = Node::kKeyDecoded;
          node.first_decoded = pending_key_index_;
        }
      }
      if (frame.last_child == kNoNode) {
        parent.first_child = id;
      } else {
        doc_.nodes_[frame.last_child].next_sibling = id;
      }
      frame.last_child = id;
      ++parent.child_count;
    }
    return &node;
  }

  bool add_scalar(Kind kind, uint32_t begin) {
    Node* node = add(kind, begin);
    if (node == nullptr) return false;
    node->range.end = offset();
    return true;
  }

  // Each level of nesting is a level of recursion in RapidJSON's parser, which the depth cap stops
  // at kMaxDepth whatever the text's depth.
  bool open(Kind kind) {
    const uint32_t bracket = offset() - 1;
    if (stack_.size() >= kMaxDepth) {
      stop_ = SyntaxError{bracket, fmt::format("values nest more than {} levels deep", kMaxDepth)};
      return false;
    }
    if (add(kind, bracket) == nullptr) return false;
    stack_.push_back({static_cast<NodeId>(doc_.nodes_.size() - 1)});
    return true;
  }

  bool close() {
    doc_.nodes_[stack_.back().container].range.end = offset();
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  const Ch* buffer_;
  const rapidjson::InsituStringStream& stream_;
  Document& doc_;
  std::vector<Frame> stack_;
  ByteRange pending_key_range_;
  bool pending_key_decoded_ = false;
  uint32_t pending_key_index_ = 0;  // in the store's decoded strings, when pending_key_decoded_
  std::optional<SyntaxError> stop_;
  std::size_t max_values_;
};

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kSimdPadding = 16;

// What stands at `offset`, for messages: a printable character in quotes, else a byte code.
std::string describe_found(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return "the end of the input";
  auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x20 && byte < 0x7F) return fmt::format("'{}'", static_cast<char>(byte));
  return fmt::format("byte 0x{:02X}", byte);
}

std::string describe_error(rapidjson::ParseErrorCode code, std::string_view text, uint32_t offset) {
  std::string_view what = rapidjson::GetParseError_En(code);
  if (what.ends_with('.')) what.remove_suffix(1);
  std::string message(what);
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  if (code == rapidjson::kParseErrorDocumentEmpty)
    return "the file is empty: expected a JSON object";
  // RapidJSON converts every number to a double on the way, even when it hands over the text.
  if (code == rapidjson::kParseErrorNumberTooBig) {
    return "number too large: iamlint reads numbers up to about 1.8e308 (policies never need more)";
  }
  return fmt::format("{}; found {}", message, describe_found(text, offset));
}

// Copies `text` to `buffer` (as large) and says whether RapidJSON's fast path may parse it: valid
// UTF-8 without a byte from 0x1A to 0x1F (see has_control_unseen_by_sse2). The ASCII blocks that
// make up nearly every file are copied and checked for both in one pass; the general checks take
// over at the first byte that is not ASCII.
bool copy_for_fast_path(std::string_view text, char* buffer) {
  std::size_t at = 0;
#ifdef __SSE2__
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(buffer + at), block);
    // Bytes from 0x80 on are negative as signed bytes, so none of them is above 0x19.
    const __m128i unseen = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8(0x19)),
                                         _mm_cmplt_epi8(block, _mm_set1_epi8(0x20)));
    if (_mm_movemask_epi8(block) != 0) break;
    if (_mm_movemask_epi8(unseen) != 0) {
      std::memcpy(buffer + at, text.data() + at, text.size() - at);
      return false;
    }
  }
#endif
  if (at < text.size()) std::memcpy(buffer + at, text.data() + at, text.size() - at);
  // Only ASCII lies before `at`, so a character starts there.
  const std::string_view rest = text.substr(at);
  return is_valid_utf8(rest) && !has_control_unseen_by_sse2(rest);
}

}  // namespace

Result<Document, SyntaxError> parse(std::string_view text) {
  // RapidJSON reads '\0' as the end of input, so the parse stops at the first NUL byte and a NUL
  // that follows a complete value is reported here.
  std::string_view parsed = text.substr(0, text.find('\0'));
  std::size_t start = parsed.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;

  // The copy RapidJSON parses in situ. Its SIMD scans read whole aligned 16-byte blocks, so the
  // block that holds the terminating NUL must lie within the buffer.
  auto buffer = std::make_unique_for_overwrite<char[]>(parsed.size() + kSimdPadding);
  std::memset(buffer.get() + parsed.size(), 0, kSimdPadding);
  const bool fast_path = copy_for_fast_path(parsed, buffer.get());

  Document doc;
  rapidjson::InsituStringStream stream(buffer.get());
  stream.src_ += start;  // offsets count from the start of the text, byte-order mark included
  TreeBuilder builder(parsed, buffer.get(), stream, doc);
  rapidjson::Reader reader;
  // Encoding is validated up front, which is far faster than RapidJSON's check of each byte of
  // each string; only a text that is not valid UTF-8 is parsed with that check, to say where.
  // That check also turns off the SSE2 scans, which a raw control byte 0x1A-0x1F would slip past.
  // The recursive parser is the faster, and the depth cap bounds its recursion (TreeBuilder::open).
  // The iterative one, which iamlint used before, calls a text that starts with ',', ':', ']' or
  // '}' empty where the recursive one finds an invalid value: such a text keeps its message. It
  // stops at that first byte, before any event.
  constexpr unsigned kFlags = rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag;
  const std::size_t first = parsed.find_first_not_of(" \t\n\r", start);
  const bool no_value = first != std::string_view::npos &&
                        std::string_view(",:]}").find(parsed[first]) != std::string_view::npos;
  rapidjson::ParseResult result =
      no_value    ? reader.Parse<kFlags | rapidjson::kParseIterativeFlag>(stream, builder)
      : fast_path ? reader.Parse<kFlags>(stream, builder)
                  : reader.Parse<kFlags | rapidjson::kParseValidateEncodingFlag>(stream, builder);
  if (builder.stopped()) return Unexpected(*builder.stopped());
  if (result.IsError()) {
    auto offset = static_cast<uint32_t>(result.Offset());
    return Unexpected(SyntaxError{offset, describe_error(result.Code(), text, offset)});
  }
  if (parsed.size() != text.size()) {
    auto offset = static_cast<uint32_t>(parsed.size());
    return Unexpected(SyntaxError{offset, "unexpected NUL byte after the JSON value"});
  }
  return doc;
}

}  // namespace iamlint::json
