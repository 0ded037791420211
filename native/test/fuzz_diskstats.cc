// libFuzzer target for ParseDiskstats (proc/diskstats). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/disks_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& d : darwinmetrics::ParseDiskstats(text)) {
    if (d.name.empty() || darwinmetrics::IsIgnoredBlockDevice(d.name)) abort();
  }
  return 0;
}
