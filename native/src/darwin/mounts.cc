// disks, capacity part: getfsstat (64-bit statfs) into our own buffer, skipping pseudo
// filesystems. Not getmntinfo(): its buffer belongs to libc and is reused or freed by the next call
// from any thread, and two Samplers can sample on two libuv workers at once.
#include <sys/mount.h>
#include <sys/param.h>
#include <sys/ucred.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "readers.h"

namespace darwinmetrics {

namespace {

bool IsPseudo(const struct statfs& fs) {
  static const char* const kPseudo[] = {"devfs", "autofs", "nullfs", "fdesc", "volfs", "lifs"};
  for (const char* type : kPseudo) {
    if (std::strcmp(fs.f_fstypename, type) == 0) return true;
  }
  return fs.f_blocks == 0;
}

}  // namespace

bool ReadMounts(RawDisks* out, std::string* error) {
  std::vector<struct statfs> list;
  int n = 0;
  // Size with a first call, then read; if mounts appeared in between (the read fills the whole
  // buffer), grow and read again.
  for (int attempt = 0;; ++attempt) {
    const int count = getfsstat(nullptr, 0, MNT_NOWAIT);
    if (count < 0) {
      *error = std::string("disks: getfsstat failed: ") + std::strerror(errno);
      return false;
    }
    list.resize(static_cast<size_t>(count) + 4);
    // MNT_NOWAIT: cached figures, so a hung network mount cannot block the sampler.
    n = getfsstat(list.data(), static_cast<int>(list.size() * sizeof(struct statfs)), MNT_NOWAIT);
    if (n < 0) {
      *error = std::string("disks: getfsstat failed: ") + std::strerror(errno);
      return false;
    }
    if (static_cast<size_t>(n) < list.size() || attempt >= 3) break;
  }
  if (n == 0) {
    *error = "disks: getfsstat returned no mounted filesystems";
    return false;
  }
  for (int i = 0; i < n; ++i) {
    const struct statfs& fs = list[i];
    if (IsPseudo(fs)) continue;
    RawMount m;
    m.mount = fs.f_mntonname;
    m.device = fs.f_mntfromname;
    m.fs_type = fs.f_fstypename;
    const uint64_t bsize = fs.f_bsize;
    m.total_bytes = fs.f_blocks * bsize;
    m.available_bytes = fs.f_bavail * bsize;
    m.used_bytes = (fs.f_blocks - fs.f_bfree) * bsize;
    m.read_only = (fs.f_flags & MNT_RDONLY) != 0;
    out->mounts.push_back(std::move(m));
  }
  return true;
}

}  // namespace darwinmetrics
