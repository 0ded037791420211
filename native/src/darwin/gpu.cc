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
