// libFuzzer target for ParsePidStat (proc/<pid>/stat) and PidFromName (the proc entry names that
// are pids). Built and run by scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/processes_parse.h"
#include "../src/linux/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  darwinmetrics::PidStat st;
  if (darwinmetrics::ParsePidStat(text, &st) &&
      (st.pid <= 0 || st.ppid < 0 || st.comm.size() > size))
    abort();
  // A name is a pid only when it is all digits, and then the pid reads back as those digits.
  if (const auto pid = darwinmetrics::linux_text::PidFromName(text)) {
    if (*pid < 0 || !darwinmetrics::linux_text::IsDecimalName(text)) abort();
    const std::string digits = std::to_string(*pid);
    if (text.size() < digits.size() || text.substr(text.size() - digits.size()) != digits) abort();
  }
  return 0;
}
