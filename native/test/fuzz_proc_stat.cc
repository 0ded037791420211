// libFuzzer target for ParseProcStat (proc/stat). Built and run by scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/cpu_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const darwinmetrics::ProcStat s = darwinmetrics::ParseProcStat(text);
  // Every parsed line came from the input: there cannot be more cores than lines.
  if (s.cores.size() > size) abort();
  // A counter is only reported when its line is in the input.
  if (s.ctxt && text.find("ctxt ") == std::string_view::npos) abort();
  if (s.intr && text.find("intr ") == std::string_view::npos) abort();
  return 0;
}
