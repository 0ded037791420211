#include "in_root.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <deque>
#include <vector>

#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#else
// include/uapi/linux/openat2.h (Linux 5.6), for build hosts whose headers predate it.
struct open_how {
  unsigned long long flags;
  unsigned long long mode;
  unsigned long long resolve;
};
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_IN_ROOT 0x10
#endif
#ifndef SYS_openat2
// The same number on every architecture (include/uapi/asm-generic/unistd.h).
#define SYS_openat2 437
#endif

namespace darwinmetrics {

namespace {

// Linux's MAXSYMLINKS (include/linux/namei.h): more links in one lookup is ELOOP.
constexpr int kMaxSymlinks = 40;

// Puts the components of `path` in front of *pending, in order; "" and "." are dropped.
void PushFront(std::deque<std::string>* pending, std::string_view path) {
  std::vector<std::string> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  pending->insert(pending->begin(), parts.begin(), parts.end());
}

std::string Join(const std::vector<std::string>& parts, const std::string& last) {
  std::string out;
  for (const std::string& p : parts) out.append(p).push_back('/');
  return out.append(last);
}

}  // namespace

int ResolveInRoot(int root_fd, std::string_view rel, bool follow_last, std::string* out) {
  std::deque<std::string> pending;
  PushFront(&pending, rel);
  // Every entry is a real folder (never a symlink), so ".." may be taken lexically.
  std::vector<std::string> resolved;
  int links = 0;
  char target[PATH_MAX];
  while (!pending.empty()) {
    std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == "..") {
      if (!resolved.empty()) resolved.pop_back();
      continue;
    }
    const std::string candidate = Join(resolved, part);
    struct stat st;
    if (fstatat(root_fd, candidate.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return errno;
    const bool last = pending.empty();
    if (S_ISLNK(st.st_mode) && (!last || follow_last)) {
      if (++links > kMaxSymlinks) return ELOOP;
      const ssize_t n = readlinkat(root_fd, candidate.c_str(), target, sizeof(target));
      if (n < 0) return errno;
      if (static_cast<size_t>(n) == sizeof(target)) return ENAMETOOLONG;
      const std::string_view link(target, static_cast<size_t>(n));
      if (!link.empty() && link.front() == '/') resolved.clear();  // absolute: from the root again
      PushFront(&pending, link);
      continue;
    }
    if (!last && !S_ISDIR(st.st_mode)) return ENOTDIR;
    resolved.push_back(std::move(part));
  }
  *out = resolved.empty() ? "." : Join({resolved.begin(), resolved.end() - 1}, resolved.back());
  return 0;
}

int OpenInRoot(int root_fd, std::string_view rel, int flags, InRootMode* mode) {
  if (*mode == InRootMode::kOpenat2) {
    const std::string path(rel.empty() ? std::string_view(".") : rel);
    open_how how{};
    how.flags = static_cast<unsigned long long>(flags | O_CLOEXEC);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const long fd = syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof(how));
      if (fd >= 0) return static_cast<int>(fd);
      // EAGAIN: a rename raced the lookup; the kernel asks for a retry (openat2(2)).
      if (errno != EAGAIN) break;
    }
    if (errno == ENOSYS) *mode = InRootMode::kFallback;
    // Seccomp filters that predate openat2 (Docker's before 20.10) answer EPERM: walk instead.
    if (errno != ENOSYS && errno != EPERM && errno != EAGAIN) return -1;
  }
  std::string resolved;
  const int err = ResolveInRoot(root_fd, rel, (flags & O_NOFOLLOW) == 0, &resolved);
  if (err != 0) {
    errno = err;
    return -1;
  }
  // O_NOFOLLOW: the last component was no symlink a moment ago; it must not have become one.
  return openat(root_fd, resolved.c_str(), flags | O_CLOEXEC | O_NOFOLLOW);
}

}  // namespace darwinmetrics
