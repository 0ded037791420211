// libFuzzer target for ParseOsRelease and ParseUptime. Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/host_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto os = darwinmetrics::ParseOsRelease(text);
  for (const auto& [k, v] : os) {
    if (k.size() + v.size() > size) abort();
  }
  const auto up = darwinmetrics::ParseUptime(text);
  if (up && *up < 0) abort();
  return 0;
}
