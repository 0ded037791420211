// libFuzzer target for ParsePasswd (etc/passwd). Built and run by scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/processes_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& [uid, name] : darwinmetrics::ParsePasswd(text)) {
    if (name.empty() || name.size() > size) abort();
  }
  return 0;
}
