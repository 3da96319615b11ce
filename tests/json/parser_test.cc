#include "json/parser.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/core.h>

namespace iamlint::json {
namespace {

using namespace std::string_view_literals;

Document parse_ok(std::string_view text) {
  auto doc = parse(text);
  INFO("text: ", std::string(text));
  REQUIRE_MESSAGE(doc.has_value(), (doc ? "" : doc.error().message));
  return std::move(doc).value();
}

SyntaxError parse_error(std::string_view text) {
  auto doc = parse(text);
  INFO("text: ", std::string(text));
  REQUIRE_FALSE(doc.has_value());
  return doc.error();
}

// The source text a range covers, or a description of a range that lies outside it.
std::string slice(std::string_view text, ByteRange range) {
  if (range.begin > range.end || range.end > text.size()) {
    return "<range " + std::to_string(range.begin) + ".." + std::to_string(range.end) + ">";
  }
  return std::string(text.substr(range.begin, range.size()));
}

std::vector<NodeId> children_of(const Document& doc, NodeId id) {
  std::vector<NodeId> ids;
  for (NodeId child : doc.children(id)) ids.push_back(child);
  return ids;
}

// Runs `body` in a child process, so that a crash fails one check instead of the whole run.
// The child exits with body()'s status; a signal (segfault, abort) is reported as -signal.
template <class Body>
int run_isolated(Body body) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // doctest's crash handlers would report from the child too; let the signal end it plainly.
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    signal(SIGABRT, SIG_DFL);
    _exit(body());
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string nested_arrays(uint32_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST_CASE("json parser keeps the byte range of every scalar") {
  constexpr std::string_view kText =
      R"({"s": "abc", "n": -1.5e3, "t": true, "f": false, "z": null})";
  Document doc = parse_ok(kText);
  struct Expected {
    std::string_view key;
    Kind kind;
    std::string_view source;
  };
  const Expected kMembers[] = {
      {"s", Kind::kString, R"("abc")"}, {"n", Kind::kNumber, "-1.5e3"}, {"t", Kind::kBool, "true"},
      {"f", Kind::kBool, "false"},      {"z", Kind::kNull, "null"},
  };
  std::vector<NodeId> members = children_of(doc, doc.root());
  REQUIRE(members.size() == std::size(kMembers));
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Node& node = doc.node(members[i]);
    CAPTURE(kMembers[i].key);
    CHECK(node.key() == kMembers[i].key);
    CHECK(node.kind == kMembers[i].kind);
    CHECK(slice(kText, node.range) == kMembers[i].source);
    CHECK(slice(kText, node.key_range) == "\"" + std::string(kMembers[i].key) + "\"");
    CHECK(node.parent == doc.root());
  }
  CHECK(doc.node(members[2]).boolean);
  CHECK_FALSE(doc.node(members[3]).boolean);
}

// RapidJSON's recursive parser reports brackets once it has taken them, as it does scalars.
TEST_CASE("json parser gives containers the byte range of their brackets") {
  constexpr std::string_view kText = R"({"a": [1, {"b": {}}], "c": []})";
  Document doc = parse_ok(kText);
  CHECK(slice(kText, doc.node(doc.root()).range) == kText);
  NodeId a = doc.find_member(doc.root(), "a");
  CHECK(slice(kText, doc.node(a).range) == R"([1, {"b": {}}])");
  NodeId inner = children_of(doc, a)[1];
  CHECK(slice(kText, doc.node(inner).range) == R"({"b": {}})");
  CHECK(slice(kText, doc.node(doc.find_member(inner, "b")).range) == "{}");
  CHECK(slice(kText, doc.node(doc.find_member(doc.root(), "c")).range) == "[]");
}

TEST_CASE("json parser links children in source order") {
  Document doc = parse_ok(R"([10, [20, 21], {"k": 30}, 40])");
  NodeId root = doc.root();
  REQUIRE(root == 0);
  CHECK(doc.node(root).is_array());
  CHECK(doc.node(root).child_count == 4);
  std::vector<NodeId> elements = children_of(doc, root);
  REQUIRE(elements.size() == 4);
  CHECK(doc.node(elements[0]).text() == "10");
  CHECK(doc.node(elements[1]).child_count == 2);
  CHECK(doc.node(elements[2]).is_object());
  CHECK(doc.node(elements[3]).text() == "40");
  CHECK(doc.node(elements[3]).next_sibling == kNoNode);
  for (NodeId element : elements) CHECK(doc.node(element).parent == root);
  // Array elements carry no key.
  CHECK(doc.node(elements[0]).key().empty());
  CHECK(doc.size() == 8);
}

TEST_CASE("json parser keeps duplicate keys in order") {
  Document doc = parse_ok(R"({"Effect": "Allow", "Sid": "x", "Effect": "Deny", "Effect": 3})");
  std::vector<std::string_view> keys;
  std::vector<std::string_view> values;
  for (NodeId member : doc.children(doc.root())) {
    keys.push_back(doc.node(member).key());
    values.push_back(doc.node(member).text());
  }
  CHECK(keys == std::vector<std::string_view>{"Effect", "Sid", "Effect", "Effect"});
  CHECK(values == std::vector<std::string_view>{"Allow", "x", "Deny", "3"});
  CHECK(doc.node(doc.root()).child_count == 4);

  SUBCASE("find_member returns the first") {
    NodeId first = doc.find_member(doc.root(), "Effect");
    CHECK(doc.node(first).text() == "Allow");
    CHECK(doc.find_member(doc.root(), "effect") == kNoNode);
    CHECK(doc.find_member(doc.root(), "Missing") == kNoNode);
  }
}

TEST_CASE("json parser decodes escaped strings and keys") {
  constexpr std::string_view kText =
      R"({"\u0041\/b": "tab\there \"q\" back\\slash \u00e9 \ud83d\ude00", "plain": "as is"})";
  Document doc = parse_ok(kText);
  std::vector<NodeId> members = children_of(doc, doc.root());
  REQUIRE(members.size() == 2);
  const Node& escaped = doc.node(members[0]);
  CHECK(escaped.key() == "A/b");
  CHECK(slice(kText, escaped.key_range) == R"("\u0041\/b")");
  CHECK(escaped.text() == "tab\there \"q\" back\\slash \xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(slice(kText, escaped.range) == R"("tab\there \"q\" back\\slash \u00e9 \ud83d\ude00")");

  SUBCASE("strings without escapes are views into the source") {
    const Node& plain = doc.node(members[1]);
    CHECK(plain.text() == "as is");
    CHECK(plain.text().data() == kText.data() + plain.range.begin + 1);
    CHECK(plain.key().data() == kText.data() + plain.key_range.begin + 1);
  }
  SUBCASE("a decoded key or text beside a plain one") {
    Document mixed = parse_ok(R"({"k\/1": "v1", "k2": "v\/2", "k\/3": ["v\/3"]})");
    std::vector<std::string_view> seen;
    for (NodeId member : mixed.children(mixed.root())) {
      seen.push_back(mixed.node(member).key());
      if (mixed.node(member).is_string()) seen.push_back(mixed.node(member).text());
    }
    const NodeId array = mixed.find_member(mixed.root(), "k/3");
    REQUIRE(array != kNoNode);
    seen.push_back(mixed.node(mixed.node(array).first_child).text());
    CHECK(seen == std::vector<std::string_view>{"k/1", "v1", "k2", "v/2", "k/3", "v/3"});
  }
  SUBCASE("decoded text survives moving the document") {
    Document moved = std::move(doc);
    CHECK(moved.node(members[0]).text().starts_with("tab\there"));
  }
}

TEST_CASE("json parser finds where strings end past escaped quotes and backslashes") {
  // Each string holds an escape that could be taken for the quote that ends it: in the last, the
  // decoded text is three bytes long and the fourth byte of the source is an escaped quote.
  constexpr std::string_view kText = R"(["a\\", "\"", "x\\\"y", "\\\\", "\"\"\""])";
  Document doc = parse_ok(kText);
  std::vector<std::string> sources;
  std::vector<std::string_view> texts;
  for (NodeId element : doc.children(doc.root())) {
    sources.push_back(slice(kText, doc.node(element).range));
    texts.push_back(doc.node(element).text());
  }
  CHECK(sources ==
        std::vector<std::string>{R"("a\\")", R"("\"")", R"("x\\\"y")", R"("\\\\")", R"("\"\"\"")"});
  CHECK(texts == std::vector<std::string_view>{R"(a\)", R"(")", R"(x\"y)", R"(\\)", R"(""")"});
}

TEST_CASE("json parser keeps a string that contains an escaped NUL") {
  Document doc = parse_ok(R"({"a": "x\u0000y"})");
  CHECK(doc.node(doc.find_member(doc.root(), "a")).text() == "x\0y"sv);
}

TEST_CASE("json parser keeps numbers exactly as written") {
  constexpr std::string_view kNumbers[] = {"0",
                                           "-0",
                                           "1.50",
                                           "1E+2",
                                           "-12e-3",
                                           "123456789012345678901234567890",
                                           "0.1000000000000000000001"};
  for (std::string_view number : kNumbers) {
    CAPTURE(number);
    std::string text = "[" + std::string(number) + "]";
    Document doc = parse_ok(text);
    const Node& node = doc.node(*doc.children(doc.root()).begin());
    CHECK(node.kind == Kind::kNumber);
    CHECK(node.text() == number);
  }
}

// RapidJSON converts every number to a double on the way, so one past that range is rejected
// with a message that says so rather than RapidJSON's own.
TEST_CASE("json parser rejects numbers beyond the range of a double with a clear message") {
  SyntaxError error = parse_error(R"({"NumericLessThan": 1e400})");
  CHECK(error.offset == 20);
  CHECK(error.message.starts_with("number too large: iamlint reads numbers up to about 1.8e308"));
  CHECK(parse_ok("[1.7e308, -1.7e308]").size() == 3);
}

// A root string's opening quote is at offset 0, where a backwards scan for backslashes could
// read before the buffer; a crash there would end the whole test run, hence the child process.
TEST_CASE("json parser accepts a string as the whole document") {
  int status = run_isolated([] {
    auto doc = parse(R"("abc")");
    if (!doc) return 1;
    const Node& root = doc->node(doc->root());
    return root.is_string() && root.text() == "abc" && root.range == ByteRange{0, 5} ? 0 : 2;
  });
  CHECK_MESSAGE(status == 0, "status ", status, " (negative: killed by that signal)");
}

// Document::node checks its id in the builds the tests run (support/assert.h): kNoNode, which
// ends every child and sibling chain, must stop the program rather than read past the nodes.
#ifndef NDEBUG
TEST_CASE("json Document::node stops the program at an id that names no node") {
  const Document doc = parse_ok(R"({"a": [1]})");
  for (NodeId id : {kNoNode, static_cast<NodeId>(doc.size())}) {
    int status = run_isolated([&] {
      std::freopen("/dev/null", "w", stderr);  // the expected assertion message
      return doc.node(id).is_string() ? 1 : 2;
    });
    CHECK_MESSAGE(status == -SIGABRT, "id ", id, ": status ", status);
  }
}
#endif

TEST_CASE("json parser accepts any scalar as the whole document") {
  const std::string_view kScalars[] = {"  \"abc\"", "42", "true", "null", " -1 "};
  for (std::string_view text : kScalars) {
    Document doc = parse_ok(text);
    CHECK(doc.size() == 1);
    CHECK_FALSE(doc.node(doc.root()).is_container());
  }
}

TEST_CASE("json parser skips a byte-order mark") {
  constexpr std::string_view kText = "\xEF\xBB\xBF{\"a\": \"b\"}";
  Document doc = parse_ok(kText);
  NodeId a = doc.find_member(doc.root(), "a");
  REQUIRE(a != kNoNode);
  CHECK(slice(kText, doc.node(a).range) == "\"b\"");
  CHECK(doc.node(a).range.begin == 9);

  SUBCASE("a byte-order mark alone is an empty file") {
    SyntaxError error = parse_error("\xEF\xBB\xBF");
    CHECK(error.message == "the file is empty: expected a JSON object");
  }
  SUBCASE("a byte-order mark later on is not skipped") {
    SyntaxError error = parse_error(" \xEF\xBB\xBF{}");
    CHECK(error.offset == 1);
  }
}

TEST_CASE("json parser reports syntax errors with the offset of the problem") {
  struct Case {
    std::string_view text;
    uint32_t offset;
    std::string_view message;
  };
  const Case kCases[] = {
      {"", 0, "the file is empty: expected a JSON object"},
      {" \n\t ", 4, "the file is empty: expected a JSON object"},
      // So RapidJSON's iterative parser calls a text that starts where no value may.
      {" ]", 1, "the file is empty: expected a JSON object"},
      {"\xEF\xBB\xBF, 1", 3, "the file is empty: expected a JSON object"},
      {R"({"a" 1})", 5, "missing a colon after a name of object member; found '1'"},
      {R"({"a": })", 6, "invalid value; found '}'"},
      {"[1,]", 3, "invalid value; found ']'"},
      {R"({"a": 1,})", 8, "missing a name for object member; found '}'"},
      {R"({"a": 1)", 7,
       "missing a comma or '}' after an object member; found the end of the input"},
      {"{} x", 3, "the document root must not be followed by other values; found 'x'"},
      {"{\"a\": \x01}", 6, "invalid value; found byte 0x01"},
      {"{\"a\": \"x\x80\"}", 8, "invalid encoding in string; found byte 0x80"},
      // Overlong form, UTF-8-encoded surrogate, and a lone high surrogate escape.
      {"[\"\xC0\xAF\"]", 2, "invalid encoding in string; found byte 0xC0"},
      {"[\"\xED\xA0\x80\"]", 2, "invalid encoding in string; found byte 0xED"},
      {R"(["\uD800"])", 2, "the surrogate pair in string is invalid; found '\\'"},
      // Past the 16 bytes that RapidJSON's SSE2 scan reads at once, which miss 0x1A-0x1F.
      {"[\"0123456789abcdef\x1C\"]", 18, "invalid escape character in string; found byte 0x1C"},
      // The same after a character that is not ASCII, and in the first eight bytes.
      {"[\"\xC3\xA9 0123456789abcdef\x1D\"]", 21,
       "invalid escape character in string; found byte 0x1D"},
      {"[\"abc\x1A\", 1, 2]", 5, "invalid escape character in string; found byte 0x1A"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    SyntaxError error = parse_error(c.text);
    CHECK(error.offset == c.offset);
    CHECK(error.message == c.message);
  }
}

// RapidJSON 1.1.0 decodes a lone low-surrogate escape to bytes that are not UTF-8; the parser
// turns that into a syntax error, as RapidJSON does for a lone high surrogate.
TEST_CASE("json parser rejects a lone low surrogate escape") {
  struct Case {
    std::string_view text;
    uint32_t offset;  // the opening quote of the string (or key) that holds the escape
  };
  const Case kCases[] = {
      {R"(["\uDC00"])", 1}, {R"(["ok", "x\udfff"])", 7}, {R"({"\uDC00": 1})", 1}};
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    SyntaxError error = parse_error(c.text);
    CHECK(error.offset == c.offset);
    CHECK(error.message ==
          "a \\u escape in this string is a lone UTF-16 surrogate, which is not a character");
  }
  SUBCASE("a valid pair is decoded") {
    Document doc = parse_ok(R"(["\uD83D\uDE00"])");
    CHECK(doc.node(*doc.children(doc.root()).begin()).text() == "\xF0\x9F\x98\x80");
  }
}

TEST_CASE("json parser handles NUL bytes") {
  SUBCASE("inside the value it is a syntax error at the NUL") {
    SyntaxError error = parse_error("{\"a\":\0}"sv);
    CHECK(error.offset == 5);
    CHECK(error.message == "invalid value; found byte 0x00");
  }
  SUBCASE("after a complete value it is reported, not ignored") {
    const std::string_view kTexts[] = {"{}\0"sv, "{} \n\0{\"x\": 1}"sv};
    for (std::string_view text : kTexts) {
      SyntaxError error = parse_error(text);
      CHECK(error.offset == text.find('\0'));
      CHECK(error.message == "unexpected NUL byte after the JSON value");
    }
  }
}

TEST_CASE("json parser caps nesting depth") {
  SUBCASE("kMaxDepth levels parse") {
    Document doc = parse_ok(nested_arrays(kMaxDepth));
    CHECK(doc.size() == kMaxDepth);
  }
  SUBCASE("one more level is an error") {
    SyntaxError error = parse_error(nested_arrays(kMaxDepth + 1));
    CHECK(error.message == "values nest more than 128 levels deep");
  }
  SUBCASE("very deep input fails without exhausting the stack") {
    SyntaxError error = parse_error(std::string(1'000'000, '['));
    CHECK(error.message == "values nest more than 128 levels deep");
  }
}

// An array of `count` copies of `element`.
std::string array_of(std::string_view element, std::size_t count) {
  std::string text = "[";
  for (std::size_t i = 0; i < count; ++i) text.append(element).append(",");
  text.back() = ']';
  return text;
}

TEST_CASE("json parser bounds the values of a text by its size") {
  constexpr std::size_t kFourMiB = std::size_t{4} << 20;
  SUBCASE("up to 4 MiB: a million \"*\" in an Action array, not two million numbers") {
    const std::string stars = array_of("\"*\"", kFourMiB / 4 - 1);
    CHECK(stars.size() <= kFourMiB);
    CHECK(parse_ok(stars).size() == kFourMiB / 4);
    const std::string numbers = array_of("1", kFourMiB / 2 - 1);
    const SyntaxError error = parse_error(numbers);
    CHECK(error.limit);
    CHECK(error.message == fmt::format("the text holds more than {} values, more than a file of "
                                       "its size may; it was not analysed",
                                       max_values(numbers.size())));
    CHECK(error.offset == 2 * max_values(numbers.size()) - 1);  // node 0 is the array
  }
  SUBCASE("beyond 4 MiB, one value more per 32 bytes") {
    CHECK(max_values(kFourMiB + 32 * 1000) == max_values(kFourMiB) + 1000);
  }
}

TEST_CASE("json parser reports the bracket that exceeds the depth cap") {
  std::string text = "  " + nested_arrays(kMaxDepth + 1);
  SyntaxError error = parse_error(text);
  CHECK(error.offset == 2 + kMaxDepth);
  CHECK(text[error.offset] == '[');
}

TEST_CASE("json document builds RFC 6901 pointers") {
  Document doc = parse_ok(R"({"Statement": [{"Action": ["a", "b"]}], "a/b": {"c~d": 1}})");
  NodeId statement = doc.find_member(doc.root(), "Statement");
  NodeId first = *doc.children(statement).begin();
  NodeId action = doc.find_member(first, "Action");
  NodeId b = children_of(doc, action)[1];
  CHECK(doc.pointer(doc.root()).empty());
  CHECK(doc.pointer(statement) == "/Statement");
  CHECK(doc.pointer(first) == "/Statement/0");
  CHECK(doc.pointer(b) == "/Statement/0/Action/1");
  NodeId escaped = doc.find_member(doc.find_member(doc.root(), "a/b"), "c~d");
  CHECK(doc.pointer(escaped) == "/a~1b/c~0d");
}

TEST_CASE("json kind names") {
  CHECK(kind_name(Kind::kNull) == "null");
  CHECK(kind_name(Kind::kBool) == "boolean");
  CHECK(kind_name(Kind::kNumber) == "number");
  CHECK(kind_name(Kind::kString) == "string");
  CHECK(kind_name(Kind::kArray) == "array");
  CHECK(kind_name(Kind::kObject) == "object");
}

}  // namespace
}  // namespace iamlint::json
