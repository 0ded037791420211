// libFuzzer target for ParsePidStat (proc/<pid>/stat). Built and run by scripts/fuzz.mjs (npm run
// fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/processes_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  darwinmetrics::PidStat st;
  if (darwinmetrics::ParsePidStat(text, &st) &&
      (st.pid <= 0 || st.ppid < 0 || st.comm.size() > size))
    abort();
  return 0;
}
