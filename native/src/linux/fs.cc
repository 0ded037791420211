#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "text.h"

namespace darwinmetrics {

namespace {

// O_NONBLOCK: open(2) and read(2) of a FIFO return at once; O_NOCTTY: a tty never becomes ours.
constexpr int kReadFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

// Reads fd to EOF, at most `cap` bytes, into *out (whose capacity is reused across calls).
int ReadCapped(int fd, std::string* out, size_t cap) {
  // /proc and /sys files report size 0 or 4096 whatever they hold: read until EOF.
  size_t used = 0;
  if (out->capacity() < 4096) out->reserve(4096);
  for (;;) {
    if (out->size() < used + 4096)
      out->resize(std::min(std::max(out->capacity(), used + 4096), cap + 1));
    const ssize_t n = read(fd, &(*out)[used], out->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    if (used > cap) return kErrTooLarge;
  }
  out->resize(used);
  return 0;
}

}  // namespace

RootFs::RootFs(std::string root) : root_(std::move(root)), live_(root_ == "/") {
  if (live_) return;
  root_fd_ = open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  // Walking symlinks ourselves instead of openat2: for tests, and for sandboxes whose seccomp
  // filter kills openat2 outright rather than answering ENOSYS or EPERM.
  const char* how = getenv("DARWINMETRICS_IN_ROOT");
  if (how != nullptr && strcmp(how, "walk") == 0) mode_ = InRootMode::kFallback;
}

RootFs::~RootFs() {
  if (root_fd_ >= 0) close(root_fd_);
}

std::string RootFs::Path(const std::string& rel) const {
  return live_ ? "/" + rel : root_ + "/" + rel;
}

int RootFs::Open(const std::string& path, int flags) const {
  if (live_) return open(path.c_str(), flags | O_CLOEXEC);
  if (root_fd_ < 0) {
    errno = EBADF;  // the root could not be opened (CreateBackend checked it is a folder)
    return -1;
  }
  const size_t n = root_.size();
  if (path.compare(0, n, root_) != 0 || (path.size() > n && path[n] != '/')) {
    errno = EXDEV;  // not a path under this root: a bug in a reader, refused rather than read
    return -1;
  }
  return OpenInRoot(root_fd_, path.size() > n ? std::string_view(path).substr(n + 1) : "", flags,
                    &mode_);
}

int RootFs::Read(const std::string& rel, std::string* out, size_t cap) const {
  return ReadAbs(Path(rel), out, cap);
}

int RootFs::ReadAbs(const std::string& path, std::string* out, size_t cap) const {
  out->clear();
  const int fd = Open(path, kReadFlags);
  if (fd < 0) return errno;
  int err = 0;
  struct stat st;
  if (!live_ && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) err = kErrNotRegular;
  if (err == 0) err = ReadCapped(fd, out, cap);
  close(fd);
  if (err != 0) out->clear();
  return err;
}

std::optional<std::string> RootFs::ReadLineAbs(const std::string& path) const {
  std::string text;
  if (ReadAbs(path, &text, kAttributeCap) != 0) return std::nullopt;
  std::string_view rest(text), line;
  if (!linux_text::NextLine(&rest, &line)) return std::string();
  return std::string(linux_text::Trim(line));
}

std::optional<double> RootFs::ReadNumberAbs(const std::string& path) const {
  std::string text;
  if (ReadAbs(path, &text, kAttributeCap) != 0) return std::nullopt;
  return linux_text::ParseDouble(text);
}

DIR* RootFs::OpenDirAbs(const std::string& path) const {
  if (live_) return opendir(path.c_str());
  const int fd = Open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK);
  if (fd < 0) return nullptr;
  DIR* dir = fdopendir(fd);
  if (dir == nullptr) close(fd);
  return dir;
}

int RootFs::OpenReadAt(int dir_fd, const char* rel) const {
  if (live_) return openat(dir_fd, rel, kReadFlags);
  return OpenInRoot(dir_fd, rel, kReadFlags, &mode_);
}

std::vector<std::string> RootFs::ListAbs(const std::string& path, int* error) const {
  std::vector<std::string> names;
  DIR* dir = OpenDirAbs(path);
  if (dir == nullptr) {
    if (error != nullptr) *error = errno;
    return names;
  }
  if (error != nullptr) *error = 0;
  while (dirent* e = readdir(dir)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    names.emplace_back(e->d_name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> RootFs::LinkBaseAbs(const std::string& path) const {
  char buf[4096];
  ssize_t n;
  if (live_) {
    n = readlink(path.c_str(), buf, sizeof(buf) - 1);
  } else {
    // The link itself, not its target: O_PATH | O_NOFOLLOW opens the symlink, readlinkat(fd, "").
    const int fd = Open(path, O_PATH | O_NOFOLLOW);
    if (fd < 0) return std::nullopt;
    n = readlinkat(fd, "", buf, sizeof(buf) - 1);
    close(fd);
  }
  if (n <= 0) return std::nullopt;
  std::string_view target(buf, static_cast<size_t>(n));
  while (!target.empty() && target.back() == '/') target.remove_suffix(1);
  const size_t slash = target.rfind('/');
  return std::string(slash == std::string_view::npos ? target : target.substr(slash + 1));
}

namespace {

bool FstatAndClose(int fd, struct stat* st) {
  const bool ok = fd >= 0 && fstat(fd, st) == 0;
  if (fd >= 0) close(fd);
  return ok;
}

}  // namespace

bool RootFs::StatAbs(const std::string& path, struct stat* st) const {
  if (live_) return stat(path.c_str(), st) == 0;
  return FstatAndClose(Open(path, O_PATH), st);
}

bool RootFs::ExistsAbs(const std::string& path) const {
  struct stat st;
  return StatAbs(path, &st);
}

bool RootFs::IsDirAbs(const std::string& path) const {
  struct stat st;
  return StatAbs(path, &st) && S_ISDIR(st.st_mode);
}

ErrorReason ReasonForErrno(int error) {
  if (error == EACCES || error == EPERM) return ErrorReason::kPermission;
  if (error == ENOENT || error == ENOTDIR) return ErrorReason::kUnavailable;
  return ErrorReason::kFailed;
}

std::string ErrnoText(int error) {
  if (error == kErrNotRegular) return "not a regular file (a FIFO, device or socket is never read)";
  if (error == kErrTooLarge) return "larger than a file of its kind can be (read refused)";
  return strerror(error);
}

}  // namespace darwinmetrics
