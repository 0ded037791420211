// processes section: every numeric entry of proc/, read through one directory handle kept open
// across samples (openat/readlinkat relative to it: no path building per file). A pid that vanishes
// between listing and reading is skipped.
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cpu_parse.h"
#include "processes_parse.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

// Reads a small proc file relative to dfd into *buf; false when it is gone, unreadable or larger
// than an attribute (a hostile root's proc/1/stat may be /dev/zero: the read stops at the cap).
// /proc/<pid>/{stat,io} are generated whole on the first read (seq_file single_open), so a read
// that leaves room in the buffer has the whole file and the EOF read is skipped: one syscall saved
// per file.
bool ReadAt(const RootFs& fs, int dfd, const char* rel, std::string* buf) {
  const int fd = fs.OpenReadAt(dfd, rel);
  if (fd < 0) return false;
  if (buf->size() < 4096) buf->resize(4096);
  size_t used = 0;
  for (;;) {
    if (used == buf->size()) {
      if (used >= kAttributeCap) break;
      buf->resize(std::min(buf->size() * 2, kAttributeCap));
    }
    const ssize_t n = read(fd, &(*buf)[used], buf->size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return false;
    }
    used += static_cast<size_t>(n);
    if (n == 0 || used < buf->size()) break;
  }
  close(fd);
  if (used >= kAttributeCap) return false;
  buf->resize(used);
  return used > 0;
}

bool IsPid(const char* name) {
  if (*name == '\0') return false;
  for (const char* c = name; *c; ++c) {
    if (*c < '0' || *c > '9') return false;
  }
  return true;
}

}  // namespace

ProcessReader::~ProcessReader() {
  if (proc_dir_ != nullptr) closedir(proc_dir_);
}

void ProcessReader::LoadUsers(const RootFs& fs) {
  const std::string path = fs.Path("etc/passwd");
  struct stat st;
  const bool exists = fs.StatAbs(path, &st);
  if (users_loaded_ && exists && st.st_mtim.tv_sec == passwd_mtime_.tv_sec &&
      st.st_mtim.tv_nsec == passwd_mtime_.tv_nsec) {
    return;
  }
  users_loaded_ = true;
  users_.clear();
  if (!exists) return;
  passwd_mtime_ = st.st_mtim;
  std::string text;
  if (fs.ReadAbs(path, &text) == 0) users_ = ParsePasswd(text);
}

const std::string& ProcessReader::UserName(uid_t uid, const RootFs& fs) {
  auto it = users_.find(uid);
  if (it != users_.end()) return it->second;
  std::string name;
  // Users from NSS (LDAP, systemd-homed) are not in etc/passwd: ask libc, on the live root only.
  if (fs.is_live()) {
    passwd pw{}, *result = nullptr;
    char buf[1024];
    if (getpwuid_r(uid, &pw, buf, sizeof(buf), &result) == 0 && result != nullptr)
      name = pw.pw_name;
  }
  return users_.emplace(uid, std::move(name)).first->second;
}

void ProcessReader::Read(const RootFs& fs, SectionResult<RawProcesses>* out) {
  if (proc_dir_ == nullptr) {
    proc_dir_ = fs.OpenDirAbs(fs.Path("proc"));
    if (proc_dir_ == nullptr) {
      const int err = errno;
      return out->Fail(ReasonForErrno(err), "proc: " + ErrnoText(err));
    }
  } else {
    rewinddir(proc_dir_);
  }
  if (!boot_ms_ && fs.Read("proc/stat", &text_) == 0) {
    if (auto btime = ParseProcStat(text_).btime) boot_ms_ = static_cast<double>(*btime) * 1000.0;
  }
  LoadUsers(fs);
  const int dfd = dirfd(proc_dir_);
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  const double nan = std::nan("");
  RawProcesses& p = out->Ok();
  p.reserve(512);
  PidStat st;
  char rel[64];
  char exe[4096];
  std::vector<ExeKey> seen;
  seen.reserve(exe_cache_.size() + 64);
  while (dirent* e = readdir(proc_dir_)) {
    if (!IsPid(e->d_name) || strlen(e->d_name) > 20) continue;
    snprintf(rel, sizeof(rel), "%s/stat", e->d_name);
    if (!ReadAt(fs, dfd, rel, &text_) || !ParsePidStat(text_, &st)) continue;
    struct stat dir_stat;
    if (fstatat(dfd, e->d_name, &dir_stat, 0) != 0) continue;  // vanished
    // The executable changes only with exec, which also renames the process: cache it by pid,
    // start time and name. Kernel threads have none.
    const bool kthread = (st.flags & kPfKthread) != 0;
    std::string path;
    ExeKey key{st.pid, st.start_ticks};
    auto cached = exe_cache_.find(key);
    if (cached != exe_cache_.end() && cached->second.comm == st.comm) {
      path = cached->second.path;
      seen.push_back(key);
    } else if (!kthread) {
      snprintf(rel, sizeof(rel), "%s/exe", e->d_name);
      const ssize_t exe_len = readlinkat(dfd, rel, exe, sizeof(exe));
      if (exe_len > 0 && static_cast<size_t>(exe_len) < sizeof(exe))
        path.assign(exe, static_cast<size_t>(exe_len));
      exe_cache_[key] = ExeEntry{st.comm, path};
      seen.push_back(key);
    }
    double read_bytes = nan, write_bytes = nan;
    snprintf(rel, sizeof(rel), "%s/io", e->d_name);
    uint64_t r = 0, w = 0;
    if (ReadAt(fs, dfd, rel, &text_) && ParsePidIo(text_, &r, &w)) {
      read_bytes = static_cast<double>(r);
      write_bytes = static_cast<double>(w);
    }
    p.pid.push_back(st.pid);
    p.ppid.push_back(st.ppid);
    p.uid.push_back(static_cast<int32_t>(dir_stat.st_uid));
    p.threads.push_back(static_cast<int32_t>(st.threads));
    p.start_time_ms.push_back(
        boot_ms_ ? *boot_ms_ + static_cast<double>(st.start_ticks) * 1000.0 / ticks : nan);
    p.cpu_time_ns.push_back(static_cast<double>(st.utime + st.stime) * (1e9 / ticks));
    p.rss_bytes.push_back(static_cast<double>(st.rss_pages) * page);
    p.virtual_bytes.push_back(static_cast<double>(st.vsize));
    p.disk_read_bytes.push_back(read_bytes);
    p.disk_write_bytes.push_back(write_bytes);
    p.state.push_back(static_cast<uint8_t>(st.state));
    p.kernel_thread.push_back(kthread ? 1 : 0);
    p.name.push_back(st.comm);
    p.path.push_back(std::move(path));
    p.user.push_back(UserName(dir_stat.st_uid, fs));
  }
  // Forget the executables of processes that are gone, so the cache stays the size of proc/:
  // `seen` holds exactly the cache keys still alive, so any surplus is a process that exited.
  if (exe_cache_.size() > seen.size()) {
    std::sort(seen.begin(), seen.end());
    for (auto it = exe_cache_.begin(); it != exe_cache_.end();) {
      it = std::binary_search(seen.begin(), seen.end(), it->first) ? std::next(it)
                                                                   : exe_cache_.erase(it);
    }
  }
}

}  // namespace darwinmetrics
