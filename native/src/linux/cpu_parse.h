// Parsers for proc/stat, proc/loadavg and proc/cpuinfo (text in, structs out; no I/O).
#ifndef DARWINMETRICS_LINUX_CPU_PARSE_H_
#define DARWINMETRICS_LINUX_CPU_PARSE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

struct ProcStat {
  std::optional<RawCpuTicks> total;
  std::vector<std::pair<int, RawCpuTicks>> cores;  // (cpu id, ticks), in file order
  std::optional<uint64_t> btime;                   // boot time, seconds since the epoch
  std::optional<uint64_t> ctxt;                    // context switches since boot, all CPUs
  std::optional<uint64_t> intr;                    // interrupts serviced since boot (first intr field)
};

// proc/stat: "cpu" and "cpuN" lines, "btime", "ctxt" and the total of "intr" (proc(5): "intr
// <total> <per-IRQ counts...>"; "ctxt <n>"). Lines of any length (the "intr" line of a large machine
// is over 100,000 characters) are read without copying. Malformed lines are ignored.
ProcStat ParseProcStat(std::string_view text);

// proc/loadavg: "0.21 0.37 0.39 1/719 19737". False when the three averages are not there.
bool ParseLoadavg(std::string_view text, double out[3]);

struct CpuInfo {
  std::string model;
  std::optional<std::string> vendor;
  int processors = 0;
  // (processor id, "cpu MHz") where present (x86); arm kernels print no MHz.
  std::vector<std::pair<int, double>> mhz;
  // Distinct (physical id, core id) pairs; 0 when the file has none (arm).
  int physical_cores = 0;
};

// proc/cpuinfo in the x86 ("model name", "cpu MHz", "physical id"/"core id") and arm ("Processor",
// "CPU implementer"/"CPU part", "Hardware") dialects.
CpuInfo ParseCpuinfo(std::string_view text);

// A kernel cpu list ("0-3,8-11", "16-23\n"), as in sys/devices/cpu_core/cpus (cpuset(7) "List
// format"). Empty when malformed; ids above 1<<16 are rejected.
std::vector<int> ParseCpuList(std::string_view text);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_CPU_PARSE_H_
