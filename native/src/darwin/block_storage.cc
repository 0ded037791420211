// disks, I/O part: IOBlockStorageDriver entries → Statistics (bytes, operations, total time in
// ns), named by the BSD name of their IOMedia child.
#include "cf.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

std::string BsdNameBelow(io_registry_entry_t driver) {
  io_registry_entry_t child = 0;
  if (IORegistryEntryGetChildEntry(driver, kIOServicePlane, &child) != KERN_SUCCESS) return "";
  IoRef hold(child);
  CfRef name(IORegistryEntryCreateCFProperty(child, CFSTR("BSD Name"), kCFAllocatorDefault, 0));
  if (!name || CFGetTypeID(name.get()) != CFStringGetTypeID()) return "";
  return CfString(static_cast<CFStringRef>(name.get()));
}

uint64_t U64(CFDictionaryRef d, const char* key) {
  const auto v = CfGetNumber(d, key);
  return v && *v > 0 ? static_cast<uint64_t>(*v) : 0;
}

}  // namespace

void ReadBlockStorage(RawDisks* out) {
  io_iterator_t it = 0;
  if (IOServiceGetMatchingServices(kIOMainPortDefault, IOServiceMatching("IOBlockStorageDriver"),
                                   &it) != KERN_SUCCESS) {
    return;
  }
  IoRef iterator(it);
  while (io_object_t raw = IOIteratorNext(it)) {
    IoRef entry(raw);
    CfRef stats(IORegistryEntryCreateCFProperty(raw, CFSTR("Statistics"), kCFAllocatorDefault, 0));
    if (!stats || CFGetTypeID(stats.get()) != CFDictionaryGetTypeID()) continue;
    auto d = static_cast<CFDictionaryRef>(stats.get());
    RawDiskIo io;
    io.name = BsdNameBelow(raw);
    if (io.name.empty()) continue;
    io.read_bytes = U64(d, "Bytes (Read)");
    io.write_bytes = U64(d, "Bytes (Write)");
    io.read_ops = U64(d, "Operations (Read)");
    io.write_ops = U64(d, "Operations (Write)");
    // Total Time is in ns (IOBlockStorageDriver.h kIOBlockStorageDriverStatisticsTotalReadTimeKey).
    io.read_time_ms = U64(d, "Total Time (Read)") / 1000000;
    io.write_time_ms = U64(d, "Total Time (Write)") / 1000000;
    out->devices.push_back(std::move(io));
  }
}

}  // namespace darwinmetrics
