// Wi-Fi interface names from the I/O Registry. Wi-Fi interfaces report IFT_ETHER in their
// if_data, so the interface type cannot tell them from Ethernet; the registry class can. On a real
// M1 (https://github.com/ThomasKaiser/Knowledge/blob/master/media/ioreg-MacBookAir10.txt) en0 is
// `<class IO80211Interface>` and the Thunderbolt/USB links are IOEthernetInterface; recent macOS
// names its Wi-Fi interface class IO80211SkywalkInterface. Matching a class also matches its
// subclasses, so the driver-specific classes under either are found too.
#include <CoreFoundation/CoreFoundation.h>
#include <IOKit/IOKitLib.h>

#include <algorithm>

#include "cf.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

void AddBsdNames(const char* class_name, std::vector<std::string>* out) {
  io_iterator_t it = 0;
  if (IOServiceGetMatchingServices(kIOMainPortDefault, IOServiceMatching(class_name), &it) !=
      KERN_SUCCESS)
    return;
  IoRef iterator(it);
  while (io_object_t raw = IOIteratorNext(it)) {
    IoRef entry(raw);
    CfRef name(IORegistryEntryCreateCFProperty(raw, CFSTR("BSD Name"), kCFAllocatorDefault, 0));
    if (!name || CFGetTypeID(name.get()) != CFStringGetTypeID()) continue;
    std::string bsd = CfString(static_cast<CFStringRef>(name.get()));
    if (!bsd.empty() && std::find(out->begin(), out->end(), bsd) == out->end())
      out->push_back(std::move(bsd));
  }
}

}  // namespace

std::vector<std::string> ReadWifiInterfaceNames() {
  std::vector<std::string> names;
  for (const char* cls : {"IO80211Interface", "IO80211SkywalkInterface"}) AddBsdNames(cls, &names);
  return names;
}

}  // namespace darwinmetrics
