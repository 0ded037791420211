// host: OS version, model, hostname, boot time, uptime (sysctl kern.* and hw.model).
#include <sys/sysctl.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

#include "readers.h"

namespace darwinmetrics {

void ReadHost(SectionResult<RawHost>* out) {
  timeval boot{};
  size_t size = sizeof(boot);
  int mib[2] = {CTL_KERN, KERN_BOOTTIME};
  if (sysctl(mib, 2, &boot, &size, nullptr, 0) != 0) {
    out->Fail(ErrorReason::kFailed, "host: sysctl kern.boottime failed");
    return;
  }
  RawHost& h = out->Ok();
  h.platform = "darwin";
  h.arch = IsAppleSilicon() ? "arm64" : "x64";
  char name[256] = {0};
  if (gethostname(name, sizeof(name) - 1) == 0) h.hostname = name;
  h.os_name = "macOS";
  SysctlString("kern.osproductversion", &h.os_version);
  SysctlString("kern.osrelease", &h.kernel);
  std::string model;
  if (SysctlString("hw.model", &model)) h.model = model;
  h.boot_time_ms = static_cast<double>(boot.tv_sec) * 1e3 + static_cast<double>(boot.tv_usec) / 1e3;
  timeval now{};
  gettimeofday(&now, nullptr);
  const double now_ms =
      static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_usec) / 1e3;
  h.uptime_sec = (now_ms - h.boot_time_ms) / 1e3;
}

}  // namespace darwinmetrics
