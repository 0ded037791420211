// Opening a path inside a folder as if that folder were "/": an absolute symlink starts again at
// the folder, ".." stops at it. That is how a fixture tree or a container's root must be read, so
// that a symlink in it (hostname -> /etc/shadow) cannot reach the host's files (issue #17).
#ifndef DARWINMETRICS_LINUX_IN_ROOT_H_
#define DARWINMETRICS_LINUX_IN_ROOT_H_

#include <string>
#include <string_view>

namespace darwinmetrics {

enum class InRootMode {
  kOpenat2,   // openat2(2) with RESOLVE_IN_ROOT (Linux 5.6+), falling back when the kernel lacks it
  kFallback,  // always walk the path ourselves (tests; kernels or sandboxes without openat2)
};

// openat(root_fd, rel, flags) resolved inside root_fd. Returns the fd, or -1 with errno set.
// `rel` has no leading slash; `flags` must not hold O_CREAT. *mode falls back for good when the
// kernel answers ENOSYS.
int OpenInRoot(int root_fd, std::string_view rel, int flags, InRootMode* mode);

// The walk behind kFallback: `rel` with every symlink replaced by its target inside the root,
// the last component too when follow_last. Returns 0 and sets *out (relative to root_fd, "." for
// the root itself), or an errno (ELOOP past 40 links, as the kernel's MAXSYMLINKS). A concurrent
// rename inside the root can still race it; openat2 has no such window.
int ResolveInRoot(int root_fd, std::string_view rel, bool follow_last, std::string* out);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_IN_ROOT_H_
