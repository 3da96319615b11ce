#include "app/fixes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/core.h>

#include "source/source_file.h"

namespace iamlint::app {
namespace {

// Two edits conflict when their ranges overlap, or start at the same offset (two insertions
// there, or an insertion where a replacement starts); touching ranges do not.
bool conflicts(ByteRange a, ByteRange b) {
  return a.begin == b.begin || (a.begin < b.end && b.begin < a.end);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

enum class Op : char { kKeep = ' ', kRemove = '-', kAdd = '+' };

struct Step {
  Op op;
  std::size_t before;  // line index in `before` (kKeep, kRemove)
  std::size_t after;   // line index in `after` (kKeep, kAdd)
};

// Myers' O(ND) diff over lines. Fixes change few lines, so D stays small; past kMaxEdits the
// differing middle is shown as one block instead, which is still a correct diff.
std::vector<Step> diff_lines(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  constexpr long kMaxEdits = 2000;
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long offset = std::min(n + m, kMaxEdits) + 1;
  std::vector<long> v(2 * offset + 1, 0);
  std::vector<std::vector<long>> trace;
  long found_d = -1;
  for (long d = 0; d <= std::min(n + m, kMaxEdits) && found_d < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                   ? v[offset + k + 1]
                   : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  std::vector<Step> steps;
  if (found_d < 0) {  // too different: common ends, and the middle replaced
    std::size_t head = 0, tail = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    while (tail + head < a.size() && tail + head < b.size() &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
      ++tail;
    }
    for (std::size_t i = 0; i < head; ++i) steps.push_back({Op::kKeep, i, i});
    for (std::size_t i = head; i < a.size() - tail; ++i) steps.push_back({Op::kRemove, i, 0});
    for (std::size_t j = head; j < b.size() - tail; ++j) steps.push_back({Op::kAdd, 0, j});
    for (std::size_t t = tail; t > 0; --t) steps.push_back({Op::kKeep, a.size() - t, b.size() - t});
    return steps;
  }
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[d];
    const long k = x - y;
    const bool down = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]);
    const long prev_k = down ? k + 1 : k - 1;
    const long prev_x = pv[offset + prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      steps.push_back({Op::kKeep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (down) {
      --y;
      steps.push_back({Op::kAdd, 0, static_cast<std::size_t>(y)});
    } else {
      --x;
      steps.push_back({Op::kRemove, static_cast<std::size_t>(x), 0});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    steps.push_back({Op::kKeep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

// A line as a diff shows it; the last line of a file without a final newline is marked.
void write_line(std::string& out, char op, std::string_view line) {
  out += op;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

Applied apply_fixes(std::string_view text, std::span<const engine::Finding> findings) {
  std::vector<const engine::Edit*> edits;
  Applied applied;
  for (const engine::Finding& finding : findings) {
    if (!finding.fix) continue;
    bool clashes = false;
    for (const engine::Edit& edit : finding.fix->edits) {
      for (const engine::Edit* taken : edits)
        clashes = clashes || conflicts(edit.range, taken->range);
    }
    if (clashes) continue;
    for (const engine::Edit& edit : finding.fix->edits) edits.push_back(&edit);
    ++applied.fixes;
  }
  std::sort(edits.begin(), edits.end(), [](const engine::Edit* a, const engine::Edit* b) {
    return a->range.begin < b->range.begin;
  });
  std::size_t at = 0;
  for (const engine::Edit* edit : edits) {
    applied.text.append(text.substr(at, edit->range.begin - at));
    applied.text.append(edit->replacement);
    at = edit->range.end;
  }
  applied.text.append(text.substr(at));
  return applied;
}

Result<bool> write_in_place(const std::string& path, std::string_view original,
                            std::string_view text) {
  namespace fs = std::filesystem;
  auto fail = [&](std::string_view what) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot fix '{}': {}: {}", path, what, std::strerror(errno)));
  };
  // A symbolic link stays one: the file it points to is replaced.
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) {
    errno = ec.value();
    return fail("cannot resolve the path");
  }
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) return fail("stat");
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.iamlint-XXXXXX", target.filename().string()))
          .string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return fail("cannot create a temporary file beside it");
  // The same mode, and the same owner where allowed (root fixing another user's file).
  bool written = ::fchmod(fd, info.st_mode & 07777) == 0;
  if (written && (info.st_uid != ::geteuid() || info.st_gid != ::getegid())) {
    [[maybe_unused]] const int ignored = ::fchown(fd, info.st_uid, info.st_gid);
  }
  for (std::size_t done = 0; written && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<std::size_t>(n);
  }
  written = ::fsync(fd) == 0 && written;
  written = ::close(fd) == 0 && written;
  // Checked last, just before the rename: an editor or another tool may have saved meanwhile.
  auto current = source::load_file(target.string());
  const bool unchanged = current && !current->too_large && current->text == original;
  if (!written || !unchanged || ::rename(temporary.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    errno = saved;
    if (written && !unchanged) {
      return make_error(
          ErrorCode::kIo,
          fmt::format("cannot fix '{}': it changed since it was read; not written", path));
    }
    return fail(written ? "cannot rename the fixed text over it" : "cannot write the fixed text");
  }
  return true;
}

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  const std::vector<std::string_view> a = lines_of(before), b = lines_of(after);
  const std::vector<Step> steps = diff_lines(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change that is
    // within 2 * kContext unchanged lines of the next.
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    for (std::size_t quiet = 0; end < steps.size(); ++end) {
      quiet = steps[end].op == Op::kKeep ? quiet + 1 : 0;
      if (quiet > 2 * kContext) break;
    }
    while (end > i && steps[end - 1].op == Op::kKeep) --end;
    end = std::min(steps.size(), end + kContext);
    std::size_t old_start = 0, new_start = 0, old_count = 0, new_count = 0;
    bool first_old = true, first_new = true;
    std::string body;
    for (std::size_t s = start; s < end; ++s) {
      const Step& step = steps[s];
      if (step.op != Op::kAdd) {
        if (first_old) old_start = step.before, first_old = false;
        ++old_count;
      }
      if (step.op != Op::kRemove) {
        if (first_new) new_start = step.after, first_new = false;
        ++new_count;
      }
      write_line(body, static_cast<char>(step.op),
                 step.op == Op::kAdd ? b[step.after] : a[step.before]);
    }
    // As diff -u: a range of no lines names the line before it.
    auto range = [](std::size_t first, std::size_t count, bool none) {
      return count == 1 ? fmt::format("{}", first + 1)
                        : fmt::format("{},{}", none ? first : first + 1, count);
    };
    out += fmt::format("@@ -{} +{} @@\n", range(old_start, old_count, first_old),
                       range(new_start, new_count, first_new));
    out += body;
    i = end;
  }
  return out;
}

}  // namespace iamlint::app
