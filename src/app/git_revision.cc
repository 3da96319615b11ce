#include "app/git_revision.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/core.h>

#include "source/source_file.h"

extern char** environ;

namespace iamlint::app {
namespace {

struct GitOutput {
  int status = -1;  // the exit status; -1 when git did not exit normally
  std::string out;
};

// Runs `git -C root ARGS...` with its standard error discarded, reading at most `max_bytes` of
// its output (a larger file is past the size limit anyway).
Result<GitOutput> run_git(const std::filesystem::path& root, std::vector<std::string> args,
                          std::size_t max_bytes) {
  args.insert(args.begin(), {"git", "-C", root.string()});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::array<int, 2> pipe_ends{};
  if (pipe(pipe_ends.data()) != 0)
    return make_error(ErrorCode::kInternal,
                      fmt::format("cannot run git: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_ends[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_ends[1]);
  if (spawned != 0) {
    close(pipe_ends[0]);
    return make_error(ErrorCode::kUsage, fmt::format("cannot run git: {}", std::strerror(spawned)));
  }
  GitOutput output;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t got = read(pipe_ends[0], buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    if (output.out.size() <= max_bytes)
      output.out.append(buffer.data(), static_cast<std::size_t>(got));
  }
  close(pipe_ends[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) output.status = WEXITSTATUS(status);
  return output;
}

}  // namespace

Result<GitRevision> GitRevision::open(const std::string& revision,
                                      const std::filesystem::path& directory) {
  // A revision that starts with '-' would be read as an option.
  if (revision.empty() || revision.starts_with('-'))
    return make_error(ErrorCode::kUsage,
                      fmt::format("--base-ref '{}' is not a revision", revision));
  auto toplevel = run_git(directory, {"rev-parse", "--show-toplevel"}, 4096);
  if (!toplevel) return Unexpected(toplevel.error());
  if (toplevel->status != 0) {
    return make_error(
        ErrorCode::kUsage,
        fmt::format("--base-ref needs a git repository; '{}' is not in one", directory.string()));
  }
  std::string root = toplevel->out.substr(0, toplevel->out.find('\n'));
  auto commit = run_git(
      root, {"rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"}, 4096);
  if (!commit) return Unexpected(commit.error());
  if (commit->status != 0) {
    return make_error(
        ErrorCode::kUsage,
        fmt::format("--base-ref '{}' names no commit of the repository at '{}'", revision, root));
  }
  return GitRevision(commit->out.substr(0, commit->out.find('\n')), std::move(root));
}

Result<std::optional<std::string>> GitRevision::read(const std::string& path) const {
  auto listed = run_git(root_, {"ls-tree", "--name-only", commit_, "--", path}, 1 << 16);
  if (!listed) return Unexpected(listed.error());
  if (listed->status != 0) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("git cannot list '{}' at {}", path, commit_.substr(0, 12)));
  }
  if (listed->out.empty()) return std::optional<std::string>();
  auto blob = run_git(root_, {"cat-file", "blob", commit_ + ":" + path}, source::kMaxFileBytes);
  if (!blob) return Unexpected(blob.error());
  if (blob->status != 0) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("git cannot read '{}' at {}", path, commit_.substr(0, 12)));
  }
  return std::optional<std::string>(std::move(blob->out));
}

}  // namespace iamlint::app
