// libFuzzer target for ParseDrmFdinfo (proc/<pid>/fdinfo/<fd> of a DRM file). Built and run by
// scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../src/linux/drm_fdinfo_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  darwinmetrics::RawGpuClient client;
  darwinmetrics::ParseDrmFdinfo(text, &client);
  return 0;
}
