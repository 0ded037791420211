// sysctl by name: the values the kernel publishes (hw.*, kern.*, machdep.*, vm.*).
#include <sys/sysctl.h>
#include <sys/types.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "readers.h"

namespace darwinmetrics {

bool SysctlString(const char* name, std::string* out) {
  size_t size = 0;
  if (sysctlbyname(name, nullptr, &size, nullptr, 0) != 0 || size == 0) return false;
  std::vector<char> buf(size + 1, '\0');
  if (sysctlbyname(name, buf.data(), &size, nullptr, 0) != 0) return false;
  out->assign(buf.data());
  return true;
}

// Integer sysctls come as 32- or 64-bit depending on the name; the size tells which.
bool SysctlInt64(const char* name, int64_t* out) {
  unsigned char buf[8] = {0};
  size_t size = sizeof(buf);
  if (sysctlbyname(name, buf, &size, nullptr, 0) != 0) return false;
  if (size == sizeof(int32_t)) {
    int32_t v;
    __builtin_memcpy(&v, buf, sizeof(v));
    *out = v;
    return true;
  }
  if (size == sizeof(int64_t)) {
    int64_t v;
    __builtin_memcpy(&v, buf, sizeof(v));
    *out = v;
    return true;
  }
  return false;
}

int DarwinMajor() {
  std::string release;
  if (!SysctlString("kern.osrelease", &release)) return 0;
  return std::atoi(release.c_str());
}

// True on Apple Silicon hardware, also for a process translated by Rosetta 2.
bool IsAppleSilicon() {
  int64_t arm64 = 0;
  return SysctlInt64("hw.optional.arm64", &arm64) && arm64 == 1;
}

}  // namespace darwinmetrics
