// The platform-neutral raw snapshot: plain structs mirroring src/shared/raw.ts section by section.
// Backends fill these on a worker thread; to_js.cc is the only code that turns them into JS.
// Optional fields are std::optional (absent in JS when empty); counters are uint64_t or double.
#ifndef DARWINMETRICS_RAW_H_
#define DARWINMETRICS_RAW_H_

#include <bitset>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace darwinmetrics {

// Same order as SECTIONS in src/shared/sections.ts.
enum class Section : int {
  kHost = 0,
  kCpu,
  kMemory,
  kPower,
  kThermal,
  kFans,
  kGpu,
  kRails,
  kDisks,
  kNetwork,
  kProcesses,
  kProcessIo,   // fills the processes section's disk byte columns (one more read per process)
  kProcessGpu,  // GPU clients per process (a walk of every process's open files)
};
constexpr int kSectionCount = 13;
using SectionSet = std::bitset<kSectionCount>;

const char* SectionName(Section section);
// False when `name` is not a section name.
bool SectionFromName(std::string_view name, Section* out);

enum class ErrorReason { kUnsupported, kPermission, kUnavailable, kFailed };
const char* ErrorReasonName(ErrorReason reason);

struct SectionError {
  ErrorReason reason = ErrorReason::kFailed;
  std::string message;
};

// One section of a snapshot: not requested, a value, or an error.
template <typename T>
struct SectionResult {
  bool requested = false;
  std::optional<T> value;
  SectionError error;

  T& Ok() { return value.emplace(); }
  void Fail(ErrorReason reason, std::string message) {
    value.reset();
    error = SectionError{reason, std::move(message)};
  }
};

// A raw SMC key read (macOS only; decoded in TypeScript). Empty on Linux.
struct SmcReading {
  std::string key;
  std::string type;
  std::vector<uint8_t> bytes;
};

struct RawHost {
  std::string platform;
  std::string arch;
  std::string hostname;
  std::string os_name;
  std::string os_version;
  std::string kernel;
  std::optional<std::string> model;
  double boot_time_ms = 0;
  double uptime_sec = 0;
};

struct RawCpuTicks {
  uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
};

struct RawPerfLevel {
  std::string name;
  int logical_cores = 0;
  std::optional<std::vector<int>> cpus;
};

struct RawClusterResidency {
  std::string name;
  std::vector<double> state_mhz;
  std::vector<uint64_t> active_ticks;
  uint64_t idle_ticks = 0;
};

struct RawCpu {
  std::string model;
  std::optional<std::string> vendor;
  std::string arch;
  int physical_cores = 0;
  int logical_cores = 0;
  std::vector<RawPerfLevel> perf_levels;
  double load_avg[3] = {0, 0, 0};
  double ticks_per_second = 0;
  RawCpuTicks total;
  std::vector<RawCpuTicks> cores;
  std::optional<std::vector<std::optional<double>>> core_mhz;
  std::optional<std::vector<RawClusterResidency>> clusters;
  std::optional<bool> rosetta;
  // Cumulative since boot, all CPUs; absent where the OS keeps no such counter.
  std::optional<uint64_t> context_switches;
  std::optional<uint64_t> interrupts;
};

struct RawPsiLine {
  double avg10 = 0, avg60 = 0, avg300 = 0;
  uint64_t total_us = 0;
};

struct RawPsi {
  RawPsiLine some;
  std::optional<RawPsiLine> full;
};

struct RawMemory {
  uint64_t total_bytes = 0;
  uint64_t free_bytes = 0;
  uint64_t available_bytes = 0;
  uint64_t used_bytes = 0;
  uint64_t cached_bytes = 0;
  std::optional<uint64_t> buffers_bytes;
  std::optional<uint64_t> reclaimable_bytes;
  std::optional<uint64_t> shmem_bytes;
  std::optional<uint64_t> wired_bytes;
  std::optional<uint64_t> compressed_bytes;
  std::optional<uint64_t> app_bytes;
  uint64_t swap_total_bytes = 0;
  uint64_t swap_used_bytes = 0;
  std::optional<std::string> pressure_level;  // "normal" | "warning" | "critical"
  std::optional<RawPsi> psi;
};

