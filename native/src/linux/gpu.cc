// gpu section: DRM cards from sys/class/drm/card<N>/device (PCI ids, driver, amdgpu busy % and
// VRAM, hwmon temperature and power; ids and driver only while the card is runtime-suspended), and
// NVIDIA GPUs through NVML, loaded with dlopen at run time (live root only) so the addon neither
// links against nor requires the NVIDIA driver.
#include "hwmon.h"
#include "nvml.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

void ReadNvml(NvmlApi* api, std::vector<RawGpu>* out) {
  unsigned int count = 0;
  if (api->count(&count) != 0) return;
  for (unsigned int i = 0; i < count && i < kNvmlMaxDevices; ++i) {
    NvmlApi::Device dev = nullptr;
    if (api->handle(i, &dev) != 0) continue;
    RawGpu g;
    g.id = NvmlDeviceId(i);
    g.vendor = "nvidia";
    g.vendor_id = "0x10de";
    g.driver = "nvidia";
    char name[96] = {0};
    if (api->name && api->name(dev, name, sizeof(name) - 1) == 0) g.model = name;
    NvmlApi::Utilization u{};
    if (api->utilization && api->utilization(dev, &u) == 0) g.busy_percent = u.gpu;
    NvmlApi::Memory m{};
    if (api->memory && api->memory(dev, &m) == 0) {
      g.memory_used_bytes = static_cast<double>(m.used);
      g.memory_total_bytes = static_cast<double>(m.total);
    }
    unsigned int v = 0;
    if (api->temperature && api->temperature(dev, 0, &v) == 0) g.temperature_c = v;
    if (api->power && api->power(dev, &v) == 0) g.power_w = v / 1000.0;
    if (api->clock && api->clock(dev, 0, &v) == 0) g.frequency_mhz = v;
    out->push_back(std::move(g));
  }
}

std::optional<std::string> VendorName(const std::string& id) {
  if (id == "0x1002") return std::string("amd");
  if (id == "0x10de") return std::string("nvidia");
  if (id == "0x8086") return std::string("intel");
  return id.empty() ? std::nullopt : std::optional<std::string>(id);
}

bool IsCard(const std::string& name) {
  if (name.size() < 5 || name.compare(0, 4, "card") != 0) return false;
  for (size_t i = 4; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;  // card0-DP-1 is a connector
  }
  return true;
}

void ReadDrm(const RootFs& fs, bool skip_nvidia, std::vector<RawGpu>* out) {
  const std::string base = fs.Path("sys/class/drm");
  for (const std::string& card : fs.ListAbs(base)) {
    if (!IsCard(card)) continue;
    const std::string dev = base + "/" + card + "/device";
    const auto vendor_id = fs.ReadLineAbs(dev + "/vendor");
    if (!vendor_id) continue;
    if (skip_nvidia && *vendor_id == "0x10de") continue;
    RawGpu g;
    g.id = card;
    g.vendor_id = vendor_id;
    g.vendor = VendorName(*vendor_id);
    g.device_id = fs.ReadLineAbs(dev + "/device");
    g.driver = fs.LinkBaseAbs(dev + "/driver");
    // A runtime-suspended card (the discrete GPU of a hybrid laptop, most of the time) reports
    // only the ids and driver above. Reading gpu_busy_percent, mem_info_vram_* or the hwmon
    // sensors goes through the driver, which on some kernels runtime-resumes the GPU to answer:
    // sampling every second would keep it powered. vendor, device and the driver link come from
    // the PCI core's cached config space and never wake it; neither does reading runtime_status.
    if (fs.ReadLineAbs(dev + "/power/runtime_status") ==
        std::optional<std::string>("suspended")) {
      out->push_back(std::move(g));
      continue;
    }
    // amdgpu: Documentation/gpu/amdgpu/driver-misc.rst (gpu_busy_percent, mem_info_vram_*).
    g.busy_percent = fs.ReadNumberAbs(dev + "/gpu_busy_percent");
    g.memory_used_bytes = fs.ReadNumberAbs(dev + "/mem_info_vram_used");
    g.memory_total_bytes = fs.ReadNumberAbs(dev + "/mem_info_vram_total");
    for (const std::string& hw : fs.ListAbs(dev + "/hwmon")) {
      const std::string h = dev + "/hwmon/" + hw;
      if (auto t = fs.ReadNumberAbs(h + "/temp1_input")) g.temperature_c = *t / 1000.0;
      // amdgpu exposes power1_average (older) or power1_input, in µW.
      auto p = fs.ReadNumberAbs(h + "/power1_average");
      if (!p) p = fs.ReadNumberAbs(h + "/power1_input");
      if (p) g.power_w = *p / 1e6;
      // freq1_input is the shader clock (sclk) in Hz.
      if (auto f = fs.ReadNumberAbs(h + "/freq1_input")) g.frequency_mhz = *f / 1e6;
      break;
    }
    out->push_back(std::move(g));
  }
}

}  // namespace

GpuReader::GpuReader() = default;
GpuReader::~GpuReader() = default;

NvmlApi* GpuReader::Nvml(const RootFs& fs) {
  if (!nvml_tried_ && fs.is_live()) {
    nvml_tried_ = true;
    nvml_ = LoadNvml();
  }
  return nvml_.get();
}

void GpuReader::ReadClients(const RootFs& fs, RawProcessGpu* out) {
  NvmlApi* nvml = Nvml(fs);
  if (nvml != nullptr) ReadNvmlClients(nvml, &nvml_clients_, out);
}

void GpuReader::Read(const RootFs& fs, SectionResult<RawGpus>* out) {
  std::vector<RawGpu> gpus;
  NvmlApi* nvml = Nvml(fs);
  if (nvml != nullptr) ReadNvml(nvml, &gpus);
  ReadDrm(fs, !gpus.empty(), &gpus);
  if (gpus.empty())
    return out->Fail(ErrorReason::kUnavailable, "no GPU found (sys/class/drm, NVML)");
  out->Ok().gpus = std::move(gpus);
}

}  // namespace darwinmetrics
