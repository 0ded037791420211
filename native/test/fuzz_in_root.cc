// libFuzzer target for the --root path resolution (in_root.cc): any path, walked through the
// relative and absolute symlinks of test/fixtures/linux/laptop, must stay inside that tree, with
// openat2 RESOLVE_IN_ROOT and with our own walk. Built and run by scripts/fuzz.mjs from the repo
// root (npm run fuzz).
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../src/linux/in_root.h"

namespace {

int RootFd() {
  static const int fd = open("test/fixtures/linux/laptop", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) abort();  // run from the repo root
  return fd;
}

const std::string& RealRoot() {
  static const std::string real = [] {
    char buf[PATH_MAX];
    if (realpath("test/fixtures/linux/laptop", buf) == nullptr) abort();
    return std::string(buf);
  }();
  return real;
}

// The opened file is the root itself or lies below it.
void CheckInside(int fd) {
  char link[64], target[PATH_MAX];
  snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof(target) - 1);
  if (n <= 0) abort();
  const std::string_view path(target, static_cast<size_t>(n));
  const std::string& root = RealRoot();
  if (path != root && (path.substr(0, root.size()) != root || path[root.size()] != '/')) abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string rel(reinterpret_cast<const char*>(data), size);
  rel.resize(strnlen(rel.c_str(), rel.size()));  // a path ends at its first NUL
  std::string resolved;
  if (darwinmetrics::ResolveInRoot(RootFd(), rel, true, &resolved) == 0) {
    if (!resolved.empty() && resolved.front() == '/') abort();
    if (resolved == ".." || resolved.rfind("../", 0) == 0 || resolved.find("/../") != std::string::npos)
      abort();
  }
  for (auto mode : {darwinmetrics::InRootMode::kOpenat2, darwinmetrics::InRootMode::kFallback}) {
    const int fd = darwinmetrics::OpenInRoot(RootFd(), rel, O_PATH, &mode);
    if (fd < 0) continue;
    CheckInside(fd);
    close(fd);
  }
  return 0;
}
