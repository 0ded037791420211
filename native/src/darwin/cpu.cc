// cpu: per-core ticks (host_processor_info), load average, topology (hw.perflevel*), model,
// Rosetta, and on Intel the nominal clock (hw.cpufrequency). Apple Silicon frequencies come from
// IOReport residencies and pmgr tables, decoded in TypeScript.
#include <mach/mach.h>
#include <mach/processor_info.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "readers.h"

namespace darwinmetrics {

namespace {

bool ReadTicks(host_t host, RawCpu* cpu, std::string* error) {
  natural_t count = 0;
  processor_info_array_t info = nullptr;
  mach_msg_type_number_t info_count = 0;
  kern_return_t kr = host_processor_info(host, PROCESSOR_CPU_LOAD_INFO, &count, &info, &info_count);
  if (kr != KERN_SUCCESS) {
    *error = "cpu: host_processor_info failed (" + std::to_string(kr) + ")";
    return false;
  }
  auto* load = reinterpret_cast<processor_cpu_load_info_t>(info);
  cpu->cores.reserve(count);
  for (natural_t i = 0; i < count; ++i) {
    RawCpuTicks t;
    // 32-bit counters (`unsigned int cpu_ticks[]`): core/darwin/normalize.ts marks them with
    // tickWrap = 2^32, and derive() undoes a roll-over per core and builds the total usage from
    // the per-core deltas. The 64-bit sum below is only the cumulative total (secondsTotal).
    t.user = load[i].cpu_ticks[CPU_STATE_USER];
    t.system = load[i].cpu_ticks[CPU_STATE_SYSTEM];
    t.idle = load[i].cpu_ticks[CPU_STATE_IDLE];
    t.nice = load[i].cpu_ticks[CPU_STATE_NICE];
    cpu->total.user += t.user;
    cpu->total.system += t.system;
    cpu->total.idle += t.idle;
    cpu->total.nice += t.nice;
    cpu->cores.push_back(t);
  }
  // The buffer belongs to our task, not the host port (MACOS.md "CPU").
  vm_deallocate(mach_task_self(), reinterpret_cast<vm_address_t>(info),
                static_cast<vm_size_t>(info_count) * sizeof(integer_t));
  return true;
}

void ReadPerfLevels(RawCpu* cpu) {
  int64_t levels = 0;
  if (!SysctlInt64("hw.nperflevels", &levels)) return;
  for (int64_t i = 0; i < levels && i < 8; ++i) {
    const std::string prefix = "hw.perflevel" + std::to_string(i);
    RawPerfLevel level;
    int64_t logical = 0;
    if (!SysctlInt64((prefix + ".logicalcpu").c_str(), &logical)) continue;
    level.logical_cores = static_cast<int>(logical);
    if (!SysctlString((prefix + ".name").c_str(), &level.name))
      level.name = "Level " + std::to_string(i);
    cpu->perf_levels.push_back(std::move(level));
  }
}

}  // namespace

// No context-switch or interrupt totals on macOS, so RawCpu.context_switches and .interrupts stay
// empty. xnu publishes none system-wide: host_statistics()/host_statistics64() flavors
// HOST_LOAD_INFO, HOST_CPU_LOAD_INFO, HOST_VM_INFO64 and HOST_EXPIRED_TASK_INFO (<mach/host_info.h>,
// <mach/vm_statistics.h>) and processor_set_statistics() PROCESSOR_SET_LOAD_INFO
// (<mach/processor_info.h>) carry no such field. Context switches exist only per task
// (task_events_info.csw in <mach/task_info.h>, proc_taskinfo.pti_csw in <sys/proc_info.h>); a sum
// over live tasks drops every exited task's switches, so it goes backwards and is not a counter.
void ReadCpu(SectionResult<RawCpu>* out, host_t host) {
  RawCpu cpu;
  std::string error;
  if (!ReadTicks(host, &cpu, &error)) {
    out->Fail(ErrorReason::kFailed, error);
    return;
  }
  SysctlString("machdep.cpu.brand_string", &cpu.model);
  cpu.vendor = IsAppleSilicon() ? "Apple" : "Intel";
  cpu.arch = IsAppleSilicon() ? "arm64" : "x64";
  int64_t v = 0;
  if (SysctlInt64("hw.physicalcpu", &v)) cpu.physical_cores = static_cast<int>(v);
  if (SysctlInt64("hw.logicalcpu", &v)) cpu.logical_cores = static_cast<int>(v);
  ReadPerfLevels(&cpu);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) == 3) {
    for (int i = 0; i < 3; ++i) cpu.load_avg[i] = load[i];
  }
  cpu.ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  int64_t translated = 0;
  cpu.rosetta = SysctlInt64("sysctl.proc_translated", &translated) && translated == 1;
  // Intel only: hw.cpufrequency is the nominal clock in Hz; Apple Silicon has no such sysctl.
  int64_t hz = 0;
  if (SysctlInt64("hw.cpufrequency", &hz) && hz > 0) {
    cpu.core_mhz =
        std::vector<std::optional<double>>(cpu.cores.size(), static_cast<double>(hz) / 1e6);
  }
  out->Ok() = std::move(cpu);
}

}  // namespace darwinmetrics
