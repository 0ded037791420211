// Loading NVML (see nvml.h): the library is opened once, by soname, and each entry point is bound
// by its versioned symbol where NVML has several (the _v2 / _v3 names take the newer structures).
#include "nvml.h"

#include <dlfcn.h>

namespace darwinmetrics {

NvmlApi::~NvmlApi() {
  if (shutdown != nullptr) shutdown();
  if (lib != nullptr) dlclose(lib);
}

namespace {

template <typename F>
bool Bind(void* lib, const char* symbol, F* out) {
  *out = reinterpret_cast<F>(dlsym(lib, symbol));
  return *out != nullptr;
}

// The first of `symbols` the library exports; drivers before R510 have no _v3 names, and _v1
// takes a smaller structure than NvmlApi::ProcessInfo, so it is never bound.
template <typename F>
void BindFirst(void* lib, std::initializer_list<const char*> symbols, F* out) {
  for (const char* symbol : symbols) {
    if (Bind(lib, symbol, out)) return;
  }
}

}  // namespace

std::unique_ptr<NvmlApi> LoadNvml() {
  auto api = std::make_unique<NvmlApi>();
  api->lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
  if (api->lib == nullptr) return nullptr;
  void* l = api->lib;
  if (!Bind(l, "nvmlInit_v2", &api->init) || !Bind(l, "nvmlShutdown", &api->shutdown) ||
      !Bind(l, "nvmlDeviceGetCount_v2", &api->count) ||
      !Bind(l, "nvmlDeviceGetHandleByIndex_v2", &api->handle)) {
    api->shutdown = nullptr;
    return nullptr;
  }
  Bind(l, "nvmlDeviceGetName", &api->name);
  Bind(l, "nvmlDeviceGetUtilizationRates", &api->utilization);
  Bind(l, "nvmlDeviceGetMemoryInfo", &api->memory);
  Bind(l, "nvmlDeviceGetTemperature", &api->temperature);
  Bind(l, "nvmlDeviceGetPowerUsage", &api->power);
  Bind(l, "nvmlDeviceGetClockInfo", &api->clock);
  Bind(l, "nvmlDeviceGetProcessUtilization", &api->process_utilization);
  BindFirst(l,
            {"nvmlDeviceGetComputeRunningProcesses_v3", "nvmlDeviceGetComputeRunningProcesses_v2"},
            &api->compute_processes);
  BindFirst(l,
            {"nvmlDeviceGetGraphicsRunningProcesses_v3",
             "nvmlDeviceGetGraphicsRunningProcesses_v2"},
            &api->graphics_processes);
  if (api->init() != kNvmlSuccess) {
    api->shutdown = nullptr;
    return nullptr;
  }
  return api;
}

std::string NvmlDeviceId(unsigned int index) { return "nvml" + std::to_string(index); }

}  // namespace darwinmetrics
