// processes section: every numeric entry of proc/, read through one directory handle kept open
// across samples. Each live process keeps its proc/<pid>/stat open between samples and is re-read
// with pread at offset 0, where procfs regenerates the text (seq_file restarts at position 0,
// fs/seq_file.c); that saves the open and close of every process on every sample. Facts that only
// change with exec (executable, owner) are read once per process lifetime, again when the start
// time or the name changes. proc/<pid>/io is read only when the processIo section is asked for.
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cpu_parse.h"
#include "processes_parse.h"
#include "readers.h"
#include "text.h"

namespace darwinmetrics {

namespace {

// proc/<pid>/stat and io are well under 1 KiB; the cap bounds what a hostile --root can make us
// allocate (a file that never ends, such as a link to /dev/zero, is refused as not regular anyway).
constexpr size_t kMaxProcFileBytes = 64 * 1024;

// The descriptors kept open for the whole process table: a quarter of the soft RLIMIT_NOFILE so the
// host application keeps room (Node raises the soft limit to the hard one at start-up), at most
// 16,384. Beyond it a process is read with open/read/close as before.
size_t DescriptorBudget() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 16384;
  return std::min<size_t>(static_cast<size_t>(limit.rlim_cur) / 4, 16384);
}

}  // namespace

int OpenRegularAt(const RootFs& fs, int dfd, const char* rel) {
  // Non-blocking and kept inside the root (fs.h); only a regular file is read.
  const int fd = fs.OpenReadAt(dfd, rel);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    errno = EINVAL;
    return -1;
  }
  return fd;
}

bool PreadWhole(int fd, std::string* buf) {
  if (buf->size() < 4096) buf->resize(4096);
  size_t used = 0;
  for (;;) {
    if (used == buf->size()) {
      if (buf->size() >= kMaxProcFileBytes) return false;
      buf->resize(std::min(buf->size() * 2, kMaxProcFileBytes));
    }
    const ssize_t n = pread(fd, &(*buf)[used], buf->size() - used, static_cast<off_t>(used));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    used += static_cast<size_t>(n);
    // procfs generates these files whole on the first read, so a read that leaves room in the
    // buffer has the whole file: the EOF read is skipped (one syscall per file).
    if (n == 0 || used < buf->size()) break;
  }
  buf->resize(used);
  return used > 0;
}

ProcessReader::ProcessReader() : descriptor_budget_(DescriptorBudget()) {}

ProcessReader::~ProcessReader() {
  for (auto& [pid, entry] : entries_) CloseFiles(&entry);
  if (proc_dir_ != nullptr) closedir(proc_dir_);
}

