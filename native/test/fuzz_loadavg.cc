// libFuzzer target for ParseLoadavg (proc/loadavg). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/cpu_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  double load[3] = {-1, -1, -1};
  if (darwinmetrics::ParseLoadavg(text, load) && (load[0] < 0 || load[1] < 0 || load[2] < 0))
    abort();
  return 0;
}
