#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "text.h"

namespace darwinmetrics {

RootFs::RootFs(std::string root) : root_(std::move(root)), live_(root_ == "/") {}

std::string RootFs::Path(const std::string& rel) const {
  return live_ ? "/" + rel : root_ + "/" + rel;
}

int RootFs::Read(const std::string& rel, std::string* out) const { return ReadAbs(Path(rel), out); }

int RootFs::ReadAbs(const std::string& path, std::string* out) {
  out->clear();
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  // /proc and /sys files report size 0 or 4096 whatever they hold: read until EOF.
  size_t used = 0;
  if (out->capacity() < 4096) out->reserve(4096);
  for (;;) {
    if (out->size() < used + 4096) out->resize(std::max(out->capacity(), used + 4096));
    const ssize_t n = read(fd, &(*out)[used], out->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      close(fd);
      out->clear();
      return err;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  close(fd);
  out->resize(used);
  return 0;
}

std::optional<std::string> RootFs::ReadLineAbs(const std::string& path) {
  std::string text;
  if (ReadAbs(path, &text) != 0) return std::nullopt;
  std::string_view rest(text), line;
  if (!linux_text::NextLine(&rest, &line)) return std::string();
  return std::string(linux_text::Trim(line));
}

std::optional<double> RootFs::ReadNumberAbs(const std::string& path) {
  std::string text;
  if (ReadAbs(path, &text) != 0) return std::nullopt;
  return linux_text::ParseDouble(text);
}

std::vector<std::string> RootFs::ListAbs(const std::string& path, int* error) {
  std::vector<std::string> names;
  DIR* dir = opendir(path.c_str());
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

std::optional<std::string> RootFs::LinkBaseAbs(const std::string& path) {
  char buf[4096];
  const ssize_t n = readlink(path.c_str(), buf, sizeof(buf) - 1);
  if (n <= 0) return std::nullopt;
  std::string_view target(buf, static_cast<size_t>(n));
  while (!target.empty() && target.back() == '/') target.remove_suffix(1);
  const size_t slash = target.rfind('/');
  return std::string(slash == std::string_view::npos ? target : target.substr(slash + 1));
}

bool RootFs::ExistsAbs(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

bool RootFs::IsDirAbs(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

ErrorReason ReasonForErrno(int error) {
  if (error == EACCES || error == EPERM) return ErrorReason::kPermission;
  if (error == ENOENT || error == ENOTDIR) return ErrorReason::kUnavailable;
  return ErrorReason::kFailed;
}

std::string ErrnoText(int error) { return strerror(error); }

}  // namespace darwinmetrics