void ProcessReader::CloseFiles(Entry* e) {
  for (int* fd : {&e->stat_fd, &e->io_fd}) {
    if (*fd >= 0) {
      close(*fd);
      *fd = -1;
      --open_descriptors_;
    }
  }
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

// Reads proc/<pid>/<file> through the kept descriptor *fd, or opens it (keeping it while the
// budget allows). False when the process is gone or the file unreadable; errno tells which.
bool ProcessReader::ReadKept(const RootFs& fs, int dfd, const char* pid, const char* file, int* fd) {
  if (*fd >= 0) {
    if (PreadWhole(*fd, &text_)) return true;
    // ESRCH: the process this descriptor was opened for has exited (its pid may be reused).
    close(*fd);
    *fd = -1;
    --open_descriptors_;
  }
  char rel[64];
  snprintf(rel, sizeof(rel), "%s/%s", pid, file);
  const int opened = OpenRegularAt(fs, dfd, rel);
  if (opened < 0) return false;
  const bool ok = PreadWhole(opened, &text_);
  const int saved = errno;
  if (ok && open_descriptors_ < descriptor_budget_) {
    *fd = opened;
    ++open_descriptors_;
  } else {
    close(opened);
  }
  errno = saved;
  return ok;
}

// Owner and executable: read when a process is first seen and again after exec (new name) or
// when its pid was reused (new start time).
void ProcessReader::RefreshIdentity(int dfd, const char* pid, const PidStat& st, Entry* e) {
  e->start_ticks = st.start_ticks;
  e->comm = st.comm;
  e->path.clear();
  struct stat dir_stat;
  e->uid = fstatat(dfd, pid, &dir_stat, 0) == 0 ? static_cast<int32_t>(dir_stat.st_uid) : -1;
  if ((st.flags & kPfKthread) == 0) {  // kernel threads have no executable
    char rel[64];
    char exe[4096];
    snprintf(rel, sizeof(rel), "%s/exe", pid);
    const ssize_t n = readlinkat(dfd, rel, exe, sizeof(exe));
    if (n > 0 && static_cast<size_t>(n) < sizeof(exe)) e->path.assign(exe, static_cast<size_t>(n));
  }
  e->known = true;
}

void ProcessReader::Read(const RootFs& fs, bool want_io, SectionResult<RawProcesses>* out,
                         RawProcessIo* io) {
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
  p.reserve(entries_.size() + 64);
  ++generation_;
  PidStat st;
  while (dirent* d = readdir(proc_dir_)) {
    const std::optional<int32_t> pid_of = linux_text::PidFromName(d->d_name);
    if (!pid_of) continue;
    const int32_t pid = *pid_of;
    Entry& e = entries_[pid];
    e.generation = generation_;
    if (!ReadKept(fs, dfd, d->d_name, "stat", &e.stat_fd) || !ParsePidStat(text_, &st) ||
        st.pid != pid) {
      CloseFiles(&e);  // vanished between listing and reading
      entries_.erase(pid);
      continue;
    }
    // A reused pid fails the old descriptors with ESRCH (ReadKept reopens them) and shows a new
    // start time here; exec shows a new name.
    if (!e.known || e.start_ticks != st.start_ticks || e.comm != st.comm)
      RefreshIdentity(dfd, d->d_name, st, &e);
    double read_bytes = nan, write_bytes = nan;
    if (want_io) {
      uint64_t r = 0, w = 0;
      if (ReadKept(fs, dfd, d->d_name, "io", &e.io_fd) && ParsePidIo(text_, &r, &w)) {
        read_bytes = static_cast<double>(r);
        write_bytes = static_cast<double>(w);
        ++io->readable;
      } else if (errno == EACCES || errno == EPERM) {
        ++io->denied;
      }
    }
    p.pid.push_back(st.pid);
    p.ppid.push_back(st.ppid);
    p.uid.push_back(e.uid);
    p.threads.push_back(static_cast<int32_t>(st.threads));
    p.start_time_ms.push_back(
        boot_ms_ ? *boot_ms_ + static_cast<double>(st.start_ticks) * 1000.0 / ticks : nan);
    p.cpu_time_ns.push_back(static_cast<double>(st.utime + st.stime) * (1e9 / ticks));
    p.rss_bytes.push_back(static_cast<double>(st.rss_pages) * page);
    p.virtual_bytes.push_back(static_cast<double>(st.vsize));
    p.disk_read_bytes.push_back(read_bytes);
    p.disk_write_bytes.push_back(write_bytes);
    p.energy_nj.push_back(nan);  // Linux accounts no energy per process (see derive)
    p.state.push_back(static_cast<uint8_t>(st.state));
    p.kernel_thread.push_back((st.flags & kPfKthread) != 0 ? 1 : 0);
    p.name.push_back(st.comm);
    p.path.push_back(e.path);
    p.user.push_back(e.uid >= 0 ? UserName(static_cast<uid_t>(e.uid), fs) : std::string());
  }
  // Processes not listed this time have exited: close their descriptors and forget them, so the
  // table and the descriptors held stay the size of proc/.
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.generation == generation_) {
      ++it;
      continue;
    }
    CloseFiles(&it->second);
    it = entries_.erase(it);
  }
}

size_t ProcessReader::open_descriptors() const { return open_descriptors_; }

}  // namespace darwinmetrics
