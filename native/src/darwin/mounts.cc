// disks, capacity part: getmntinfo (64-bit statfs), skipping pseudo filesystems.
#include <sys/mount.h>
#include <sys/param.h>
#include <sys/ucred.h>

#include <cstring>
#include <string>

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

void ReadMounts(RawDisks* out) {
  struct statfs* list = nullptr;
  // MNT_NOWAIT: cached figures, so a hung network mount cannot block the sampler.
  const int n = getmntinfo(&list, MNT_NOWAIT);
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
}

}  // namespace darwinmetrics
