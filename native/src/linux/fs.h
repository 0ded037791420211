// File access for the Linux backend. Every path is relative to the injectable root, so fixture
// trees and the live machine go through the same code.
#ifndef DARWINMETRICS_LINUX_FS_H_
#define DARWINMETRICS_LINUX_FS_H_

#include <optional>
#include <string>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

class RootFs {
 public:
  explicit RootFs(std::string root);

  bool is_live() const { return live_; }
  // root + "/" + rel (rel has no leading slash).
  std::string Path(const std::string& rel) const;

  // Reads a whole file of any length into *out. Returns 0 or the errno of the failure.
  int Read(const std::string& rel, std::string* out) const;
  // Same, for an absolute path already joined with Path() (used when walking folders).
  static int ReadAbs(const std::string& path, std::string* out);

  // The trimmed first line; nullopt when unreadable.
  static std::optional<std::string> ReadLineAbs(const std::string& path);
  // A whole-file integer or decimal; nullopt when unreadable or not a number.
  static std::optional<double> ReadNumberAbs(const std::string& path);

  // Names in a folder (no "." or ".."), sorted; empty when unreadable (*error gets the errno).
  static std::vector<std::string> ListAbs(const std::string& path, int* error = nullptr);
  // The last component of a symlink's target ("amdgpu" for device/driver); nullopt when no link.
  static std::optional<std::string> LinkBaseAbs(const std::string& path);
  static bool ExistsAbs(const std::string& path);
  // A directory, following symlinks (every sys/class/*/* entry is a symlink into devices/).
  static bool IsDirAbs(const std::string& path);

 private:
  std::string root_;
  bool live_;
};

// The section error for a failed read: EACCES/EPERM → permission, ENOENT → unavailable.
ErrorReason ReasonForErrno(int error);
std::string ErrnoText(int error);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_FS_H_
