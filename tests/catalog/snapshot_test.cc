// The compiled tables must agree with the committed snapshot they were generated from. The
// snapshot is re-read here, independently of tools/gen_catalog.py, from the source tree.
#include <doctest/doctest.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/action.h"
#include "catalog/catalog.h"
#include "catalog/condition_key.h"
#include "catalog/resource_type.h"
#include "catalog/service.h"

namespace iamlint::catalog {
namespace {

const std::string kDataDir = std::string(IAMLINT_SOURCE_ROOT) + "/src/catalog/data/";

std::vector<std::vector<std::string>> read_tsv(const std::string& name) {
  std::ifstream in(kDataDir + name);
  REQUIRE(in);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream fields_in(line);
    for (std::string field; std::getline(fields_in, field, '\t');) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_CASE("compiled counts equal the snapshot's") {
  const auto services_rows = read_tsv("services.tsv");
  const auto action_rows = read_tsv("actions.tsv");
  const auto rt_rows = read_tsv("resource_types.tsv");
  std::set<std::string> keys;
  for (const auto& row : read_tsv("condition_keys.tsv")) keys.insert(lower(row[1]));
  for (const auto& row : read_tsv("global_condition_keys.tsv")) keys.insert(lower(row[0]));
  for (const auto& row : read_tsv("extra_condition_keys.tsv")) keys.insert(lower(row[1]));

  CHECK(counts().services == services_rows.size());
  CHECK(counts().actions == action_rows.size());
  CHECK(counts().resource_types == rt_rows.size());
  CHECK(counts().condition_keys == keys.size());

  for (const auto& row : read_tsv("VERSION")) {
    if (row[0] == "version") CHECK(snapshot_version() == row[1]);
  }
}

TEST_CASE("every snapshot action is found with its access level") {
  for (const auto& row : read_tsv("actions.tsv")) {
    const auto action = find_action(row[0] + ":" + row[1]);
    REQUIRE(action);
    CHECK(action->name() == row[1]);
    const std::string& level = row[2];
    const std::string expected = level.find("Permissions management") != std::string::npos
                                     ? "Permissions management"
                                 : level.find("Tagging") != std::string::npos ? "Tagging"
                                                                              : level;
    CHECK(to_string(action->access_level()) == expected);
  }
}

TEST_CASE("every snapshot resource type and key is found") {
  for (const auto& row : read_tsv("resource_types.tsv")) {
    const auto type = find_service(row[0])->find_resource_type(row[1]);
    REQUIRE(type);
    CHECK(type->name() == row[1]);
  }
  for (const auto& row : read_tsv("condition_keys.tsv")) CHECK(find_condition_key(row[1]));
}

}  // namespace
}  // namespace iamlint::catalog