struct RawAdapter {
  std::string id;
  std::string kind;
  bool online = false;
  std::optional<std::string> name;
  std::optional<double> watts;
  std::optional<double> voltage_v;
  std::optional<double> current_a;
};

struct RawBattery {
  std::string id;
  std::optional<double> percent;
  std::string state = "unknown";  // BatteryState in raw.ts
  std::optional<double> minutes_to_empty;
  std::optional<double> minutes_to_full;
  std::optional<double> cycle_count;
  std::optional<double> energy_now_wh, energy_full_wh, energy_design_wh;
  std::optional<double> charge_now_ah, charge_full_ah, charge_design_ah;
  std::optional<double> voltage_v, voltage_min_design_v;
  std::optional<double> current_a;
  std::optional<double> power_w;
  std::optional<double> temperature_c;
  std::optional<std::string> manufacturer, model, technology;
};

struct RawPower {
  std::string source = "unknown";  // PowerSource in raw.ts
  std::vector<RawAdapter> adapters;
  std::vector<RawBattery> batteries;
  std::optional<std::string> thermal_pressure;
  std::vector<SmcReading> smc;  // macOS only
};

struct RawTempSensor {
  std::string id;
  std::string chip;
  std::string sensor;
  std::string kind;  // "hwmon" | "thermal-zone" | "smc" | "gpu"
  std::optional<std::string> label;
  double celsius = 0;
  std::optional<double> max_c;
  std::optional<double> crit_c;
  std::optional<std::string> zone_type;
  std::optional<std::string> chip_name;  // Linux hwmon driver name (the chip's `name` file)
};

struct RawThermal {
  std::vector<RawTempSensor> sensors;
  std::vector<SmcReading> smc;  // macOS only
};

struct RawFan {
  std::string id;
  std::string chip;
  std::string sensor;
  std::optional<std::string> label;
  double rpm = 0;
  std::optional<double> min_rpm, max_rpm, target_rpm;
  std::optional<std::string> mode;
};

struct RawFans {
  std::vector<RawFan> fans;
  std::vector<SmcReading> smc;  // macOS only
};

struct RawGpuResidency {
  std::vector<double> state_mhz;
  std::vector<uint64_t> active_ticks;
  uint64_t idle_ticks = 0;
};

struct RawGpu {
  std::string id;
  std::optional<std::string> model, vendor, vendor_id, device_id, driver;
  std::optional<double> busy_percent, renderer_percent, tiler_percent;
  std::optional<double> memory_used_bytes, memory_total_bytes;
  std::optional<double> temperature_c, power_w, frequency_mhz, core_count;
  std::optional<RawGpuResidency> residency;
};

struct RawGpus {
  std::vector<RawGpu> gpus;
};

struct RawRail {
  std::string name;
  double energy_j = 0;
  std::optional<double> wrap_j;
};

struct RawRails {
  std::vector<RawRail> rails;
  std::optional<double> system_w, battery_w, dc_in_w;
  std::vector<SmcReading> smc;  // macOS only
};

struct RawMount {
  std::string mount, device, fs_type;
  uint64_t total_bytes = 0, used_bytes = 0, available_bytes = 0;
  std::optional<bool> read_only;
};

struct RawDiskIo {
  std::string name;
  uint64_t read_bytes = 0, write_bytes = 0, read_ops = 0, write_ops = 0;
  std::optional<uint64_t> read_time_ms, write_time_ms, io_time_ms;
};

struct RawDisks {
  std::vector<RawMount> mounts;
  std::vector<RawDiskIo> devices;
};

struct RawAddress {
  std::string family;  // "ipv4" | "ipv6"
  std::string address;
  std::optional<std::string> netmask;
};

