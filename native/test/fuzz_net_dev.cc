// libFuzzer target for ParseNetDev (proc/net/dev). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/network_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& i : darwinmetrics::ParseNetDev(text)) {
    if (i.name.empty() || i.name.find(':') != std::string::npos) abort();
  }
  return 0;
}
