#include "app/fixes.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint::app {
namespace {

namespace fs = std::filesystem;

engine::Finding with_fix(std::vector<engine::Edit> edits) {
  engine::Finding finding;
  finding.fix = engine::Fix{.description = "test", .edits = std::move(edits)};
  return finding;
}

TEST_CASE("apply_fixes applies the fixes that do not overlap and leaves every other byte") {
  const std::string text = "0123456789";
  std::vector<engine::Finding> findings = {
      with_fix({{{1, 3}, "ab"}}),
      with_fix({{{2, 4}, "X"}}),                // overlaps the first: next round
      with_fix({{{5, 5}, "+"}, {{8, 9}, ""}}),  // an insertion and a deletion, both applied
      with_fix({{{5, 5}, "-"}}),                // a second insertion at the same place: later
      engine::Finding{},                        // no fix
  };
  Applied applied = apply_fixes(text, findings);
  CHECK(applied.fixes == 2);
  CHECK(applied.text == "0ab34+5679");
}

TEST_CASE("unified_diff writes what diff -u writes") {
  const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
  const std::string after = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n";
  CHECK(unified_diff("p.json", before, after) ==
        "--- a/p.json\n+++ b/p.json\n"
        "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
        "@@ -9,4 +9,3 @@\n i\n j\n k\n-l\n");
  CHECK(
      unified_diff("p.json", "x\ny", "x\nz") ==
      "--- a/p.json\n+++ b/p.json\n"
      "@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n");
  CHECK(unified_diff("p.json", "same\n", "same\n") == "--- a/p.json\n+++ b/p.json\n");
}

struct ScratchDirectory {
  fs::path path;
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "iamlint-fixes-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~ScratchDirectory() { fs::remove_all(path); }
};

void write(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("write_in_place replaces the file atomically, with its mode, through a symbolic link") {
  ScratchDirectory scratch;
  const fs::path file = scratch.path / "p.json";
  const fs::path link = scratch.path / "link.json";
  write(file, "old");
  ::chmod(file.c_str(), 0640);
  fs::create_symlink("p.json", link);

  REQUIRE(write_in_place(link.string(), "old", "new").has_value());
  CHECK(read(file) == "new");
  CHECK(fs::is_symlink(link));
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
  CHECK(std::distance(fs::directory_iterator(scratch.path), fs::directory_iterator()) == 2);
}

TEST_CASE("write_in_place leaves a file that changed since it was read") {
  ScratchDirectory scratch;
  const fs::path file = scratch.path / "p.json";
  write(file, "edited meanwhile");
  auto written = write_in_place(file.string(), "as read", "fixed");
  REQUIRE_FALSE(written.has_value());
  CHECK(written.error().message.find("changed since it was read") != std::string::npos);
  CHECK(read(file) == "edited meanwhile");
  CHECK(std::distance(fs::directory_iterator(scratch.path), fs::directory_iterator()) == 1);
}

}  // namespace
}  // namespace iamlint::app
