// macOS raw material that has no slot in raw.h: DVFS blobs, IOReport counters, registry
// dictionaries, vm counters. The backend stores one DarwinExtras in each snapshot on the worker
// thread; to_js_darwin.cc reads it on the main thread and attaches it as `darwin` to the JS
// snapshot, where core/darwin/normalize.ts interprets it. Mirrors src/core/darwin/native-types.ts.
#ifndef DARWINMETRICS_DARWIN_EXTRAS_H_
#define DARWINMETRICS_DARWIN_EXTRAS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

// A CoreFoundation property-list value, copied out of CF so no CF object crosses threads.
struct DarwinValue {
  enum class Kind { kBool, kNumber, kString, kData, kArray, kDict };
  Kind kind = Kind::kNumber;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<uint8_t> data;
  std::vector<DarwinValue> items;  // kArray items, or kDict values
  std::vector<std::string> keys;   // kDict keys, same order as items
};

struct VmCounters {
  uint64_t page_size = 0;
  uint64_t free = 0, active = 0, inactive = 0, speculative = 0, throttled = 0, wired = 0;
  uint64_t purgeable = 0, external = 0, internal = 0, compressor = 0;
};

struct IoReportStateChannel {
  std::string group, subgroup, channel;
  std::vector<std::string> state_names;
  std::vector<int64_t> state_ticks;
};

struct IoReportEnergyChannel {
  std::string group, subgroup, channel, unit;
  int64_t value = 0;
};

// What turns process CPU times (Mach absolute-time ticks) into ns; see processes.cc.
struct MachTimebase {
  uint32_t numer = 0, denom = 0;          // mach_timebase_info (1/1 under Rosetta)
  std::optional<double> tb_frequency_hz;  // hw.tbfrequency: the hardware tick rate
  bool translated = false;                // sysctl.proc_translated
};

// What src/shared/darwin/network.ts needs to tell an interface's kind.
struct InterfaceFacts {
  std::string name;
  int if_type = 0;  // if_data ifi_type (<net/if_types.h>): IFT_ETHER also for Wi-Fi
  bool loopback = false;
};

struct BatterySource {
  DarwinValue ips;
  std::optional<DarwinValue> registry;
};

struct DarwinExtras {
  bool apple_silicon = false;
  std::optional<std::string> cpu_brand;
  std::optional<VmCounters> vm;
  std::optional<int> memory_pressure_level;
  std::optional<std::map<std::string, std::vector<uint8_t>>> pmgr;
  std::optional<std::vector<IoReportStateChannel>> cpu_residency;
  std::optional<std::vector<IoReportStateChannel>> gpu_residency;
  std::optional<std::vector<IoReportEnergyChannel>> energy;
  // CLOCK_MONOTONIC ns right after IOReportCreateSamples (rail watts divide by its deltas).
  std::optional<double> ioreport_mono_ns;
  std::optional<std::vector<BatterySource>> batteries;
  std::optional<MachTimebase> mach_timebase;
  // pti_numrunning per process row, -1 where task info was unreadable.
  std::optional<std::vector<int32_t>> process_running_threads;
  std::optional<std::string> providing_source;
  std::optional<DarwinValue> adapter;
  std::optional<int> thermal_pressure_state;
  std::vector<InterfaceFacts> interface_facts;
  std::optional<std::vector<std::string>> wifi_interfaces;
  // Accelerator user clients' accounting properties (gpu.cc ReadGpuClients), for processGpu.
  std::optional<std::vector<DarwinValue>> gpu_clients;
  std::map<std::string, std::string> unavailable;
};

// Worker thread: stores the extras in the snapshot (platform_extras), freed with it.
void StashDarwinExtras(RawSnapshotData* out, DarwinExtras extras);
// Main thread: the extras of `data`, or null when the backend stored none.
const DarwinExtras* GetDarwinExtras(const RawSnapshotData& data);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_EXTRAS_H_
