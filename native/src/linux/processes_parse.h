// Parsers for proc/<pid>/stat, proc/<pid>/io and etc/passwd.
#ifndef DARWINMETRICS_LINUX_PROCESSES_PARSE_H_
#define DARWINMETRICS_LINUX_PROCESSES_PARSE_H_

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace darwinmetrics {

struct PidStat {
  int32_t pid = 0;
  std::string comm;
  char state = '?';
  int32_t ppid = 0;
  uint64_t flags = 0;
  uint64_t utime = 0, stime = 0;  // clock ticks
  int64_t threads = 0;
  uint64_t start_ticks = 0;  // since boot
  uint64_t vsize = 0;        // bytes
  int64_t rss_pages = 0;
};

// proc(5) /proc/[pid]/stat. The name sits in parentheses and may itself hold spaces, ')' and
// newlines, so it runs from the first '(' to the LAST ')'; the numbers follow.
bool ParsePidStat(std::string_view text, PidStat* out);

// PF_KTHREAD in include/linux/sched.h: the task is a kernel thread.
constexpr uint64_t kPfKthread = 0x00200000;

// proc/<pid>/io "read_bytes: N" / "write_bytes: N" (storage I/O,
// Documentation/filesystems/proc.rst).
bool ParsePidIo(std::string_view text, uint64_t* read_bytes, uint64_t* write_bytes);

// passwd(5) lines "name:x:uid:gid:..." → uid → name. The first entry for a uid wins, as getpwuid.
std::map<uid_t, std::string> ParsePasswd(std::string_view text);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_PROCESSES_PARSE_H_
