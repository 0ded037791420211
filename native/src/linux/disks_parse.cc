#include "disks_parse.h"

#include <set>

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

namespace {

// Undoes the kernel's mangle() of mount paths: \040 space, \011 tab, \012 newline, \134 backslash.
std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
        s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
      out.push_back(
          static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0')));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::vector<MountEntry> ParseMountinfo(std::string_view text) {
  std::vector<MountEntry> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    std::string_view fields[6], f;
    int n = 0;
    std::string_view rest = line;
    while (n < 6 && NextField(&rest, &f)) fields[n++] = f;
    if (n < 6) continue;
    // After the optional fields comes a lone "-", then fstype, source, super options.
    bool dash = false;
    while (NextField(&rest, &f)) {
      if (f == "-") {
        dash = true;
        break;
      }
    }
    std::string_view fs_type, source;
    if (!dash || !NextField(&rest, &fs_type)) continue;
    if (!NextField(&rest, &source)) source = std::string_view();
    MountEntry m;
    m.mount_point = Unescape(fields[4]);
    m.fs_type = Unescape(fs_type);
    m.source = Unescape(source);
    const std::string_view opts = fields[5];
    m.read_only = opts == "ro" || StartsWith(opts, "ro,");
    out.push_back(std::move(m));
  }
  return out;
}

bool IsNetworkFs(std::string_view fs_type) {
  // Kernel network filesystems, then FUSE daemons that talk to a remote server. mountinfo shows a
  // FUSE mount as "fuse.<subtype>" when the daemon names itself, "fuse"/"fuseblk" otherwise (those
  // are left in: fuseblk is local ntfs-3g/exfat, and plain fuse cannot be told apart).
  static const std::set<std::string_view> kNetwork = {"9p",
                                                      "afs",
                                                      "beegfs",
                                                      "ceph",
                                                      "cifs",
                                                      "coda",
                                                      "davfs",
                                                      "glusterfs",
                                                      "gpfs",
                                                      "lustre",
                                                      "ncpfs",
                                                      "nfs",
                                                      "nfs4",
                                                      "orangefs",
                                                      "pvfs2",
                                                      "smb",
                                                      "smb3",
                                                      "smbfs",
                                                      "fuse.ceph-fuse",
                                                      "fuse.cephfs",
                                                      "fuse.curlftpfs",
                                                      "fuse.davfs2",
                                                      "fuse.gcsfuse",
                                                      "fuse.glusterfs",
                                                      "fuse.goofys",
                                                      "fuse.juicefs",
                                                      "fuse.rclone",
                                                      "fuse.s3fs",
                                                      "fuse.s3fs-fuse",
                                                      "fuse.smbnetfs",
                                                      "fuse.sshfs",
                                                      "fuse.sshfs-fuse"};
  return kNetwork.count(fs_type) != 0;
}

bool IsIgnoredBlockDevice(std::string_view name) {
  for (std::string_view prefix : {"ram", "loop", "fd", "zram"}) {
    if (StartsWith(name, prefix) && AllDigits(name.substr(prefix.size()))) return true;
  }
  // sda1, hdb2, vdc3, xvda1: a letter run after the prefix, then the partition number.
  for (std::string_view prefix : {"xvd", "sd", "hd", "vd"}) {
    if (!StartsWith(name, prefix)) continue;
    size_t i = prefix.size(), j = i;
    while (j < name.size() && name[j] >= 'a' && name[j] <= 'z') ++j;
    if (j > i && AllDigits(name.substr(j))) return true;
  }
  // nvme0n1p2
  if (StartsWith(name, "nvme")) {
    const size_t p = name.rfind('p');
    const size_t n = name.find('n', 4);
    if (p != std::string_view::npos && n != std::string_view::npos && p > n &&
        AllDigits(name.substr(4, n - 4)) && AllDigits(name.substr(n + 1, p - n - 1)) &&
        AllDigits(name.substr(p + 1))) {
      return true;
    }
  }
  return false;
}

std::vector<RawDiskIo> ParseDiskstats(std::string_view text) {
  std::vector<RawDiskIo> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    std::string_view f[14];
    int n = 0;
    std::string_view rest = line;
    while (n < 14 && NextField(&rest, &f[n])) ++n;
    if (n < 14) continue;
    uint64_t v[11];
    bool ok = true;
    for (int i = 0; i < 11 && ok; ++i) {
      const auto x = ParseU64(f[3 + i]);
      ok = x.has_value();
      if (ok) v[i] = *x;
    }
    if (!ok || IsIgnoredBlockDevice(f[2])) continue;
    // v: 0 reads, 1 reads merged, 2 sectors read, 3 ms reading, 4 writes, 5 writes merged,
    // 6 sectors written, 7 ms writing, 8 in flight, 9 ms doing I/O, 10 weighted ms.
    if (v[2] > UINT64_MAX / 512 || v[6] > UINT64_MAX / 512) continue;
    RawDiskIo d;
    d.name = std::string(f[2]);
    d.read_ops = v[0];
    d.read_bytes = v[2] * 512;
    d.read_time_ms = v[3];
    d.write_ops = v[4];
    d.write_bytes = v[6] * 512;
    d.write_time_ms = v[7];
    d.io_time_ms = v[9];
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace darwinmetrics
