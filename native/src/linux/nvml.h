// NVIDIA's management library (NVML), loaded with dlopen at run time (live root only) so the addon
// neither links against nor requires the NVIDIA driver. The entry points and structures are declared
// here from NVIDIA's public NVML API reference (https://docs.nvidia.com/deploy/nvml-api/): every call
// returns an nvmlReturn_t, 0 being NVML_SUCCESS.
#ifndef DARWINMETRICS_LINUX_NVML_H_
#define DARWINMETRICS_LINUX_NVML_H_

#include <memory>
#include <string>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

// nvmlReturn_t values we act on (nvml.h, "nvmlReturn_t").
constexpr int kNvmlSuccess = 0;
constexpr int kNvmlErrorInvalidArgument = 2;
constexpr int kNvmlErrorNotSupported = 3;
constexpr int kNvmlErrorNoPermission = 4;
constexpr int kNvmlErrorNotFound = 6;
constexpr int kNvmlErrorInsufficientSize = 7;
// The most NVIDIA devices read, in the gpu section and in processGpu alike: a bound on the work of
// one sample should a driver report a nonsensical count (an 8-GPU server is the common maximum).
constexpr unsigned int kNvmlMaxDevices = 64;
// NVML_VALUE_NOT_AVAILABLE: usedGpuMemory when the driver cannot tell (nvml.h, nvmlProcessInfo_t).
constexpr unsigned long long kNvmlValueNotAvailable = ~0ULL;

struct NvmlApi {
  struct Utilization {
    unsigned int gpu, memory;
  };
  struct Memory {
    unsigned long long total, free, used;
  };
  // nvmlProcessUtilizationSample_t: one sample of a process's use of the device; timeStamp is the
  // CPU time in µs, the *Util fields percentages over NVML's own sampling period.
  struct ProcessSample {
    unsigned int pid;
    unsigned long long time_stamp;
    unsigned int sm_util, mem_util, enc_util, dec_util;
  };
  // nvmlProcessInfo_v2_t, which the _v2 and _v3 GetComputeRunningProcesses / GetGraphicsRunning-
  // Processes entry points fill (the _v1 structure had only the first two fields).
  struct ProcessInfo {
    unsigned int pid;
    unsigned long long used_gpu_memory;
    unsigned int gpu_instance_id, compute_instance_id;
  };
  using Device = void*;
  using RunningProcesses = int (*)(Device, unsigned int*, ProcessInfo*);

  void* lib = nullptr;
  int (*init)() = nullptr;
  int (*shutdown)() = nullptr;
  int (*count)(unsigned int*) = nullptr;
  int (*handle)(unsigned int, Device*) = nullptr;
  int (*name)(Device, char*, unsigned int) = nullptr;
  int (*utilization)(Device, Utilization*) = nullptr;
  int (*memory)(Device, Memory*) = nullptr;
  int (*temperature)(Device, int, unsigned int*) = nullptr;  // sensor 0 = NVML_TEMPERATURE_GPU
  int (*power)(Device, unsigned int*) = nullptr;             // milliwatts
  int (*clock)(Device, int, unsigned int*) = nullptr;        // clock 0 = NVML_CLOCK_GRAPHICS, MHz
  int (*process_utilization)(Device, ProcessSample*, unsigned int*, unsigned long long) = nullptr;
  RunningProcesses compute_processes = nullptr;
  RunningProcesses graphics_processes = nullptr;

  ~NvmlApi();
};

// The library and its entry points, initialised; null when libnvidia-ml.so.1 is absent or refuses
// to initialise (no NVIDIA driver).
std::unique_ptr<NvmlApi> LoadNvml();

// "nvml<i>": the id the gpu section gives device i, which the processGpu clients name as their device.
std::string NvmlDeviceId(unsigned int index);

// Per-device state kept between samples: the newest process-utilisation sample already seen, so
// each sample takes only NVML's samples of its own interval.
struct NvmlClientState {
  std::vector<unsigned long long> last_seen_us;
};

// Appends one client per process using each NVIDIA device (GPU memory, and the SM / encoder /
// decoder utilisation NVML measured since the previous call), and a line to `unavailable` for each
// device whose driver cannot give per-process figures, with NVML's reason.
void ReadNvmlClients(NvmlApi* api, NvmlClientState* state, RawProcessGpu* out);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_NVML_H_
