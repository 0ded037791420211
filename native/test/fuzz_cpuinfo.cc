// libFuzzer target for ParseCpuinfo (proc/cpuinfo, x86 and arm). Built and run by scripts/fuzz.mjs
// (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/cpu_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const darwinmetrics::CpuInfo info = darwinmetrics::ParseCpuinfo(text);
  if (info.processors < 0 || info.physical_cores < 0 || info.model.size() > size + 64) abort();
  return 0;
}
