// libFuzzer target for SanitizeUtf8: its output is always valid UTF-8, and valid input is
// unchanged. Built and run by scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string clean = darwinmetrics::SanitizeUtf8(text);
  if (!darwinmetrics::IsValidUtf8(clean)) abort();
  if (darwinmetrics::IsValidUtf8(text) && clean != text) abort();
  if (clean.size() > size * 3) abort();
  return 0;
}
