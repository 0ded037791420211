// gpu: every IOAccelerator entry's PerformanceStatistics (utilization %, in-use memory; on
// discrete GPUs temperature and clock) and, on Apple Silicon, gpu-core-count. The IOReport GPUPH
// residency is attached in TypeScript.
#include "cf.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

std::string VendorOf(const std::string& io_class) {
  if (io_class.rfind("AGX", 0) == 0) return "apple";
  if (io_class.rfind("AMD", 0) == 0 || io_class.rfind("ATI", 0) == 0) return "amd";
  if (io_class.rfind("Intel", 0) == 0) return "intel";
  if (io_class.rfind("NVDA", 0) == 0 || io_class.rfind("nv", 0) == 0) return "nvidia";
  return "";
}

}  // namespace

void ReadGpus(SectionResult<RawGpus>* out) {
  io_iterator_t it = 0;
  if (IOServiceGetMatchingServices(kIOMainPortDefault, IOServiceMatching("IOAccelerator"), &it) !=
      KERN_SUCCESS) {
    out->Fail(ErrorReason::kFailed, "gpu: IOServiceGetMatchingServices(IOAccelerator) failed");
    return;
  }
  IoRef iterator(it);
  RawGpus& gpus = out->Ok();
  int index = 0;
  while (io_object_t raw = IOIteratorNext(it)) {
    IoRef entry(raw);
    CFMutableDictionaryRef props = nullptr;
    if (IORegistryEntryCreateCFProperties(raw, &props, kCFAllocatorDefault, 0) != KERN_SUCCESS ||
        !props)
      continue;
    CfRef hold(props);
    RawGpu g;
    g.id = "gpu" + std::to_string(index++);
    io_name_t cls = {0};
    IOObjectGetClass(raw, cls);
    g.driver = std::string(cls);
    const std::string vendor = VendorOf(cls);
    if (!vendor.empty()) g.vendor = vendor;
    if (auto model = CfGetString(props, "model")) g.model = *model;
    if (auto cores = CfGetNumber(props, "gpu-core-count")) g.core_count = *cores;
    CFTypeRef stats = CfGet(props, "PerformanceStatistics");
    if (stats && CFGetTypeID(stats) == CFDictionaryGetTypeID()) {
      auto d = static_cast<CFDictionaryRef>(stats);
      if (auto v = CfGetNumber(d, "Device Utilization %")) g.busy_percent = *v;
      if (auto v = CfGetNumber(d, "Renderer Utilization %")) g.renderer_percent = *v;
      if (auto v = CfGetNumber(d, "Tiler Utilization %")) g.tiler_percent = *v;
      if (auto v = CfGetNumber(d, "In use system memory")) g.memory_used_bytes = *v;
      if (auto v = CfGetNumber(d, "Temperature(C)"); v && *v > 0) g.temperature_c = *v;
      if (auto v = CfGetNumber(d, "Core Clock(MHz)"); v && *v > 0) g.frequency_mhz = *v;
    }
    gpus.gpus.push_back(std::move(g));
  }
}

}  // namespace darwinmetrics

namespace darwinmetrics {

namespace {

// The properties of one accelerator user client that per-process GPU accounting needs, copied out
// of CF: "IOUserClientCreator" ("pid 533, WindowServer"), "AppUsage" (Apple Silicon: one entry
// per API with "accumulatedGPUTime", ns) and a client-level "accumulatedGPUTime" (Intel and AMD
// drivers). Decoded in src/shared/darwin/gpu-clients.ts.
std::optional<DarwinValue> ClientProperties(io_object_t client) {
  DarwinValue dict;
  dict.kind = DarwinValue::Kind::kDict;
  io_name_t cls = {0};
  if (IOObjectGetClass(client, cls) == KERN_SUCCESS) {
    DarwinValue name;
    name.kind = DarwinValue::Kind::kString;
    name.text = cls;
    dict.keys.push_back("class");
    dict.items.push_back(std::move(name));
  }
  for (const char* key : {"IOUserClientCreator", "AppUsage", "accumulatedGPUTime"}) {
    CfRef cf_key(CFStringCreateWithCString(kCFAllocatorDefault, key, kCFStringEncodingUTF8));
    CfRef value(IORegistryEntryCreateCFProperty(
        client, static_cast<CFStringRef>(cf_key.get()), kCFAllocatorDefault, 0));
    if (!value) continue;
    if (auto copied = CfToValue(value.get())) {
      dict.keys.push_back(key);
      dict.items.push_back(std::move(*copied));
    }
  }
  if (dict.keys.size() <= 1) return std::nullopt;  // no accounting on this child
  // The registry entry id names this client across samples (a GPU time is per client).
  uint64_t id = 0;
  if (IORegistryEntryGetRegistryEntryID(client, &id) == KERN_SUCCESS) {
    DarwinValue number;
    number.number = static_cast<double>(id);
    dict.keys.push_back("registryEntryID");
    dict.items.push_back(std::move(number));
  }
  return dict;
}

}  // namespace

// The user clients are children of each IOAccelerator in the service plane; they are not
// registered services, so IOServiceGetMatchingServices cannot find them by class.
bool ReadGpuClients(DarwinExtras* x, std::string* error) {
  io_iterator_t it = 0;
  if (IOServiceGetMatchingServices(kIOMainPortDefault, IOServiceMatching("IOAccelerator"), &it) !=
      KERN_SUCCESS) {
    *error = "processGpu: IOServiceGetMatchingServices(IOAccelerator) failed";
    return false;
  }
  IoRef iterator(it);
  std::vector<DarwinValue> clients;
  while (io_object_t raw = IOIteratorNext(it)) {
    IoRef accelerator(raw);
    io_iterator_t children = 0;
    if (IORegistryEntryGetChildIterator(raw, kIOServicePlane, &children) != KERN_SUCCESS) continue;
    IoRef child_iterator(children);
    while (io_object_t child = IOIteratorNext(children)) {
      IoRef hold(child);
      if (auto props = ClientProperties(child)) clients.push_back(std::move(*props));
    }
  }
  x->gpu_clients = std::move(clients);
  return true;
}

}  // namespace darwinmetrics
