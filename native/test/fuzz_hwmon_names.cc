// libFuzzer target for CleanChipName and SplitSensorFile (hwmon names). Built and run by
// scripts/fuzz.mjs (npm run fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../src/linux/hwmon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string chip = darwinmetrics::CleanChipName(text);
  for (char c : chip) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_')) abort();
  }
  std::string_view type, item;
  int index = -1;
  if (darwinmetrics::SplitSensorFile(text, &type, &index, &item) &&
      (index < 0 || type.empty() || item.empty()))
    abort();
  return 0;
}
