// processGpu's NVIDIA clients, from NVML (https://docs.nvidia.com/deploy/nvml-api/group__nvmlDeviceQueries.html):
// nvmlDeviceGetProcessUtilization gives, for each process that used the device, samples of its SM
// (shader), encoder and decoder utilisation newer than a timestamp we pass back on the next call;
// nvmlDeviceGetComputeRunningProcesses / GetGraphicsRunningProcesses give each process's GPU memory.
// A process is one client per device: NVML has no client ids, and the figures are per process.
#include <algorithm>
#include <cmath>
#include <map>

#include "nvml.h"

namespace darwinmetrics {

namespace {

struct PidUse {
  double sm = 0, enc = 0, dec = 0;
  unsigned int samples = 0;
  double memory = std::numeric_limits<double>::quiet_NaN();
};

std::string ErrorText(int code) {
  switch (code) {
    case kNvmlErrorNotSupported:
      return "not supported by this GPU or driver (NVML_ERROR_NOT_SUPPORTED)";
    case kNvmlErrorNoPermission:
      return "permission denied (NVML_ERROR_NO_PERMISSION)";
    default:
      return "NVML error " + std::to_string(code);
  }
}

// Calls an NVML "count, then fill" entry point: the first call with no buffer says how many items
// there are (NVML_ERROR_INSUFFICIENT_SIZE, or success with the count); items can appear between the
// two calls, so the buffer has room to spare and a second shortfall is retried once with the new
// count. Returns the NVML code; `out` holds the items on success.
template <typename T, typename Call>
int CountThenFill(Call call, std::vector<T>* out) {
  unsigned int n = 0;
  int rc = call(nullptr, &n);
  // NVML's reference also lists INVALID_ARGUMENT for a null buffer: then ask with room for 256.
  if (rc == kNvmlErrorInvalidArgument) {
    rc = kNvmlErrorInsufficientSize;
    n = 256;
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (rc != kNvmlSuccess && rc != kNvmlErrorInsufficientSize) return rc;
    if (rc == kNvmlSuccess && n == 0) {
      out->clear();
      return kNvmlSuccess;
    }
    out->resize(n + 8);
    n = static_cast<unsigned int>(out->size());
    rc = call(out->data(), &n);
    if (rc == kNvmlSuccess) {
      out->resize(std::min<size_t>(n, out->size()));
      return rc;
    }
  }
  return rc;
}

// Averages each process's samples newer than *last_seen and moves *last_seen to the newest. NVML
// keeps a sample per sampling period for each process with non-zero utilisation in it (nvml.h,
// nvmlDeviceGetProcessUtilization), so once any newer sample came, a listed process without one
// was at 0 %; *newer says whether one came (NOT_FOUND: none).
int ReadUtilisation(NvmlApi* api, NvmlApi::Device dev, unsigned long long* last_seen,
                    std::map<unsigned int, PidUse>* use, bool* newer) {
  *newer = false;
  if (api->process_utilization == nullptr) return kNvmlErrorNotSupported;
  const unsigned long long since = *last_seen;
  std::vector<NvmlApi::ProcessSample> samples;
  const int rc = CountThenFill<NvmlApi::ProcessSample>(
      [&](NvmlApi::ProcessSample* buf, unsigned int* n) {
        return api->process_utilization(dev, buf, n, since);
      },
      &samples);
  if (rc == kNvmlErrorNotFound) return kNvmlSuccess;
  if (rc != kNvmlSuccess) return rc;
  for (const NvmlApi::ProcessSample& s : samples) {
    if (s.time_stamp <= since) continue;
    PidUse& u = (*use)[s.pid];
    u.sm += s.sm_util;
    u.enc += s.enc_util;
    u.dec += s.dec_util;
    ++u.samples;
    *newer = true;
    *last_seen = std::max(*last_seen, s.time_stamp);
  }
  return kNvmlSuccess;
}

// GPU memory per process. A process using both compute and graphics is in both lists with its
// whole memory each time, so the lists are merged by taking the larger figure; within one list a
// process may appear once per MIG instance, and those add up.
int ReadMemory(NvmlApi::RunningProcesses list, NvmlApi::Device dev,
               std::map<unsigned int, PidUse>* use) {
  if (list == nullptr) return kNvmlErrorNotSupported;
  std::vector<NvmlApi::ProcessInfo> infos;
  const int rc = CountThenFill<NvmlApi::ProcessInfo>(
      [&](NvmlApi::ProcessInfo* buf, unsigned int* n) { return list(dev, n, buf); }, &infos);
  if (rc != kNvmlSuccess) return rc;
  std::map<unsigned int, double> in_list;
  for (const NvmlApi::ProcessInfo& p : infos) {
    const double bytes = p.used_gpu_memory == kNvmlValueNotAvailable
                             ? std::numeric_limits<double>::quiet_NaN()
                             : static_cast<double>(p.used_gpu_memory);
    auto [it, fresh] = in_list.emplace(p.pid, bytes);
    if (!fresh) it->second += bytes;
  }
  for (const auto& [pid, bytes] : in_list) {
    double& memory = (*use)[pid].memory;
    memory = std::isnan(memory) ? bytes : std::max(memory, bytes);
  }
  return kNvmlSuccess;
}

// No newer process sample means either an idle device or a call sooner than NVML's next sampling
// period; the device's own utilisation tells them apart: at 0 % every process is at 0 %, otherwise
// the processes' shares are unknown for this interval (never a made-up 0).
bool DeviceIdle(NvmlApi* api, NvmlApi::Device dev) {
  NvmlApi::Utilization u{};
  return api->utilization != nullptr && api->utilization(dev, &u) == kNvmlSuccess && u.gpu == 0;
}

RawGpuEngine Engine(const char* name, double total, unsigned int samples, bool measured) {
  RawGpuEngine e;
  e.name = name;
  e.busy_ns = e.cycles = e.total_cycles = std::numeric_limits<double>::quiet_NaN();
  e.percent = !measured ? std::numeric_limits<double>::quiet_NaN()
                        : samples == 0 ? 0 : total / samples;
  return e;
}

void ReadDevice(NvmlApi* api, unsigned int index, unsigned long long* last_seen,
                RawProcessGpu* out) {
  NvmlApi::Device dev = nullptr;
  if (api->handle(index, &dev) != kNvmlSuccess) return;
  std::map<unsigned int, PidUse> use;
  bool newer = false;
  const int util = ReadUtilisation(api, dev, last_seen, &use, &newer);
  const int compute = ReadMemory(api->compute_processes, dev, &use);
  const int graphics = ReadMemory(api->graphics_processes, dev, &use);
  const std::string id = NvmlDeviceId(index);
  if (util != kNvmlSuccess)
    out->unavailable.push_back(id + ": per-process utilisation " + ErrorText(util));
  if (compute != kNvmlSuccess && graphics != kNvmlSuccess)
    out->unavailable.push_back(id + ": per-process memory " + ErrorText(compute));
  const bool measured = util == kNvmlSuccess && (newer || DeviceIdle(api, dev));
  for (const auto& [pid, u] : use) {
    RawGpuClient c;
    c.pid = static_cast<int32_t>(pid);
    c.driver = "nvidia";
    c.device = id;
    c.client_id = std::to_string(pid);
    c.engines = {Engine("sm", u.sm, u.samples, measured), Engine("enc", u.enc, u.samples, measured),
                 Engine("dec", u.dec, u.samples, measured)};
    c.memory_bytes = u.memory;
    c.resident_bytes = std::numeric_limits<double>::quiet_NaN();
    out->clients.push_back(std::move(c));
  }
}

}  // namespace

void ReadNvmlClients(NvmlApi* api, NvmlClientState* state, RawProcessGpu* out) {
  unsigned int count = 0;
  if (api->count(&count) != kNvmlSuccess) return;
  count = std::min(count, kNvmlMaxDevices);
  state->last_seen_us.resize(count, 0);
  for (unsigned int i = 0; i < count; ++i) ReadDevice(api, i, &state->last_seen_us[i], out);
}

}  // namespace darwinmetrics
