// An account's exported settings as `iamlint audit` reads them: each file with its export kind
// and JSON tree, and the credential report's cells with their places in the file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/timestamp.h"
#include "input/account_export.h"
#include "json/document.h"
#include "source/source_file.h"
#include "support/byte_range.h"
#include "support/result.h"

namespace iamlint::audit {

using input::AccountExport;

struct ExportFile {
  source::SourceFile source;
  AccountExport kind = AccountExport::kAccountSummary;
  std::unique_ptr<json::Document> doc;  // null for an export written as text (CSV, an error)
};

// One field of the credential report: its value, unquoted, and where it is in the file (in the
// JSON form, the characters of the base64 Content that encode it).
struct Cell {
  std::string text;
  ByteRange range;
};

struct CredentialRow {
  std::vector<Cell> cells;  // in the header's column order
};

struct CredentialReport {
  std::size_t file = 0;              // in Account::files
  std::vector<std::string> columns;  // the header: "user", "arn", "user_creation_time", ...
  std::vector<CredentialRow> rows;   // one per user; the root user's is "<root_account>"
  // When AWS generated the report (GeneratedTime of the JSON form; the CSV has none).
  std::optional<Timestamp> generated;

  // A row's field in a column, or nullptr when the report has no such column.
  [[nodiscard]] const Cell* cell(const CredentialRow& row, std::string_view column) const;
};

struct Account {
  std::vector<ExportFile> files;  // sorted by path
  std::vector<CredentialReport> credential_reports;

  // The indexes of the files of one kind of export.
  [[nodiscard]] std::vector<std::size_t> files_of(AccountExport kind) const;
  [[nodiscard]] bool has(AccountExport kind) const { return !files_of(kind).empty(); }
};

// Reads one file of the audit. Nullopt when it is no account export (a file that lies in the
// same directory); an error, with file:line:column, when it cannot be read, is not valid JSON or
// holds a credential report that is not one.
[[nodiscard]] Result<std::optional<ExportFile>> load_export(const std::string& path);

// The fields of a credential report (CSV, or JSON with base64 Content), placed in its file.
[[nodiscard]] Result<CredentialReport> read_credential_report(const ExportFile& file,
                                                              std::size_t index);

}  // namespace iamlint::audit
