// File access for the Linux backend. Every path is relative to the injectable root, so fixture
// trees and the live machine go through the same code.
//
// No read may hang or grow without bound, whatever the root holds (issue #17): files open
// non-blocking (a FIFO answers at once instead of waiting for a writer), every read stops at a cap
// for its kind of file, and under a root other than "/" paths resolve inside the root (an absolute
// symlink starts again at the root, ".." stops there) and only regular files are read (procfs and
// sysfs files are regular; a FIFO or /dev/zero is not). The live root keeps its plain open + read:
// no syscall is added per file there.
#ifndef DARWINMETRICS_LINUX_FS_H_
#define DARWINMETRICS_LINUX_FS_H_

#include <dirent.h>
#include <sys/stat.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "../raw.h"
#include "in_root.h"

namespace darwinmetrics {

// A sysfs attribute holds at most one page (Documentation/filesystems/sysfs.rst, "show() ... must
// not exceed PAGE_SIZE"); pages are up to 64 KiB (arm64, ppc64).
constexpr size_t kAttributeCap = 64 * 1024;
// A procfs table (stat, cpuinfo, mountinfo, net/dev) or etc/ file. Such tables grow by a line per
// CPU, mount or interface, about 1.5 KB per CPU in cpuinfo and 200 B per mount in mountinfo: a
// 1,024-CPU machine or a host with 10,000 container mounts stays under 2 MB; 16 MiB leaves room.
constexpr size_t kTableCap = 16 * 1024 * 1024;

// Errors beyond errno: a path under the root that is no regular file, a file over its cap.
constexpr int kErrNotRegular = -2;
constexpr int kErrTooLarge = -3;

class RootFs {
 public:
  explicit RootFs(std::string root);
  ~RootFs();
  RootFs(const RootFs&) = delete;
  RootFs& operator=(const RootFs&) = delete;

  bool is_live() const { return live_; }
  // root + "/" + rel (rel has no leading slash).
  std::string Path(const std::string& rel) const;

  // Reads a whole file of at most `cap` bytes into *out. Returns 0 or an errno / kErr* code.
  int Read(const std::string& rel, std::string* out, size_t cap = kTableCap) const;
  // Same, for a path already joined with Path() (used when walking folders).
  int ReadAbs(const std::string& path, std::string* out, size_t cap = kTableCap) const;

  // The trimmed first line of an attribute-sized file; nullopt when unreadable.
  std::optional<std::string> ReadLineAbs(const std::string& path) const;
  // An attribute-sized whole-file integer or decimal; nullopt when unreadable or not a number.
  std::optional<double> ReadNumberAbs(const std::string& path) const;

  // Names in a folder (no "." or ".."), sorted; empty when unreadable (*error gets the errno).
  std::vector<std::string> ListAbs(const std::string& path, int* error = nullptr) const;
  // The folder itself, for readers that walk it with readdir; nullptr with errno set.
  DIR* OpenDirAbs(const std::string& path) const;
  // openat(dir_fd, rel) for reading, kept inside dir_fd under a root other than "/"; -1 and errno.
  // The caller caps its reads (a FIFO answers at once: the file is non-blocking).
  int OpenReadAt(int dir_fd, const char* rel) const;
  // The last component of a symlink's target ("amdgpu" for device/driver); nullopt when no link.
  std::optional<std::string> LinkBaseAbs(const std::string& path) const;
  // stat(2) of a joined path, following symlinks inside the root; false when it does not resolve.
  bool StatAbs(const std::string& path, struct stat* st) const;
  bool ExistsAbs(const std::string& path) const;
  // A directory, following symlinks (every sys/class/*/* entry is a symlink into devices/).
  bool IsDirAbs(const std::string& path) const;

 private:
  // open(2) of a joined path: plain on the live root, resolved inside the root otherwise.
  int Open(const std::string& path, int flags) const;

  std::string root_;
  bool live_;
  int root_fd_ = -1;  // the root folder, for resolving inside it (not opened for the live root)
  // Sample() never runs twice at once for one backend (backend.h), so this needs no lock.
  mutable InRootMode mode_ = InRootMode::kOpenat2;
};

// The section error for a failed read: EACCES/EPERM → permission, ENOENT → unavailable.
ErrorReason ReasonForErrno(int error);
std::string ErrnoText(int error);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_FS_H_
