// libFuzzer target for ParsePidIo (proc/<pid>/io). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/processes_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  uint64_t r = 0, w = 0;
  darwinmetrics::ParsePidIo(text, &r, &w);
  return 0;
}
