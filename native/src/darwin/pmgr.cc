// pmgr DVFS tables: the voltage-states* and acc-clusters properties of the `pmgr` entry under
// AppleARMIODevice (Apple Silicon), copied raw; src/shared/darwin/dvfs.ts decodes them.
#include <cstring>

#include "cf.h"
#include "readers.h"

namespace darwinmetrics {

bool ReadPmgrTables(std::map<std::string, std::vector<uint8_t>>* out, std::string* error) {
  io_iterator_t it = 0;
  if (IOServiceGetMatchingServices(kIOMainPortDefault, IOServiceMatching("AppleARMIODevice"),
                                   &it) != KERN_SUCCESS) {
    *error = "pmgr: no AppleARMIODevice entries";
    return false;
  }
  IoRef iterator(it);
  while (io_object_t raw = IOIteratorNext(it)) {
    IoRef entry(raw);
    io_name_t name = {0};
    if (IORegistryEntryGetName(raw, name) != KERN_SUCCESS || std::strcmp(name, "pmgr") != 0)
      continue;
    CFMutableDictionaryRef props = nullptr;
    if (IORegistryEntryCreateCFProperties(raw, &props, kCFAllocatorDefault, 0) != KERN_SUCCESS ||
        !props)
      break;
    CfRef hold(props);
    const CFIndex n = CFDictionaryGetCount(props);
    std::vector<const void*> keys(static_cast<size_t>(n));
    std::vector<const void*> values(static_cast<size_t>(n));
    CFDictionaryGetKeysAndValues(props, keys.data(), values.data());
    for (size_t i = 0; i < keys.size(); ++i) {
      const std::string key = CfString(static_cast<CFStringRef>(keys[i]));
      if (key.rfind("voltage-states", 0) != 0 && key != "acc-clusters") continue;
      auto value = static_cast<CFTypeRef>(values[i]);
      if (CFGetTypeID(value) != CFDataGetTypeID()) continue;
      auto data = static_cast<CFDataRef>(value);
      const UInt8* p = CFDataGetBytePtr(data);
      (*out)[key] = std::vector<uint8_t>(p, p + CFDataGetLength(data));
    }
    return true;
  }
  *error = "pmgr: no pmgr entry under AppleARMIODevice";
  return false;
}

}  // namespace darwinmetrics
