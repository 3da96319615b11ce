#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>

#include "engine/linter.h"
#include "engine/registry.h"
#include "report/github_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/json_reporter.h"
#include "report/json_writer.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"
#include "report/totals.h"
#include "support/text.h"

namespace iamlint::report {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kEmoji = "\xF0\x9F\x98\x80";  // two UTF-16 code units
constexpr std::string_view kCjk = "\xE4\xB8\xAD";        // one UTF-16 code unit

// Action "*" (IAM201) on line 5, column 15.
constexpr std::string_view kAdmin = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "*",
    "Resource": "arn:aws:s3:::b/*"
  }]
}
)";

// One line; `action` is the whole JSON value of Action, which starts at column 45.
std::string one_line_policy(std::string_view action) {
  return R"({"Statement": {"Effect": "Allow", "Action": )" + std::string(action) +
         R"(, "Resource": "arn:aws:s3:::b/*"}})";
}

struct Input {
  std::string path;
  std::string text;
};

// Files as the lint command hands them to reporters: every file through engine::lint, sorted by
// path.
struct Linted {
  std::vector<const engine::Rule*> rules;
  std::vector<engine::FileResult> files;
  std::vector<Error> errors;  // inputs that could not be read
};

// `select` as for --select; tests name their rules so that new rules do not change them.
Linted lint(std::vector<Input> inputs, std::vector<std::string> select) {
  Linted linted;
  auto rules = engine::select_rules(select, {});
  REQUIRE(rules.has_value());
  linted.rules = std::move(*rules);
  for (Input& input : inputs) {
    source::SourceFile file{.path = std::move(input.path), .text = std::move(input.text)};
    linted.files.push_back(engine::lint(std::move(file), {.rules = linted.rules}));
  }
  std::sort(linted.files.begin(), linted.files.end(),
            [](const engine::FileResult& a, const engine::FileResult& b) {
              return a.source.path < b.source.path;
            });
  return linted;
}

Linted lint_one(std::string path, std::string_view text, std::vector<std::string> select) {
  return lint({{std::move(path), std::string(text)}}, std::move(select));
}

// Streams the files through `reporter` as the lint command does; returns what it wrote to `out`.
std::string stream(Reporter& reporter, const std::ostringstream& out, const Linted& linted) {
  reporter.begin();
  for (const engine::FileResult& file : linted.files) reporter.file(file);
  reporter.end(linted.errors);
  return out.str();
}

std::string text_report(const Linted& linted, bool color = false) {
  std::ostringstream out;
  TextReporter reporter({.color = color}, out);
  return stream(reporter, out, linted);
}

std::string summary(const Linted& linted) {
  Totals totals;
  for (const engine::FileResult& file : linted.files) totals.add(file);
  std::ostringstream out;
  write_summary(totals, {}, out);
  return out.str();
}

std::string sarif_report(const Linted& linted) {
  std::ostringstream out;
  SarifReporter reporter({.version = "9.9.9", .information_uri = "https://example.com/iamlint"},
                         out);
  return stream(reporter, out, linted);
}

std::string json_report(const Linted& linted) {
  std::ostringstream out;
  JsonReporter reporter(out);
  return stream(reporter, out, linted);
}

// Parses a report back, insisting on valid UTF-8 throughout.
rapidjson::Document parse_report(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  INFO("report: ", text);
  REQUIRE_MESSAGE(!doc.HasParseError(), rapidjson::GetParseError_En(doc.GetParseError()), " at ",
                  doc.GetErrorOffset());
  return doc;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string_view::npos; start = end + 1) {
    lines.emplace_back(text.substr(start, end - start));
  }
  if (start < text.size()) lines.emplace_back(text.substr(start));
  return lines;
}

// Removes SGR sequences (ESC [ ... m), which is all the colour palette writes.
std::string strip_colors(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      REQUIRE(i != std::string_view::npos);
      continue;
    }
    out += text[i];
  }
  return out;
}

// Reads reports through JSON pointers, so that a missing member or a wrong type fails a check
// instead of tripping RapidJSON's assertions (which would end the whole run).
const rapidjson::Value* find(const rapidjson::Value& root, const std::string& pointer) {
  return rapidjson::Pointer(pointer.c_str()).Get(root);
}

bool has(const rapidjson::Value& root, const std::string& pointer) {
  return find(root, pointer) != nullptr;
}

const rapidjson::Value& get(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value* value = find(root, pointer);
  INFO("JSON pointer: ", pointer);
  REQUIRE(value != nullptr);
  return *value;
}

std::string_view get_string(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value& value = get(root, pointer);
  INFO("JSON pointer: ", pointer);
  REQUIRE(value.IsString());
  return {value.GetString(), value.GetStringLength()};
}

uint64_t get_uint(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value& value = get(root, pointer);
  INFO("JSON pointer: ", pointer);
  REQUIRE(value.IsUint64());
  return value.GetUint64();
}

bool get_bool(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value& value = get(root, pointer);
  INFO("JSON pointer: ", pointer);
  REQUIRE(value.IsBool());
  return value.GetBool();
}

rapidjson::SizeType get_size(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value& value = get(root, pointer);
  INFO("JSON pointer: ", pointer);
  REQUIRE(value.IsArray());
  return value.Size();
}

constexpr std::string_view kRegion = "/locations/0/physicalLocation/region";
constexpr std::string_view kArtifact = "/locations/0/physicalLocation/artifactLocation";

// "/runs/0/results/<i>" and the like.
std::string at(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

// ---------------------------------------------------------------------------------------------
// Text

TEST_CASE("text reporter prints the finding, its source line and a caret underline") {
  Linted linted = lint_one("policies/admin.json", kAdmin, {"IAM201"});
  CHECK(text_report(linted) ==
        "policies/admin.json:5:15: warning: Action \"*\" allows every action of every AWS service "
        "[IAM201 wildcard-action]\n"
        "  |\n"
        "5 |     \"Action\": \"*\",\n"
        "  |               ^^^\n"
        "\n");
}

TEST_CASE("text reporter sizes the gutter to the line number") {
  struct Case {
    uint32_t line;
    std::string_view gutter;
  };
  const Case kCases[] = {{1, " "}, {9, " "}, {10, "  "}, {100, "   "}};
  for (const Case& c : kCases) {
    CAPTURE(c.line);
    std::string text = std::string(c.line - 1, '\n') + one_line_policy(R"("*")");
    Linted linted = lint_one("p.json", text, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("p.json:" + std::to_string(c.line) + ":45: warning: "));
    CHECK(lines[1] == std::string(c.gutter) + " |");
    CHECK(lines[2] == std::to_string(c.line) + " | " + one_line_policy(R"("*")"));
    CHECK(lines[3] == std::string(c.gutter) + " | " + std::string(44, ' ') + "^^^");
  }
}

TEST_CASE("text reporter counts columns in code points and keeps tabs in the padding") {
  SUBCASE("non-ASCII before the finding") {
    std::string line = R"({"Statement": {"Sid": ")" + std::string(kEmoji) + std::string(kCjk) +
                       R"(", "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}})";
    Linted linted = lint_one("p.json", line, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("p.json:1:58: "));
    CHECK(lines[3] == "  | " + std::string(57, ' ') + "^^^");
  }
  SUBCASE("tabs before the finding") {
    Linted linted = lint_one(
        "p.json",
        "{\"Statement\":\t{\"Effect\": \"Allow\",\t\"Action\": \"*\", \"Resource\": \"x\"}}",
        {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("p.json:1:45: "));
    CHECK(lines[3] == "  | " + std::string(13, ' ') + "\t" + std::string(19, ' ') + "\t" +
                          std::string(10, ' ') + "^^^");
  }
}

TEST_CASE("text reporter shows a window of a very long line") {
  // A minified policy: the finding sits far past the first 120 columns, and the line goes on.
  const std::string head = R"({"Statement": {"Sid": ")" + std::string(300, 'x') +
                           R"(", "Effect": "Allow", "Action": "*")";
  const std::string line = head + R"(, "Resource": ")" + std::string(300, 'y') + R"("}})";
  const std::size_t at = line.find(R"("*")");

  SUBCASE("cut on both sides") {
    Linted linted = lint_one("min.json", line, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("min.json:1:" + std::to_string(at + 1) + ": "));
    // 40 columns before the finding, 120 in all, "..." on each side that is cut.
    CHECK(lines[2] == "1 | ..." + line.substr(at - 40, 120) + "...");
    CHECK(lines[3] == "  | " + std::string(3 + 40, ' ') + "^^^");
  }
  SUBCASE("a finding near the end shows the end of the line") {
    const std::string short_tail = head + R"(, "Resource": "x"}})";
    Linted linted = lint_one("min.json", short_tail, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[2] == "1 | ..." + short_tail.substr(at - 40));
    CHECK(lines[3] == "  | " + std::string(3 + 40, ' ') + "^^^");
  }
  SUBCASE("a line of several kilobytes with multi-byte characters") {
    std::string e_acute;
    for (int i = 0; i < 1500; ++i) e_acute += "\xC3\xA9";  // é: 2 bytes, 1 column
    const std::string before = R"({"Statement": {"Sid": ")" + e_acute + R"(", "Effect": "Allow", )";
    const std::string action = R"("Action": )";
    const std::string after = R"(, "Resource": ")" + e_acute + R"("}})";
    const std::string wide = before + action + R"("*")" + after;
    Linted linted = lint_one("min.json", wide, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    const std::size_t column = 23 + 1500 + 22 + action.size() + 1;
    CHECK(lines[0].starts_with("min.json:1:" + std::to_string(column) + ": "));
    // 40 columns before: 8 é, then the ASCII text up to the finding; 120 columns in all.
    std::string e8, e62;
    for (int i = 0; i < 8; ++i) e8 += "\xC3\xA9";
    for (int i = 0; i < 62; ++i) e62 += "\xC3\xA9";
    CHECK(lines[2] ==
          "1 | ..." + e8 + R"(", "Effect": "Allow", "Action": "*", "Resource": ")" + e62 + "...");
    CHECK(lines[3] == "  | " + std::string(3 + 40, ' ') + "^^^");
  }
  SUBCASE("a finding near the start is not cut before") {
    const std::string early =
        R"({"Statement": {"Action": "*", "Effect": "Allow", "Resource": "x", "Sid": ")" +
        std::string(300, 'x') + R"("}})";
    Linted linted = lint_one("min.json", early, {"IAM201"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    REQUIRE(lines.size() == 5);
    CHECK(lines[2] == "1 | " + early.substr(0, 120) + "...");
    CHECK(lines[3] == "  | " + std::string(25, ' ') + "^^^");
  }
}

TEST_CASE("text reporter never writes control characters from the input") {
  // The Effect holds ESC and CSI (U+009B), so IAM006 repeats them in its message.
  std::string policy = R"({"Statement": {"Effect": "\u001b[2J\u009b31m", "Action": "*"}})";
  Linted linted = lint_one("evil\x1b]0;title\x07.json", policy, {"IAM006"});
  std::string report = text_report(linted);
  CHECK(report.find('\x1b') == std::string::npos);
  CHECK(report.find('\x07') == std::string::npos);
  CHECK(report.find("\xC2\x9B") == std::string::npos);
  std::vector<std::string> lines = split_lines(report);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] ==
        "evil\\u001B]0;title\\u0007.json:1:26: error: Effect \"\\u001B[2J\\u009B31m\" is not "
        "valid; write "
        "\"Allow\" or \"Deny\" [IAM006 invalid-effect]");
  // The source line shows the escapes as written.
  CHECK(lines[2] == "1 | " + policy);

  SUBCASE("colour adds only SGR sequences") {
    std::string colored = text_report(linted, true);
    CHECK(colored != report);
    CHECK(colored.find("\x1b[1;31merror:") != std::string::npos);
    CHECK(strip_colors(colored) == report);
  }
}

TEST_CASE("text reporter shows raw NUL and invalid UTF-8 bytes escaped, carets under them") {
  // Raw bytes that JSON forbids: the snippet shows their escapes, and the carets move with them.
  const std::string with_nul = std::string(R"({"Sid": "a)") + '\0' + R"(b", "x": 1})";
  Linted nul = lint_one("nul.json", with_nul, {"IAM001"});
  std::vector<std::string> lines = split_lines(text_report(nul));
  REQUIRE(lines.size() == 5);
  CHECK(lines[2] == R"(1 | {"Sid": "a\u0000b", "x": 1})");
  CHECK(lines[3] == "  | " + std::string(10, ' ') + "^^^^^^");

  Linted invalid = lint_one("invalid.json", "{\"Sid\": \"\xFF\", \"x\": \"\xC3\"}", {"IAM001"});
  lines = split_lines(text_report(invalid));
  REQUIRE(lines.size() == 5);
  CHECK(lines[2] == R"(1 | {"Sid": "\xFF", "x": "\xC3"})");
  CHECK(lines[3] == "  | " + std::string(9, ' ') + "^^^^");
}

TEST_CASE("text reporter points at the byte where JSON reading stopped") {
  struct Case {
    std::string_view text;
    std::vector<std::string> expected;
  };
  const Case kCases[] = {
      {R"({"a": })",
       {"p.json:1:7: error: invalid JSON: invalid value; found '}' [IAM001 json-syntax-error]",
        "  |", R"(1 | {"a": })", "  |       ^"}},
      // At the end of the input the caret stands just past the text.
      {"{\n  \"a\": 1",
       {"p.json:2:9: error: invalid JSON: missing a comma or '}' after an object member; found the "
        "end of "
        "the input [IAM001 json-syntax-error]",
        "  |", R"(2 |   "a": 1)", "  |         ^"}},
      {"",
       {"p.json:1:1: error: invalid JSON: the file is empty: expected a JSON object [IAM001 "
        "json-syntax-error]",
        "  |", "1 | ", "  | ^"}},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    Linted linted = lint_one("p.json", c.text, {"IAM001"});
    std::vector<std::string> lines = split_lines(text_report(linted));
    lines.pop_back();  // the blank line after each finding
    CHECK(lines == c.expected);
  }
}

TEST_CASE("text reporter underlines to the end of the line and prints related notes") {
  Linted linted = lint_one("p.json", kAdmin, {"IAM201"});
  engine::FileResult& file = linted.files[0];
  REQUIRE(file.findings.size() == 1);
  engine::Finding& finding = file.findings[0];
  // Widen the finding to run from "Action" to the end of the statement, on a later line.
  std::size_t begin = file.source.text.find("\"Action\"");
  std::size_t end = file.source.text.find('}');
  finding.range = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end + 1)};
  std::size_t effect = file.source.text.find("\"Effect\"");
  finding.related.push_back(
      {{static_cast<uint32_t>(effect), static_cast<uint32_t>(effect + 8)}, "the \x1b effect"});

  std::vector<std::string> lines = split_lines(text_report(linted));
  REQUIRE(lines.size() == 6);
  CHECK(lines[3] == "  |     " + std::string(14, '^'));  // "Action": "*", is 14 columns
  CHECK(lines[4] == "  = note: 4:5: the \\u001B effect");

  SUBCASE("SARIF lists the related location") {
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    const rapidjson::Value& result = get(sarif, "/runs/0/results/0");
    CHECK(get_uint(result, "/relatedLocations/0/id") == 1);
    CHECK(get_string(result, "/relatedLocations/0/message/text") == "the \x1b effect");
    CHECK(get_uint(result, "/relatedLocations/0/physicalLocation/region/startLine") == 4);
    CHECK(get_uint(result, "/relatedLocations/0/physicalLocation/region/startColumn") == 5);
    CHECK(get_uint(result, std::string(kRegion) + "/endLine") == 7);
  }
}

TEST_CASE("text reporter summary counts problems by level and files") {
  SUBCASE("no problems") {
    Linted linted =
        lint({{"a.json", one_line_policy(R"("s3:GetObject")")}}, {"IAM001", "IAM201", "IAM202"});
    CHECK(summary(linted) == "No problems (1 file checked).\n");
    CHECK(text_report(linted).empty());
  }
  SUBCASE("one warning") {
    Linted linted = lint({{"a.json", std::string(kAdmin)}, {"b.json", "{}"}}, {"IAM201"});
    CHECK(summary(linted) == "1 problem (1 warning) in 1 file (2 files checked).\n");
  }
  SUBCASE("errors and warnings in several files") {
    Linted linted = lint({{"a.json", std::string(kAdmin)},
                          {"b.json", "{"},
                          {"c.json", "["},
                          {"d.json", one_line_policy(R"(["*", "s3:*"])")}},
                         {"IAM001", "IAM201", "IAM202"});
    // a: IAM201; b, c: IAM001; d: IAM201, which absorbs the IAM202 of the same statement.
    CHECK(summary(linted) == "4 problems (2 errors, 2 warnings) in 4 files (4 files checked).\n");
  }
}

// ---------------------------------------------------------------------------------------------
// SARIF

TEST_CASE("sarif reporter describes the tool and the rules that have results") {
  // IAM203 is enabled but finds nothing.
  Linted linted =
      lint({{"b.json", std::string(kAdmin)}, {"a.json", "{"}}, {"IAM203", "IAM001", "IAM201"});
  rapidjson::Document sarif = parse_report(sarif_report(linted));
  CHECK(get_string(sarif, "/version") == "2.1.0");
  CHECK(get_string(sarif, "/$schema") == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(get_size(sarif, "/runs") == 1);
  const rapidjson::Value& run = get(sarif, "/runs/0");
  CHECK(get_string(run, "/tool/driver/name") == "iamlint");
  CHECK(get_string(run, "/tool/driver/version") == "9.9.9");
  CHECK(get_string(run, "/tool/driver/informationUri") == "https://example.com/iamlint");
  CHECK(get_string(run, "/columnKind") == "utf16CodeUnits");
  CHECK(has(run, "/originalUriBaseIds/%SRCROOT%/description/text"));

  // In the order of their first result.
  const rapidjson::Value& rules = get(run, "/tool/driver/rules");
  REQUIRE(get_size(run, "/tool/driver/rules") == 2);
  CHECK(get_string(rules, "/0/id") == "IAM001");
  CHECK(get_string(rules, "/0/name") == "json-syntax-error");
  CHECK(get_string(rules, "/1/id") == "IAM201");
  CHECK(get_string(rules, "/1/name") == "wildcard-action");
  CHECK_FALSE(get_string(rules, "/1/help/text").empty());

  SUBCASE("each result's ruleIndex names its ruleId") {
    REQUIRE(get_size(run, "/results") == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      std::string result = at("/results", i);
      CHECK(get_string(rules, at("", get_uint(run, result + "/ruleIndex")) + "/id") ==
            get_string(run, result + "/ruleId"));
    }
    CHECK(get_string(run, "/results/0/ruleId") == "IAM001");  // a.json sorts first
    CHECK(get_string(run, "/results/1/ruleId") == "IAM201");
  }
  SUBCASE("rule metadata") {
    REQUIRE(get_string(rules, "/0/id") == "IAM001");
    CHECK(get_string(rules, "/0/defaultConfiguration/level") == "error");
    CHECK(get_string(rules, "/0/properties/problem.severity") == "error");
    CHECK_FALSE(has(rules, "/0/properties/security-severity"));
    CHECK(get_string(rules, "/0/properties/accessAnalyzerIssueCodes/0") == "JSON_SYNTAX_ERROR");
    CHECK(get_string(rules, "/0/properties/equivalents/0") == "Parliament: MALFORMED_JSON");
    CHECK(get_string(rules, "/0/shortDescription/text") ==
          "The file is not valid JSON (or YAML), or past the size limits of what iamlint analyses");
    CHECK(get_string(rules, "/0/fullDescription/text")
              .starts_with("Reports a file that is not valid JSON"));
    // The page once, as markdown; the text form only points to it.
    CHECK(get_string(rules, "/0/help/markdown").starts_with("# json-syntax-error\n"));
    CHECK(get_string(rules, "/0/help/text") ==
          "The file is not valid JSON (or YAML), or past the size limits of what iamlint analyses. "
          "The full page: iamlint explain IAM001");
  }
  SUBCASE("a rule is described once, however many results it has") {
    Linted twice = lint({{"b.json", std::string(kAdmin)}, {"c.json", std::string(kAdmin)}},
                        {"IAM001", "IAM201"});
    rapidjson::Document both = parse_report(sarif_report(twice));
    CHECK(get_size(both, "/runs/0/tool/driver/rules") == 1);
    CHECK(get_string(both, "/runs/0/tool/driver/rules/0/id") == "IAM201");
    CHECK(get_uint(both, "/runs/0/results/0/ruleIndex") == 0);
    CHECK(get_uint(both, "/runs/0/results/1/ruleIndex") == 0);
  }
  SUBCASE("no results, no rules") {
    Linted clean = lint({{"c.json", "{}"}}, {"IAM201"});
    rapidjson::Document empty = parse_report(sarif_report(clean));
    CHECK(get_size(empty, "/runs/0/results") == 0);
    CHECK(get_size(empty, "/runs/0/tool/driver/rules") == 0);
  }
}

TEST_CASE("sarif reporter gives regions in UTF-16 code units") {
  // Before "*": an emoji (two code units) and a CJK character (one).
  std::string line = R"({"Statement": {"Sid": ")" + std::string(kEmoji) + std::string(kCjk) +
                     R"(", "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}})";
  Linted linted = lint_one("p.json", "\n" + line, {"IAM201"});
  rapidjson::Document sarif = parse_report(sarif_report(linted));
  const rapidjson::Value& region = get(sarif, "/runs/0/results/0" + std::string(kRegion));
  CHECK(get_uint(region, "/startLine") == 2);
  CHECK(get_uint(region, "/startColumn") == 59);
  CHECK(get_uint(region, "/endLine") == 2);
  CHECK(get_uint(region, "/endColumn") == 62);
  CHECK(get_string(region, "/snippet/text") == R"("*")");

  SUBCASE("the JSON format counts the same place in code points") {
    rapidjson::Document json = parse_report(json_report(linted));
    CHECK(get_uint(json, "/0/column") == 58);
    CHECK(get_uint(json, "/0/end_column") == 61);
  }
}

TEST_CASE("sarif artifact URIs are relative, percent-encoded, without ./") {
  struct Case {
    std::string_view path;
    std::string_view uri;
  };
  const Case kCases[] = {
      {"a.json", "a.json"},
      {"./a.json", "a.json"},
      {"././dir/a.json", "dir/a.json"},
      {"dir/./a.json", "dir/./a.json"},
      {"../up.json", "../up.json"},
      {"dir/my policy.json", "dir/my%20policy.json"},
      {"100%.json", "100%25.json"},
      {"a#b?c.json", "a%23b%3Fc.json"},
      {"~user/a_b-c.json", "~user/a_b-c.json"},
      {"\xC3\xA9t\xC3\xA9.json", "%C3%A9t%C3%A9.json"},
      {"C:\\x.json", "C%3A%5Cx.json"},
      {"/abs/p q.json", "file:///abs/p%20q.json"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.path);
    CHECK(artifact_uri(c.path) == c.uri);
  }

  SUBCASE("relative URIs sit under %SRCROOT%, file URIs stand alone") {
    Linted linted =
        lint({{"./dir/my policy.json", std::string(kAdmin)}, {"/abs/p.json", std::string(kAdmin)}},
             {"IAM201"});
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    REQUIRE(get_size(sarif, "/runs/0/results") == 2);
    // "./" sorts before "/".
    const rapidjson::Value& relative = get(sarif, "/runs/0/results/0" + std::string(kArtifact));
    CHECK(get_string(relative, "/uri") == "dir/my%20policy.json");
    CHECK(get_string(relative, "/uriBaseId") == "%SRCROOT%");
    const rapidjson::Value& absolute = get(sarif, "/runs/0/results/1" + std::string(kArtifact));
    CHECK(get_string(absolute, "/uri") == "file:///abs/p.json");
    CHECK_FALSE(has(absolute, "/uriBaseId"));
  }
}

TEST_CASE("sarif fingerprints depend on content, not on position or the path's spelling") {
  auto fingerprints = [](const std::string& text, std::string path = "p.json") {
    Linted linted = lint_one(std::move(path), text, {"IAM201"});
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < get_size(sarif, "/runs/0/results"); ++i) {
      out.emplace_back(get_string(
          sarif, at("/runs/0/results", i) + "/partialFingerprints/iamlint~1contentHash~1v2"));
    }
    return out;
  };
  const std::string policy =
      R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}]})";
  std::vector<std::string> original = fingerprints(policy);
  REQUIRE(original.size() == 2);
  for (const std::string& fingerprint : original) {
    CAPTURE(fingerprint);
    REQUIRE(fingerprint.size() == 18);
    CHECK(fingerprint.find_first_not_of("0123456789abcdef") == 16);
  }
  // The same rule on the same text is told apart by its occurrence.
  CHECK(original[0].substr(0, 16) == original[1].substr(0, 16));
  CHECK(original[0].substr(16) == ":1");
  CHECK(original[1].substr(16) == ":2");

  CHECK(fingerprints(policy) == original);
  CHECK(fingerprints("\n\n   " + policy) == original);
  CHECK(fingerprints(policy, "other.json") != original);
  CHECK(fingerprints(policy, "./p.json") == original);
  // Reindenting keeps them; a statement inserted above another one does not shift its identity.
  CHECK(fingerprints(R"({"Statement": [{"Effect": "Allow",
                                        "Action": "*", "Resource": "arn:aws:s3:::b/*"}]})") ==
        std::vector{original[0]});
  const std::string sids =
      R"({"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"},
                        {"Sid": "B", "Effect": "Allow", "Action": "*", "Resource": "*"}]})";
  const std::string inserted =
      R"({"Statement": [{"Sid": "New", "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::n/*"},
                        {"Sid": "A", "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"},
                        {"Sid": "B", "Effect": "Allow", "Action": "*", "Resource": "*"}]})";
  std::vector<std::string> before = fingerprints(sids);
  std::vector<std::string> after = fingerprints(inserted);
  REQUIRE(before.size() == 2);
  REQUIRE(after.size() == 3);
  CHECK(std::vector{after[1], after[2]} == before);
  CHECK(after[0] != before[0]);
  CHECK(before[0].ends_with(":1"));
}

TEST_CASE("sarif reporter marks unparsable files and failed runs") {
  Linted linted = lint({{"bad.json", "{\n  \"a\": }"}, {"good.json", std::string(kAdmin)}},
                       {"IAM001", "IAM201"});
  SUBCASE("IAM001 carries its Access Analyzer code; other results do not") {
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    const rapidjson::Value& results = get(sarif, "/runs/0/results");
    REQUIRE(get_size(sarif, "/runs/0/results") == 2);
    CHECK(get_string(results, "/0/ruleId") == "IAM001");
    CHECK(get_string(results, "/0/level") == "error");
    CHECK(get_string(results, "/0/message/text") == "invalid JSON: invalid value; found '}'");
    CHECK(get_string(results, "/0/properties/accessAnalyzerIssueCode") == "JSON_SYNTAX_ERROR");
    CHECK(get_string(results, "/1/ruleId") == "IAM201");
    CHECK_FALSE(has(results, "/1/properties"));
  }
  SUBCASE("an unparsable file is a notification, but the run succeeded") {
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    const rapidjson::Value& invocation = get(sarif, "/runs/0/invocations/0");
    CHECK(get_bool(invocation, "/executionSuccessful"));
    CHECK(get_size(invocation, "/toolExecutionNotifications") == 1);
    const rapidjson::Value& notification = get(invocation, "/toolExecutionNotifications/0");
    CHECK(get_string(notification, "/level") == "warning");
    CHECK(get_string(notification, "/message/text") ==
          "bad.json was not analysed: invalid value; found '}'");
    CHECK(get_string(notification, std::string(kArtifact) + "/uri") == "bad.json");
    CHECK(get_uint(notification, std::string(kRegion) + "/startLine") == 2);
    CHECK(get_uint(notification, std::string(kRegion) + "/startColumn") == 8);
    CHECK(get_uint(notification, std::string(kRegion) + "/endColumn") == 9);
  }
  SUBCASE("an unreadable path fails the run") {
    linted.errors.push_back({ErrorCode::kIo, "cannot open 'gone.json': No such file or directory"});
    rapidjson::Document sarif = parse_report(sarif_report(linted));
    const rapidjson::Value& invocation = get(sarif, "/runs/0/invocations/0");
    CHECK_FALSE(get_bool(invocation, "/executionSuccessful"));
    CHECK(get_size(invocation, "/toolExecutionNotifications") == 2);
    CHECK(get_string(invocation, "/toolExecutionNotifications/0/level") == "error");
    CHECK(get_string(invocation, "/toolExecutionNotifications/0/message/text") ==
          "cannot open 'gone.json': No such file or directory");
  }
  SUBCASE("a clean run has no notifications") {
    Linted clean = lint({{"good.json", std::string(kAdmin)}}, {"IAM001", "IAM201"});
    rapidjson::Document sarif = parse_report(sarif_report(clean));
    CHECK(get_bool(sarif, "/runs/0/invocations/0/executionSuccessful"));
    CHECK_FALSE(has(sarif, "/runs/0/invocations/0/toolExecutionNotifications"));
  }
}

// The rule says its finding points at "the exact character where reading stopped", but it is
// one byte wide, so a non-ASCII character there is cut: the SARIF region ends inside a surrogate
// pair and the snippet is a lone lead byte, written as U+FFFD.
TEST_CASE("sarif region of a syntax error covers the whole character") {
  Linted linted = lint_one("p.json", R"({"a": )" + std::string(kEmoji) + "}", {"IAM001"});
  rapidjson::Document sarif = parse_report(sarif_report(linted));
  const rapidjson::Value& region = get(sarif, "/runs/0/results/0" + std::string(kRegion));
  CHECK(get_uint(region, "/startColumn") == 7);
  CHECK(get_uint(region, "/endColumn") == 9);
  CHECK(get_string(region, "/snippet/text") == kEmoji);
}

// ---------------------------------------------------------------------------------------------
// JSON and every format together

// RapidJSON 1.1.0's SSE2 string scan misses the control bytes 0x1A-0x1F; a message that quotes
// one (decoded from a \u escape in the policy) must still be escaped in the report.
TEST_CASE("json reporter escapes every control character") {
  const std::string policy = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow",)"
                             R"( "Action": "s3:Get\u001cObjectWithALongName", "Resource": "*"}})";
  const std::string report = json_report(lint_one("p.json", policy, {"IAM152"}));
  CHECK(report.find('\x1c') == std::string::npos);
  CHECK(report.find("Get\\u001CObjectWithALongName") != std::string::npos);
}

// Plain strings skip RapidJSON's escaping, so the test must be exact for every byte, wherever it
// falls among the eight-byte words, in strings of every length up to a few words.
TEST_CASE("a JSON string is plain when it holds no byte that JSON escapes") {
  for (int byte = 0; byte < 256; ++byte) {
    const bool plain = byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
    for (std::size_t size = 1; size < 20; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        CHECK_MESSAGE(is_plain_json_string(text) == plain, "byte ", byte, " at ", at, " of ", size);
      }
    }
  }
  CHECK(is_plain_json_string(""));
}

// A part longer than JsonWriter::kPieceBytes comes in pieces; appended, with the document's numbers
// put in, it must read as if the document's writer had written it.
TEST_CASE("json writer hands a long part over in pieces, its numbers in their places") {
  constexpr uint64_t kElements = 5000;
  const auto element_text = [](uint64_t i) {
    return std::string(20 + i % 7, static_cast<char>('a' + i % 26));
  };
  std::vector<JsonWriter::NumberAt> numbers;
  JsonWriter part(JsonWriter::ArrayAt{2});
  for (uint64_t i = 0; i < kElements; ++i) {
    part.begin_object();
    part.field("text", element_text(i));
    part.key("number");
    numbers.push_back({part.number_placeholder(), i * 7});
    part.end_object();
  }
  const std::size_t count = part.elements();
  const std::vector<std::string> pieces = part.take();
  CHECK(pieces.size() > 1);

  const auto document = [&](auto&& write_elements) {
    std::ostringstream out;
    JsonWriter w(out);
    w.begin_object();
    w.key("elements");
    w.begin_array();
    write_elements(w);
    w.end_array();
    w.end_object();
    w.finish();
    return out.str();
  };
  const std::string appended = document([&](JsonWriter& w) { w.append(pieces, count, numbers); });
  const std::string written = document([&](JsonWriter& w) {
    for (uint64_t i = 0; i < kElements; ++i) {
      w.begin_object();
      w.field("text", element_text(i));
      w.field("number", i * 7);
      w.end_object();
    }
  });
  CHECK(count == kElements);
  CHECK(appended == written);
}

TEST_CASE("json reporter writes one object per finding") {
  Linted linted =
      lint({{"b.json", std::string(kAdmin)}, {"a.json", "{\n  \"a\": }"}, {"c.json", "{}"}},
           {"IAM001", "IAM201"});
  rapidjson::Document json = parse_report(json_report(linted));
  struct Expected {
    std::string_view path;
    uint64_t line, column, end_line, end_column;
    std::string_view rule_id, rule_name, level, message;
    std::optional<std::string_view> access_analyzer_code;
  };
  const Expected kExpected[] = {
      {"a.json", 2, 8, 2, 9, "IAM001", "json-syntax-error", "error",
       "invalid JSON: invalid value; found '}'", "JSON_SYNTAX_ERROR"},
      {"b.json", 5, 15, 5, 18, "IAM201", "wildcard-action", "warning",
       "Action \"*\" allows every action of every AWS service", std::nullopt},
  };
  REQUIRE(get_size(json, "") == std::size(kExpected));
  for (std::size_t i = 0; i < std::size(kExpected); ++i) {
    const Expected& e = kExpected[i];
    const rapidjson::Value& finding = get(json, at("", i));
    CAPTURE(e.rule_id);
    CHECK(finding.MemberCount() == 12);
    CHECK(get_string(finding, "/path") == e.path);
    CHECK(get_uint(finding, "/line") == e.line);
    CHECK(get_uint(finding, "/column") == e.column);
    CHECK(get_uint(finding, "/end_line") == e.end_line);
    CHECK(get_uint(finding, "/end_column") == e.end_column);
    CHECK(get_string(finding, "/rule_id") == e.rule_id);
    CHECK(get_string(finding, "/rule_name") == e.rule_name);
    CHECK(get_string(finding, "/level") == e.level);
    CHECK(get_string(finding, "/message") == e.message);
    if (e.access_analyzer_code) {
      CHECK(get_string(finding, "/access_analyzer_code") == *e.access_analyzer_code);
    } else {
      CHECK(get(finding, "/access_analyzer_code").IsNull());
    }
    CHECK(get(finding, "/logical_location").IsNull());  // in a bare policy file
  }

  SUBCASE("no findings is an empty array") {
    Linted clean = lint({{"c.json", "{}"}}, {"IAM001", "IAM201"});
    CHECK(json_report(clean) == "[]\n");
  }
}

TEST_CASE("reports are valid UTF-8 JSON whatever bytes the input held") {
  // Invalid UTF-8 in a string (IAM001, with the bytes in the SARIF snippet) and in the path, and
  // a message with control characters (IAM006).
  Linted linted =
      lint({{"bad\xFE\xC0.json", "{\"Sid\": \"\xFF\xC0\xAF\"}"},
            {"esc.json", R"({"Statement": {"Effect": "\u001b\u0000", "Action": "*"}})"}},
           {"IAM001", "IAM006"});
  REQUIRE(linted.files[0].findings.size() == 1);
  const std::string json_text = json_report(linted);
  const std::string sarif_text = sarif_report(linted);
  CHECK(is_valid_utf8(json_text));
  CHECK(is_valid_utf8(sarif_text));

  rapidjson::Document json = parse_report(json_text);
  CHECK(get_string(json, "/0/path") == "bad\xEF\xBF\xBD\xEF\xBF\xBD.json");
  CHECK(get_string(json, "/1/message").starts_with("Effect \"\x1b\0\""sv));

  rapidjson::Document sarif = parse_report(sarif_text);
  CHECK(get_string(sarif, "/runs/0/results/0" + std::string(kArtifact) + "/uri") ==
        "bad%FE%C0.json");
  CHECK(get_string(sarif, "/runs/0/results/0" + std::string(kRegion) + "/snippet/text") ==
        "\xEF\xBF\xBD");

  SUBCASE("the text format shows the bytes as escapes") {
    std::string text = text_report(linted);
    CHECK(is_valid_utf8(text));
    CHECK(text.starts_with("bad\\xFE\\xC0.json:1:10: error: "));
  }
}

TEST_CASE("findings in a template name their logical location in every format") {
  // IAM201 on the "*" inside the quoted JSON, at line 4, column 79 of the YAML.
  constexpr std::string_view kTemplate =
      "Resources:\n"
      "  Admin:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties: {PolicyDocument: '{\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
      "\"*\", \"Resource\": \"arn:aws:s3:::b/*\"}}'}\n";
  Linted linted = lint_one("t.yaml", kTemplate, {"IAM201"});
  constexpr std::string_view kLocation =
      "Resources.Admin.Properties.PolicyDocument.Statement.Action";

  std::string text = text_report(linted);
  CHECK(text.starts_with("t.yaml:4:79: warning: "));
  CHECK(text.find(fmt::format("  = in: {} (AWS::IAM::ManagedPolicy Admin)\n", kLocation)) !=
        std::string::npos);

  rapidjson::Document sarif = parse_report(sarif_report(linted));
  const std::string location = "/runs/0/results/0/locations/0";
  CHECK(get_uint(sarif, location + "/physicalLocation/region/startColumn") == 79);
  CHECK(get_string(sarif, location + "/physicalLocation/region/snippet/text") == "\"*\"");
  CHECK(get_string(sarif, location + "/logicalLocations/0/fullyQualifiedName") == kLocation);

  rapidjson::Document json = parse_report(json_report(linted));
  CHECK(get_string(json, "/0/logical_location") == kLocation);
  CHECK(get_uint(json, "/0/column") == 79);
}

// The lint command renders each file's part on the thread that linted it, in any order, and
// writes the parts in input order: the bytes must be those of rendering and writing each in turn.
TEST_CASE("reports rendered ahead in any order are the reports written file by file") {
  // Rules in another order in each file, so that SARIF's rule numbers come from write().
  Linted linted = lint({{"b.json", std::string(kAdmin)},
                        {"a.json", "{"},
                        {"d.json", "{}"},
                        {"c.json", one_line_policy(R"(["*", "s3:*", "*"])")}},
                       {});  // every rule
  auto check = [&](auto make) {
    std::ostringstream in_turn_out;
    auto in_turn = make(in_turn_out);
    const std::string expected = stream(in_turn, in_turn_out, linted);
    std::ostringstream ahead_out;
    auto ahead = make(ahead_out);
    std::vector<FilePart> parts(linted.files.size());
    for (std::size_t i = parts.size(); i-- > 0;) parts[i] = ahead.render(linted.files[i]);
    ahead.begin();
    for (std::size_t i = 0; i < parts.size(); ++i) ahead.write(linted.files[i], parts[i]);
    ahead.end(linted.errors);
    CHECK(ahead_out.str() == expected);
  };
  check([](std::ostream& out) {
    return SarifReporter({.version = "9.9.9", .information_uri = "https://example.com"}, out);
  });
  check([](std::ostream& out) { return JsonReporter(out); });
  check([](std::ostream& out) { return GitlabReporter(out); });
  check([](std::ostream& out) { return GithubReporter(out); });
  check([](std::ostream& out) { return TextReporter({}, out); });
}

TEST_CASE("reports are byte-identical for identical input") {
  auto all_formats = [] {
    Linted linted = lint({{"b.json", std::string(kAdmin)},
                          {"a.json", "{"},
                          {"c.json", one_line_policy(R"(["*", "s3:*", "*"])")}},
                         {});  // every rule
    return text_report(linted) + summary(linted) + sarif_report(linted) + json_report(linted);
  };
  std::string first = all_formats();
  CHECK(first == all_formats());
  // Nothing machine-specific: no absolute paths or timestamps.
  CHECK(first.find(IAMLINT_SOURCE_ROOT) == std::string::npos);
  CHECK(first.find("file://") == std::string::npos);
}

}  // namespace
}  // namespace iamlint::report
