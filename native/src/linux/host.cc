// host section: names from proc/sys/kernel and etc/os-release, model from DMI, boot time and
// uptime from proc/stat and proc/uptime.
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

#include "cpu_parse.h"
#include "host_parse.h"
#include "readers.h"

namespace darwinmetrics {

void ReadHost(const RootFs& fs, SectionResult<RawHost>* out) {
  std::string text;
  const int err = fs.Read("proc/stat", &text);
  if (err != 0) return out->Fail(ReasonForErrno(err), "proc/stat: " + ErrnoText(err));
  const ProcStat stat = ParseProcStat(text);
  if (!stat.btime) return out->Fail(ErrorReason::kFailed, "proc/stat: no btime line");
  RawHost& h = out->Ok();
  h.platform = "linux";
  h.arch = NodeArch();
  h.boot_time_ms = static_cast<double>(*stat.btime) * 1000.0;
  std::optional<double> up;
  if (fs.Read("proc/uptime", &text) == 0) up = ParseUptime(text);
  if (up) {
    h.uptime_sec = *up;
  } else {
    // No proc/uptime (a fixture tree): uptime is by definition now − boot time.
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    const double now_s = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
    h.uptime_sec = std::max(0.0, now_s - static_cast<double>(*stat.btime));
  }
  if (auto name = fs.ReadLineAbs(fs.Path("proc/sys/kernel/hostname"))) h.hostname = *name;
  if (auto rel = fs.ReadLineAbs(fs.Path("proc/sys/kernel/osrelease"))) h.kernel = *rel;
  if (fs.is_live() && (h.hostname.empty() || h.kernel.empty())) {
    utsname u{};
    if (uname(&u) == 0) {
      if (h.hostname.empty()) h.hostname = u.nodename;
      if (h.kernel.empty()) h.kernel = u.release;
    }
  }
  // os-release(5): etc/os-release, falling back to usr/lib/os-release.
  if (fs.Read("etc/os-release", &text) == 0 || fs.Read("usr/lib/os-release", &text) == 0) {
    auto os = ParseOsRelease(text);
    h.os_name = !os["PRETTY_NAME"].empty() ? os["PRETTY_NAME"] : os["NAME"];
    h.os_version = os["VERSION_ID"];
  }
  if (h.os_name.empty()) h.os_name = "Linux";
  for (const char* path :
       {"sys/class/dmi/id/product_name", "sys/devices/virtual/dmi/id/product_name"}) {
    auto model = fs.ReadLineAbs(fs.Path(path));
    if (model && !model->empty()) {
      h.model = *model;
      break;
    }
  }
}

}  // namespace darwinmetrics
