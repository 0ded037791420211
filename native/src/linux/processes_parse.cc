#include "processes_parse.h"

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

bool ParsePidStat(std::string_view text, PidStat* out) {
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return false;
  const auto pid = ParseI64(text.substr(0, open));
  if (!pid || *pid <= 0 || *pid > INT32_MAX) return false;
  out->pid = static_cast<int32_t>(*pid);
  out->comm = std::string(text.substr(open + 1, close - open - 1));
  std::string_view rest = text.substr(close + 1), f;
  // Fields after the name, numbered as in proc(5) from 3 (state).
  std::string_view fields[22];
  int n = 0;
  while (n < 22 && NextField(&rest, &f)) {
    if (!f.empty() && f.back() == '\n') f.remove_suffix(1);
    fields[n++] = f;
  }
  if (n < 22 || fields[0].size() != 1) return false;
  out->state = fields[0][0];
  const auto ppid = ParseI64(fields[1]);      // 4
  const auto flags = ParseU64(fields[6]);     // 9
  const auto utime = ParseU64(fields[11]);    // 14
  const auto stime = ParseU64(fields[12]);    // 15
  const auto threads = ParseI64(fields[17]);  // 20
  const auto start = ParseU64(fields[19]);    // 22
  const auto vsize = ParseU64(fields[20]);    // 23
  const auto rss = ParseI64(fields[21]);      // 24
  if (!ppid || !flags || !utime || !stime || !threads || !start || !vsize || !rss) return false;
  if (*ppid < 0 || *ppid > INT32_MAX) return false;
  out->ppid = static_cast<int32_t>(*ppid);
  out->flags = *flags;
  out->utime = *utime;
  out->stime = *stime;
  out->threads = *threads;
  out->start_ticks = *start;
  out->vsize = *vsize;
  out->rss_pages = *rss;
  return true;
}

bool ParsePidIo(std::string_view text, uint64_t* read_bytes, uint64_t* write_bytes) {
  bool r = false, w = false;
  std::string_view line;
  while (NextLine(&text, &line)) {
    if (StartsWith(line, "read_bytes:")) {
      if (auto v = ParseU64(line.substr(11))) *read_bytes = *v, r = true;
    } else if (StartsWith(line, "write_bytes:")) {
      if (auto v = ParseU64(line.substr(12))) *write_bytes = *v, w = true;
    }
  }
  return r && w;
}

std::map<uid_t, std::string> ParsePasswd(std::string_view text) {
  std::map<uid_t, std::string> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    const size_t c1 = line.find(':');
    if (c1 == std::string_view::npos || c1 == 0) continue;
    const size_t c2 = line.find(':', c1 + 1);
    if (c2 == std::string_view::npos) continue;
    const size_t c3 = line.find(':', c2 + 1);
    const auto uid = ParseU64(
        line.substr(c2 + 1, c3 == std::string_view::npos ? std::string_view::npos : c3 - c2 - 1));
    if (!uid || *uid > UINT32_MAX) continue;
    out.emplace(static_cast<uid_t>(*uid), std::string(line.substr(0, c1)));
  }
  return out;
}

}  // namespace darwinmetrics
