#include "audit/account.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "input/document_kind.h"
#include "input/reader.h"
#include "json/parser.h"
#include "source/line_index.h"

namespace iamlint::audit {
namespace {

using json::NodeId;

std::string at(const source::SourceFile& source, uint32_t offset) {
  const source::Position position =
      source::LineIndex(source.text).position(offset, source::ColumnUnit::kCodePoints);
  return fmt::format("{}:{}:{}", source.path, position.line, position.column);
}

// A CSV field in the coordinates of the CSV text.
struct Field {
  std::string text;
  ByteRange range;
};

// RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas
// and doubled quotes (IAM user names may contain commas).
std::vector<std::vector<Field>> parse_csv(std::string_view csv) {
  std::vector<std::vector<Field>> records;
  std::size_t at = 0;
  while (at < csv.size()) {
    std::vector<Field> record;
    while (true) {
      Field field;
      const auto begin = static_cast<uint32_t>(at);
      if (at < csv.size() && csv[at] == '"') {
        ++at;
        while (at < csv.size()) {
          if (csv[at] == '"' && at + 1 < csv.size() && csv[at + 1] == '"') {
            field.text += '"';
            at += 2;
          } else if (csv[at] == '"') {
            ++at;
            break;
          } else {
            field.text += csv[at++];
          }
        }
      }
      while (at < csv.size() && csv[at] != ',' && csv[at] != '\n' && csv[at] != '\r')
        field.text += csv[at++];
      field.range = {begin, static_cast<uint32_t>(at)};
      record.push_back(std::move(field));
      if (at < csv.size() && csv[at] == ',') {
        ++at;
        continue;
      }
      break;
    }
    if (at < csv.size() && csv[at] == '\r') ++at;
    if (at < csv.size() && csv[at] == '\n') ++at;
    records.push_back(std::move(record));
  }
  return records;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// The bytes that base64 text encodes, or nullopt when it is not base64 (whitespace is not
// allowed: the API and the CLI write one unbroken string, so that offsets map back exactly).
std::optional<std::string> decode_base64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const int value = base64_value(c);
    if (value < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

}  // namespace

const Cell* CredentialReport::cell(const CredentialRow& row, std::string_view column) const {
  auto found = std::find(columns.begin(), columns.end(), column);
  if (found == columns.end()) return nullptr;
  const auto index = static_cast<std::size_t>(found - columns.begin());
  return index < row.cells.size() ? &row.cells[index] : nullptr;
}

std::vector<std::size_t> Account::files_of(AccountExport kind) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].kind == kind) out.push_back(i);
  }
  return out;
}

Result<std::optional<ExportFile>> load_export(const std::string& path) {
  auto source = source::load_file(path, input::input_size_limit());
  if (!source) return Unexpected(source.error());
  if (source->too_large) {
    return make_error(ErrorCode::kUsage, fmt::format("{}: the file is larger than the {} MiB limit",
                                                     path, source->limit >> 20));
  }
  if (auto kind = input::account_export_of_text(source->text)) {
    return std::optional<ExportFile>(ExportFile{.source = std::move(*source), .kind = *kind});
  }
  auto doc = json::parse(source->text);
  if (!doc) {
    // A file that is neither JSON nor a known text export is not the audit's.
    const std::size_t first = source->text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos || (source->text[first] != '{' && source->text[first] != '['))
      return std::optional<ExportFile>();
    return make_error(
        ErrorCode::kUsage,
        fmt::format("{}: invalid JSON: {}", at(*source, doc.error().offset), doc.error().message));
  }
  auto kind = input::account_export_of(*doc);
  if (!kind && input::detect_document_kind(*doc).name == "authorization-details")
    kind = AccountExport::kAuthorizationDetails;
  if (!kind) return std::optional<ExportFile>();
  return std::optional<ExportFile>(
      ExportFile{.source = std::move(*source),
                 .kind = *kind,
                 .doc = std::make_unique<json::Document>(std::move(*doc))});
}

Result<CredentialReport> read_credential_report(const ExportFile& file, std::size_t index) {
  CredentialReport report{.file = index};
  std::string_view csv = file.source.text;
  std::string decoded;
  ByteRange content{};
  bool exact = false;  // the Content string has no escapes: base64 characters map one to one
  if (file.doc) {
    const json::Document& doc = *file.doc;
    const NodeId content_node = doc.find_member(doc.root(), "Content");
    const json::Node& node = doc.node(content_node);
    content = node.range;
    exact = node.range.size() == node.text().size() + 2;
    auto bytes = decode_base64(node.text());
    if (!bytes) {
      return make_error(ErrorCode::kUsage,
                        fmt::format("{}: the credential report's Content is not base64",
                                    at(file.source, node.range.begin)));
    }
    decoded = std::move(*bytes);
    csv = decoded;
    const NodeId generated = doc.find_member(doc.root(), "GeneratedTime");
    if (generated != json::kNoNode && doc.node(generated).is_string())
      report.generated = parse_timestamp(doc.node(generated).text());
  }
  // Where a range of the CSV is in the file: itself, or the base64 characters that encode it.
  const auto to_file = [&](ByteRange range) -> ByteRange {
    if (!file.doc) return range;
    if (!exact) return content;
    const uint32_t first = content.begin + 1;
    const uint32_t last = content.end - 1;
    return {std::min(last, first + range.begin / 3 * 4),
            std::min(last, first + (range.end + 2) / 3 * 4)};
  };
  std::vector<std::vector<Field>> records = parse_csv(csv);
  if (records.empty() || records.front().empty() || records.front().front().text != "user") {
    return make_error(ErrorCode::kUsage,
                      fmt::format("{}: not a credential report: its first line is not the header "
                                  "(user,arn,user_creation_time,...)",
                                  at(file.source, file.doc ? content.begin : 0)));
  }
  for (Field& field : records.front()) report.columns.push_back(std::move(field.text));
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() == 1 && records[r].front().text.empty()) continue;  // a blank line
    CredentialRow row;
    for (Field& field : records[r])
      row.cells.push_back({std::move(field.text), to_file(field.range)});
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace iamlint::audit
