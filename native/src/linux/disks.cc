// disks section: mounts from proc/self/mountinfo with statvfs capacities (live root only: statvfs
// asks the running kernel, which knows nothing of a fixture tree; network filesystems are never
// statvfs'd, see ReadMounts), I/O counters from proc/diskstats.
#include <sys/statvfs.h>

#include <algorithm>
#include <set>

#include "disks_parse.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

// Filesystems with no capacity of their own on disk: kernel interfaces, memory-backed and
// read-only image mounts (a squashfs snap is always 100 % full). Anything else is reported.
bool IsPseudoFs(const std::string& type) {
  static const std::set<std::string> kPseudo = {
      "autofs", "binfmt_misc", "bpf",      "cgroup",          "cgroup2",    "configfs",  "debugfs",
      "devpts", "devtmpfs",    "efivarfs", "fusectl",         "hugetlbfs",  "mqueue",    "nsfs",
      "proc",   "pstore",      "ramfs",    "rpc_pipefs",      "securityfs", "selinuxfs", "squashfs",
      "sysfs",  "tmpfs",       "tracefs",  "fuse.gvfsd-fuse", "fuse.portal"};
  return kPseudo.count(type) != 0;
}

void ReadMounts(const RootFs& fs, std::vector<RawMount>* out) {
  std::string text;
  if (fs.Read("proc/self/mountinfo", &text) != 0) return;
  std::set<std::string> seen;
  const std::vector<MountEntry> entries = ParseMountinfo(text);
  // Walk from the end: a later mount on the same point hides the earlier one.
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (IsPseudoFs(it->fs_type) || !seen.insert(it->mount_point).second) continue;
    // Network mounts are left out entirely: statvfs on one whose server is down blocks with no
    // timeout, which would hang this libuv worker and every sample queued behind it. RawMount
    // (src/shared/raw.ts) requires totalBytes/usedBytes/availableBytes, so a mount cannot be
    // listed without asking for them. The mount point still counts as seen, so an earlier local
    // mount it hides is not reported in its place.
    if (IsNetworkFs(it->fs_type)) continue;
    struct statvfs st;
    if (statvfs(it->mount_point.c_str(), &st) != 0 || st.f_blocks == 0) continue;
    RawMount m;
    m.mount = it->mount_point;
    m.device = it->source;
    m.fs_type = it->fs_type;
    const uint64_t unit = st.f_frsize != 0 ? st.f_frsize : st.f_bsize;
    m.total_bytes = static_cast<uint64_t>(st.f_blocks) * unit;
    // used = blocks − free (root-reserved blocks count as used, as df(1) shows them).
    m.used_bytes = static_cast<uint64_t>(st.f_blocks - st.f_bfree) * unit;
    m.available_bytes = static_cast<uint64_t>(st.f_bavail) * unit;
    m.read_only = it->read_only || (st.f_flag & ST_RDONLY) != 0;
    out->push_back(std::move(m));
  }
  std::reverse(out->begin(), out->end());
}

}  // namespace

void ReadDisks(const RootFs& fs, SectionResult<RawDisks>* out) {
  std::string text;
  const int err = fs.Read("proc/diskstats", &text);
  if (err != 0 && !fs.is_live()) {
    return out->Fail(ReasonForErrno(err), "proc/diskstats: " + ErrnoText(err));
  }
  RawDisks& d = out->Ok();
  if (err == 0) d.devices = ParseDiskstats(text);
  if (fs.is_live()) ReadMounts(fs, &d.mounts);
}

}  // namespace darwinmetrics
