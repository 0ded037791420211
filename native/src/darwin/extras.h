// macOS raw material that has no slot in raw.h: DVFS blobs, IOReport counters, registry
// dictionaries, vm counters. The backend stores one DarwinExtras in each snapshot on the worker
// thread; to_js_darwin.cc reads it on the main thread and attaches it as `darwin` to the JS
// snapshot, where core/darwin-normalize.ts interprets it. Mirrors src/core/darwin-native-types.ts.
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
  std::optional<std::vector<BatterySource>> batteries;
  std::optional<std::string> providing_source;
  std::optional<DarwinValue> adapter;
  std::optional<int> thermal_pressure_state;
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
