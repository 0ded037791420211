// libFuzzer target for ParsePsi (proc/pressure/*). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/memory_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  darwinmetrics::RawPsi psi;
  darwinmetrics::ParsePsi(text, &psi);
  return 0;
}