struct RawInterface {
  std::string name;
  std::string kind = "other";  // InterfaceKind in raw.ts
  bool up = false;
  std::optional<std::string> operstate, mac;
  std::optional<double> mtu, speed_mbps;
  std::vector<RawAddress> addresses;
  uint64_t rx_bytes = 0, tx_bytes = 0, rx_packets = 0, tx_packets = 0;
  uint64_t rx_errors = 0, tx_errors = 0, rx_drops = 0, tx_drops = 0;
};

struct RawNetwork {
  std::vector<RawInterface> interfaces;
};

// The process table as columns (RawProcesses in raw.ts): entry i of every vector is one process.
// NaN in a double column means "unknown on this platform".
struct RawProcesses {
  std::vector<int32_t> pid, ppid, uid, threads;
  std::vector<double> start_time_ms, cpu_time_ns, rss_bytes, virtual_bytes;
  std::vector<double> disk_read_bytes, disk_write_bytes;
  // Cumulative energy the OS accounts to the process, nJ (macOS rusage); NaN elsewhere.
  std::vector<double> energy_nj;
  std::vector<uint8_t> state, kernel_thread;
  std::vector<std::string> name, path, user;

  size_t size() const { return pid.size(); }
  void reserve(size_t n);
};

// How the processIo section went: the disk byte columns of the processes section are filled for
// `readable` processes; `denied` ones stay NaN (another user's process without the privilege).
struct RawProcessIo {
  uint32_t readable = 0;
  uint32_t denied = 0;
};

// One GPU engine of a DRM client (Documentation/gpu/drm-usage-stats.rst): busy time in ns, or
// busy and total cycles (xe). NaN where the driver does not report that key.
struct RawGpuEngine {
  std::string name;
  double busy_ns = 0, cycles = 0, total_cycles = 0;
  double capacity = 1;  // engines of this class, drm-engine-capacity-<name>
  // The driver's own utilisation of the engine over its sampling period, 0-100, where it gives a
  // percentage instead of a counter (NVML); NaN for counter engines (DRM fdinfo, macOS).
  double percent = std::numeric_limits<double>::quiet_NaN();
};

// One GPU client seen by a process: a DRM file description (Linux fdinfo) or an accelerator user
// client (macOS). Several file descriptors may share one client; they are listed once.
struct RawGpuClient {
  int32_t pid = 0;
  std::string driver;  // drm-driver (amdgpu, i915, xe, ...) or the macOS accelerator class
  std::string device;  // drm-pdev (PCI address) where known
  std::string client_id;
  std::vector<RawGpuEngine> engines;
  double memory_bytes = 0;    // drm-total-* (or the older drm-memory-*) summed over regions
  double resident_bytes = 0;  // drm-resident-* summed; NaN when not reported
};

struct RawProcessGpu {
  std::vector<RawGpuClient> clients;
  uint32_t denied = 0;  // processes whose open files could not be listed (permission)
  // One line per GPU whose driver cannot give per-process figures, with its reason.
  std::vector<std::string> unavailable;
};

struct RawSnapshotData {
  double t_ms = 0;     // CLOCK_REALTIME, ms since the epoch
  double mono_ns = 0;  // CLOCK_MONOTONIC, ns
  SectionResult<RawHost> host;
  SectionResult<RawCpu> cpu;
  SectionResult<RawMemory> memory;
  SectionResult<RawPower> power;
  SectionResult<RawThermal> thermal;
  SectionResult<RawFans> fans;
  SectionResult<RawGpus> gpu;
  SectionResult<RawRails> rails;
  SectionResult<RawDisks> disks;
  SectionResult<RawNetwork> network;
  SectionResult<RawProcesses> processes;
  SectionResult<RawProcessIo> process_io;
  SectionResult<RawProcessGpu> process_gpu;
  // Backend-specific raw material with no slot above (macOS: DarwinExtras), owned by the
  // snapshot so it is freed with it on every path (error, cancel, teardown).
  std::shared_ptr<const void> platform_extras;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_RAW_H_
