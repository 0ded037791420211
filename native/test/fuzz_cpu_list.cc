// libFuzzer target for ParseCpuList (sys/devices/cpu_*/cpus). Built and run by scripts/fuzz.mjs
// (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/cpu_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto cpus = darwinmetrics::ParseCpuList(text);
  if (cpus.size() > (1u << 16) + 1) abort();
  for (int c : cpus) {
    if (c < 0 || c > (1 << 16)) abort();
  }
  return 0;
}
