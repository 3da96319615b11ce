#include "support/path_glob.h"

#include <string>

#include <doctest/doctest.h>

namespace iamlint {

TEST_CASE("path globs") {
  CHECK(path_glob_match("policies/*.json", "policies/a.json"));
  CHECK_FALSE(path_glob_match("policies/*.json", "policies/sub/a.json"));
  CHECK(path_glob_match("policies/**/*.json", "policies/a.json"));
  CHECK(path_glob_match("policies/**/*.json", "policies/x/y/a.json"));
  CHECK(path_glob_match("**", "a/b/c.json"));
  // No slash: a name at any depth.
  CHECK(path_glob_match("*.scp.json", "org/guard.scp.json"));
  CHECK_FALSE(path_glob_match("*.scp.json", "org/guard.json"));
  // A directory covers what is under it.
  CHECK(path_glob_match("vendor", "vendor/x.json"));
  CHECK(path_glob_match("vendor/**", "vendor/a/x.json"));
  CHECK_FALSE(path_glob_match("vendor/**", "vendors/x.json"));
  CHECK(path_glob_match("./a/?.json", "a/b.json"));
  CHECK_FALSE(path_glob_match("a/?.json", "a/bc.json"));
  CHECK_FALSE(path_glob_match("", "a.json"));
  // Crafted patterns stay cheap.
  CHECK_FALSE(path_glob_match(std::string(50, '*') + "x", std::string(5000, 'a')));
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "**/";
  CHECK_FALSE(path_glob_match(deep + "x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p"));
}

}  // namespace iamlint
