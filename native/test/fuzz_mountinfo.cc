// libFuzzer target for ParseMountinfo (proc/self/mountinfo). Built and run by scripts/fuzz.mjs
// (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/disks_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& m : darwinmetrics::ParseMountinfo(text)) {
    if (m.mount_point.size() > size) abort();
  }
  return 0;
}
