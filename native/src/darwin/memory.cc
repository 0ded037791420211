// memory: host_statistics64(HOST_VM_INFO64) counters with the machine's page size, hw.memsize,
// vm.swapusage and the pressure level. The Activity Monitor figures are computed from the
// counters in TypeScript (src/shared/darwin/memory.ts).
#include <mach/mach.h>
#include <sys/sysctl.h>

#include "readers.h"

namespace darwinmetrics {

void ReadMemory(SectionResult<RawMemory>* out, DarwinExtras* extras, host_t host) {
  vm_statistics64_data_t vm{};
  mach_msg_type_number_t count = HOST_VM_INFO64_COUNT;
  kern_return_t kr =
      host_statistics64(host, HOST_VM_INFO64, reinterpret_cast<host_info64_t>(&vm), &count);
  if (kr != KERN_SUCCESS) {
    out->Fail(ErrorReason::kFailed,
              "memory: host_statistics64 failed (" + std::to_string(kr) + ")");
    return;
  }
  int64_t memsize = 0;
  if (!SysctlInt64("hw.memsize", &memsize)) {
    out->Fail(ErrorReason::kFailed, "memory: sysctl hw.memsize failed");
    return;
  }
  // The kernel's page size, which the counters are in: under Rosetta the user-space page size is
  // 4 KiB while an Apple Silicon kernel counts 16 KiB pages (shirou/gopsutil PR #1334; vm_stat
  // prints vm_kernel_page_size).
  vm_size_t page_size = 0;
  if (host_page_size(host, &page_size) != KERN_SUCCESS || page_size == 0) {
    out->Fail(ErrorReason::kFailed, "memory: host_page_size failed");
    return;
  }
  VmCounters c;
  c.page_size = page_size;
  c.free = vm.free_count;
  c.active = vm.active_count;
  c.inactive = vm.inactive_count;
  c.speculative = vm.speculative_count;
  c.throttled = vm.throttled_count;
  c.wired = vm.wire_count;
  c.purgeable = vm.purgeable_count;
  c.external = vm.external_page_count;
  c.internal = vm.internal_page_count;
  c.compressor = vm.compressor_page_count;
  extras->vm = c;

  RawMemory& m = out->Ok();
  m.total_bytes = static_cast<uint64_t>(memsize);
  xsw_usage swap{};
  size_t size = sizeof(swap);
  if (sysctlbyname("vm.swapusage", &swap, &size, nullptr, 0) == 0) {
    m.swap_total_bytes = swap.xsu_total;
    m.swap_used_bytes = swap.xsu_used;
  }
  int64_t level = 0;
  if (SysctlInt64("kern.memorystatus_vm_pressure_level", &level))
    extras->memory_pressure_level = static_cast<int>(level);
}

}  // namespace darwinmetrics
