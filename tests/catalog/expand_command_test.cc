#include "catalog/expand_command.h"

#include <doctest/doctest.h>

#include <sstream>

namespace iamlint::catalog {
namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run expand(std::vector<std::string> patterns, ExpandFormat format = ExpandFormat::kText) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_expand({std::move(patterns), format}, out, err);
  return {code, out.str(), err.str()};
}

TEST_CASE("text output lists actions with access levels") {
  const Run r = expand({"s3:PutObject*"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("s3:PutObject*: ", 0) == 0);
  CHECK(r.out.find("\n  s3:PutObject                   Write\n") != std::string::npos);
  CHECK(r.out.find("  s3:PutObjectAcl                Permissions management\n") !=
        std::string::npos);
  CHECK(r.out.find("  s3:PutObjectTagging            Tagging\n") != std::string::npos);
}

TEST_CASE("problems go to err with suggestions and exit 1") {
  const Run r = expand({"s3:HeadObject", "s3*:Get*", "iam:PassRole"});
  CHECK(r.code == 1);
  CHECK(r.err.find("'s3:HeadObject' matches no action; did you mean s3:GetObject?") !=
        std::string::npos);
  CHECK(r.err.find("'s3*:Get*': the service prefix may not contain wildcards") !=
        std::string::npos);
  CHECK(r.out.find("iam:PassRole  Write") != std::string::npos);
}

TEST_CASE("no pattern is a usage error") {
  CHECK(expand({}).code == 2);
}

TEST_CASE("JSON output") {
  const Run r = expand({"iam:PassRole", "s4:x"}, ExpandFormat::kJson);
  CHECK(r.code == 1);
  CHECK(r.out.find("\"version\": \"0.21.202609261\"") != std::string::npos);
  CHECK(r.out.find("\"action\": \"iam:PassRole\"") != std::string::npos);
  CHECK(r.out.find("\"access_level\": \"Write\"") != std::string::npos);
  CHECK(r.out.find("\"error\": \"the service prefix is not in the catalogue\"") !=
        std::string::npos);
}

}  // namespace
}  // namespace iamlint::catalog
