// Parsers for proc/self/mountinfo and proc/diskstats.
#ifndef DARWINMETRICS_LINUX_DISKS_PARSE_H_
#define DARWINMETRICS_LINUX_DISKS_PARSE_H_

#include <string>
#include <string_view>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

struct MountEntry {
  std::string mount_point;
  std::string fs_type;
  std::string source;
  bool read_only = false;
};

// proc(5) mountinfo: "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=..."
// with octal escapes (\040 for a space) in paths. Malformed lines are skipped.
std::vector<MountEntry> ParseMountinfo(std::string_view text);

// Documentation/admin-guide/iostats.rst: fields 4 (reads completed), 6 (sectors read), 7 (ms
// reading), 8 (writes), 10 (sectors written), 11 (ms writing), 13 (ms doing I/O). Sectors are 512
// bytes whatever the device's block size. Partitions and virtual devices are left out as
// node_exporter's default device filter does, so counts are not doubled.
std::vector<RawDiskIo> ParseDiskstats(std::string_view text);

// True for filesystems served over the network (nfs, cifs/smb, 9p, ceph, sshfs, s3fs, davfs...).
// statvfs() on such a mount asks the server and, when the server is gone, blocks with no timeout
// (a "hard" NFS mount waits forever), so the disks section must never statvfs them.
bool IsNetworkFs(std::string_view fs_type);

// True for ram*, loop*, fd*, zram* and partitions of sd/hd/vd/xvd/nvme disks.
bool IsIgnoredBlockDevice(std::string_view name);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_DISKS_PARSE_H_
