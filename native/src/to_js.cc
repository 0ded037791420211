// Raw structs → JS values, field names as in src/shared/raw.ts. Every string goes through
// SanitizeUtf8: system text (battery model names, process names) is not always valid UTF-8.
#include "to_js.h"

#include <cstring>

#include "utf8.h"

#if defined(__APPLE__)
// darwin block (H-darwin): macOS raw extras for core/darwin/normalize.ts.
#include "darwin/to_js_darwin.h"
#endif

namespace darwinmetrics {

namespace {

using Napi::Env;
using Napi::Object;

Napi::String Str(Env env, const std::string& s) {
  // Valid text (nearly all of it) goes to V8 without an extra copy.
  if (IsValidUtf8(s)) return Napi::String::New(env, s.data(), s.size());
  return Napi::String::New(env, SanitizeUtf8(s));
}
Napi::Number Num(Env env, double v) { return Napi::Number::New(env, v); }
Napi::Number Num(Env env, uint64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

void Set(Object o, const char* key, const std::string& v) { o.Set(key, Str(o.Env(), v)); }
void Set(Object o, const char* key, double v) { o.Set(key, Num(o.Env(), v)); }
void Set(Object o, const char* key, uint64_t v) { o.Set(key, Num(o.Env(), v)); }
void Set(Object o, const char* key, int v) { o.Set(key, Num(o.Env(), static_cast<double>(v))); }
void Set(Object o, const char* key, bool v) { o.Set(key, Napi::Boolean::New(o.Env(), v)); }

template <typename T>
void SetOpt(Object o, const char* key, const std::optional<T>& v) {
  if (v) Set(o, key, *v);
}

template <typename T, typename F>
Napi::Array ArrayOf(Env env, const std::vector<T>& items, F convert) {
  Napi::Array out = Napi::Array::New(env, items.size());
  for (size_t i = 0; i < items.size(); ++i)
    out.Set(static_cast<uint32_t>(i), convert(env, items[i]));
  return out;
}

Napi::Value Smc(Env env, const SmcReading& r) {
  Object o = Object::New(env);
  Set(o, "key", r.key);
  Set(o, "type", r.type);
  Napi::Uint8Array bytes = Napi::Uint8Array::New(env, r.bytes.size());
  for (size_t i = 0; i < r.bytes.size(); ++i) bytes[i] = r.bytes[i];
  o.Set("bytes", bytes);
  return o;
}

void SetSmc(Object o, const std::vector<SmcReading>& smc) {
  if (!smc.empty()) o.Set("smc", ArrayOf(o.Env(), smc, Smc));
}

Napi::Value Host(Env env, const RawHost& h) {
  Object o = Object::New(env);
  Set(o, "platform", h.platform);
  Set(o, "arch", h.arch);
  Set(o, "hostname", h.hostname);
  Set(o, "osName", h.os_name);
  Set(o, "osVersion", h.os_version);
  Set(o, "kernel", h.kernel);
  SetOpt(o, "model", h.model);
  Set(o, "bootTimeMs", h.boot_time_ms);
  Set(o, "uptimeSec", h.uptime_sec);
  return o;
}

Napi::Value Ticks(Env env, const RawCpuTicks& t) {
  Object o = Object::New(env);
  Set(o, "user", t.user);
  Set(o, "nice", t.nice);
  Set(o, "system", t.system);
  Set(o, "idle", t.idle);
  Set(o, "iowait", t.iowait);
  Set(o, "irq", t.irq);
  Set(o, "softirq", t.softirq);
  Set(o, "steal", t.steal);
  return o;
}

Napi::Value PerfLevel(Env env, const RawPerfLevel& p) {
  Object o = Object::New(env);
  Set(o, "name", p.name);
  Set(o, "logicalCores", p.logical_cores);
  if (p.cpus) o.Set("cpus", ArrayOf(env, *p.cpus, [](Env e, int c) { return Num(e, double(c)); }));
  return o;
}

Napi::Value Residency(Env env, const std::vector<double>& mhz, const std::vector<uint64_t>& active,
                      uint64_t idle, Object o) {
  o.Set("stateMhz", ArrayOf(env, mhz, [](Env e, double v) { return Num(e, v); }));
  o.Set("activeTicks", ArrayOf(env, active, [](Env e, uint64_t v) { return Num(e, v); }));
  Set(o, "idleTicks", idle);
  return o;
}

Napi::Value Cpu(Env env, const RawCpu& c) {
  Object o = Object::New(env);
  Set(o, "model", c.model);
  SetOpt(o, "vendor", c.vendor);
  Set(o, "arch", c.arch);
  Set(o, "physicalCores", c.physical_cores);
  Set(o, "logicalCores", c.logical_cores);
  o.Set("perfLevels", ArrayOf(env, c.perf_levels, PerfLevel));
  Napi::Array load = Napi::Array::New(env, 3);
  for (uint32_t i = 0; i < 3; ++i) load.Set(i, Num(env, c.load_avg[i]));
  o.Set("loadAvg", load);
  Set(o, "ticksPerSecond", c.ticks_per_second);
  o.Set("total", Ticks(env, c.total));
  o.Set("cores", ArrayOf(env, c.cores, Ticks));
  if (c.core_mhz) {
    o.Set("coreMhz", ArrayOf(env, *c.core_mhz, [](Env e, const std::optional<double>& v) {
            return v ? Napi::Value(Num(e, *v)) : e.Null();
          }));
  }
  if (c.clusters) {
    o.Set("clusters", ArrayOf(env, *c.clusters, [](Env e, const RawClusterResidency& r) {
            Object x = Object::New(e);
            Set(x, "name", r.name);
            return Residency(e, r.state_mhz, r.active_ticks, r.idle_ticks, x);
          }));
  }
  SetOpt(o, "rosetta", c.rosetta);
  SetOpt(o, "contextSwitches", c.context_switches);
  SetOpt(o, "interrupts", c.interrupts);
  return o;
}

Napi::Value PsiLine(Env env, const RawPsiLine& l) {
  Object o = Object::New(env);
  Set(o, "avg10", l.avg10);
  Set(o, "avg60", l.avg60);
  Set(o, "avg300", l.avg300);
  Set(o, "totalUs", l.total_us);
  return o;
}

Napi::Value Memory(Env env, const RawMemory& m) {
  Object o = Object::New(env);
  Set(o, "totalBytes", m.total_bytes);
  Set(o, "freeBytes", m.free_bytes);
  Set(o, "availableBytes", m.available_bytes);
  Set(o, "usedBytes", m.used_bytes);
  Set(o, "cachedBytes", m.cached_bytes);
  SetOpt(o, "buffersBytes", m.buffers_bytes);
  SetOpt(o, "reclaimableBytes", m.reclaimable_bytes);
  SetOpt(o, "shmemBytes", m.shmem_bytes);
  SetOpt(o, "wiredBytes", m.wired_bytes);
  SetOpt(o, "compressedBytes", m.compressed_bytes);
  SetOpt(o, "appBytes", m.app_bytes);
  Set(o, "swapTotalBytes", m.swap_total_bytes);
  Set(o, "swapUsedBytes", m.swap_used_bytes);
  SetOpt(o, "pressureLevel", m.pressure_level);
  if (m.psi) {
    Object psi = Object::New(env);
    psi.Set("some", PsiLine(env, m.psi->some));
    if (m.psi->full) psi.Set("full", PsiLine(env, *m.psi->full));
    o.Set("psi", psi);
  }
  return o;
}

Napi::Value Adapter(Env env, const RawAdapter& a) {
  Object o = Object::New(env);
  Set(o, "id", a.id);
  Set(o, "kind", a.kind);
  Set(o, "online", a.online);
  SetOpt(o, "name", a.name);
  SetOpt(o, "watts", a.watts);
  SetOpt(o, "voltageV", a.voltage_v);
  SetOpt(o, "currentA", a.current_a);
  return o;
}

Napi::Value Battery(Env env, const RawBattery& b) {
  Object o = Object::New(env);
  Set(o, "id", b.id);
  SetOpt(o, "percent", b.percent);
  Set(o, "state", b.state);
  SetOpt(o, "minutesToEmpty", b.minutes_to_empty);
  SetOpt(o, "minutesToFull", b.minutes_to_full);
  SetOpt(o, "cycleCount", b.cycle_count);
  SetOpt(o, "energyNowWh", b.energy_now_wh);
  SetOpt(o, "energyFullWh", b.energy_full_wh);
  SetOpt(o, "energyDesignWh", b.energy_design_wh);
  SetOpt(o, "chargeNowAh", b.charge_now_ah);
  SetOpt(o, "chargeFullAh", b.charge_full_ah);
  SetOpt(o, "chargeDesignAh", b.charge_design_ah);
  SetOpt(o, "voltageV", b.voltage_v);
  SetOpt(o, "voltageMinDesignV", b.voltage_min_design_v);
  SetOpt(o, "currentA", b.current_a);
  SetOpt(o, "powerW", b.power_w);
  SetOpt(o, "temperatureC", b.temperature_c);
  SetOpt(o, "manufacturer", b.manufacturer);
  SetOpt(o, "model", b.model);
  SetOpt(o, "technology", b.technology);
  return o;
}

Napi::Value Power(Env env, const RawPower& p) {
  Object o = Object::New(env);
  Set(o, "source", p.source);
  o.Set("adapters", ArrayOf(env, p.adapters, Adapter));
  o.Set("batteries", ArrayOf(env, p.batteries, Battery));
  SetOpt(o, "thermalPressure", p.thermal_pressure);
  SetSmc(o, p.smc);
  return o;
}

Napi::Value TempSensor(Env env, const RawTempSensor& s) {
  Object o = Object::New(env);
  Set(o, "id", s.id);
  Set(o, "chip", s.chip);
  Set(o, "sensor", s.sensor);
  Set(o, "kind", s.kind);
  SetOpt(o, "label", s.label);
  Set(o, "celsius", s.celsius);
  SetOpt(o, "maxC", s.max_c);
  SetOpt(o, "critC", s.crit_c);
  SetOpt(o, "zoneType", s.zone_type);
  SetOpt(o, "chipName", s.chip_name);
  return o;
}

Napi::Value Thermal(Env env, const RawThermal& t) {
  Object o = Object::New(env);
  o.Set("sensors", ArrayOf(env, t.sensors, TempSensor));
  SetSmc(o, t.smc);
  return o;
}

Napi::Value Fan(Env env, const RawFan& f) {
  Object o = Object::New(env);
  Set(o, "id", f.id);
  Set(o, "chip", f.chip);
  Set(o, "sensor", f.sensor);
  SetOpt(o, "label", f.label);
  Set(o, "rpm", f.rpm);
  SetOpt(o, "minRpm", f.min_rpm);
  SetOpt(o, "maxRpm", f.max_rpm);
  SetOpt(o, "targetRpm", f.target_rpm);
  SetOpt(o, "mode", f.mode);
  return o;
}

Napi::Value Fans(Env env, const RawFans& f) {
  Object o = Object::New(env);
  o.Set("fans", ArrayOf(env, f.fans, Fan));
  SetSmc(o, f.smc);
  return o;
}

Napi::Value Gpu(Env env, const RawGpu& g) {
  Object o = Object::New(env);
  Set(o, "id", g.id);
  SetOpt(o, "model", g.model);
  SetOpt(o, "vendor", g.vendor);
  SetOpt(o, "vendorId", g.vendor_id);
  SetOpt(o, "deviceId", g.device_id);
  SetOpt(o, "driver", g.driver);
  SetOpt(o, "busyPercent", g.busy_percent);
  SetOpt(o, "rendererPercent", g.renderer_percent);
  SetOpt(o, "tilerPercent", g.tiler_percent);
  SetOpt(o, "memoryUsedBytes", g.memory_used_bytes);
  SetOpt(o, "memoryTotalBytes", g.memory_total_bytes);
  SetOpt(o, "temperatureC", g.temperature_c);
  SetOpt(o, "powerW", g.power_w);
  SetOpt(o, "frequencyMhz", g.frequency_mhz);
  SetOpt(o, "coreCount", g.core_count);
  if (g.residency) {
    const RawGpuResidency& r = *g.residency;
    o.Set("residency", Residency(env, r.state_mhz, r.active_ticks, r.idle_ticks, Object::New(env)));
  }
  return o;
}

Napi::Value Gpus(Env env, const RawGpus& g) {
  Object o = Object::New(env);
  o.Set("gpus", ArrayOf(env, g.gpus, Gpu));
  return o;
}

Napi::Value Rails(Env env, const RawRails& r) {
  Object o = Object::New(env);
  o.Set("rails", ArrayOf(env, r.rails, [](Env e, const RawRail& rail) {
          Object x = Object::New(e);
          Set(x, "name", rail.name);
          Set(x, "energyJ", rail.energy_j);
          SetOpt(x, "wrapJ", rail.wrap_j);
          return x;
        }));
  SetOpt(o, "systemW", r.system_w);
  SetOpt(o, "batteryW", r.battery_w);
  SetOpt(o, "dcInW", r.dc_in_w);
  SetSmc(o, r.smc);
  return o;
}

Napi::Value Mount(Env env, const RawMount& m) {
  Object o = Object::New(env);
  Set(o, "mount", m.mount);
  Set(o, "device", m.device);
  Set(o, "fsType", m.fs_type);
  Set(o, "totalBytes", m.total_bytes);
  Set(o, "usedBytes", m.used_bytes);
  Set(o, "availableBytes", m.available_bytes);
  SetOpt(o, "readOnly", m.read_only);
  return o;
}

Napi::Value DiskIo(Env env, const RawDiskIo& d) {
  Object o = Object::New(env);
  Set(o, "name", d.name);
  Set(o, "readBytes", d.read_bytes);
  Set(o, "writeBytes", d.write_bytes);
  Set(o, "readOps", d.read_ops);
  Set(o, "writeOps", d.write_ops);
  SetOpt(o, "readTimeMs", d.read_time_ms);
  SetOpt(o, "writeTimeMs", d.write_time_ms);
  SetOpt(o, "ioTimeMs", d.io_time_ms);
  return o;
}

Napi::Value Disks(Env env, const RawDisks& d) {
  Object o = Object::New(env);
  o.Set("mounts", ArrayOf(env, d.mounts, Mount));
  o.Set("devices", ArrayOf(env, d.devices, DiskIo));
  return o;
}

Napi::Value Interface(Env env, const RawInterface& n) {
  Object o = Object::New(env);
  Set(o, "name", n.name);
  Set(o, "kind", n.kind);
  Set(o, "up", n.up);
  SetOpt(o, "operstate", n.operstate);
  SetOpt(o, "mac", n.mac);
  SetOpt(o, "mtu", n.mtu);
  SetOpt(o, "speedMbps", n.speed_mbps);
  o.Set("addresses", ArrayOf(env, n.addresses, [](Env e, const RawAddress& a) {
          Object x = Object::New(e);
          Set(x, "family", a.family);
          Set(x, "address", a.address);
          SetOpt(x, "netmask", a.netmask);
          return x;
        }));
  Set(o, "rxBytes", n.rx_bytes);
  Set(o, "txBytes", n.tx_bytes);
  Set(o, "rxPackets", n.rx_packets);
  Set(o, "txPackets", n.tx_packets);
  Set(o, "rxErrors", n.rx_errors);
  Set(o, "txErrors", n.tx_errors);
  Set(o, "rxDrops", n.rx_drops);
  Set(o, "txDrops", n.tx_drops);
  return o;
}

Napi::Value Network(Env env, const RawNetwork& n) {
  Object o = Object::New(env);
  o.Set("interfaces", ArrayOf(env, n.interfaces, Interface));
  return o;
}

// Typed arrays are filled by one memcpy each; strings are the only per-process JS allocations.
template <typename TypedArray, typename T>
TypedArray Column(Env env, const std::vector<T>& v) {
  TypedArray a = TypedArray::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size() * sizeof(T));
  return a;
}

Napi::Array Strings(Env env, const std::vector<std::string>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); ++i) a.Set(static_cast<uint32_t>(i), Str(env, v[i]));
  return a;
}

#ifdef DARWINMETRICS_PROCESS_OBJECTS
// Benchmark-only variant, built by bench/sample.bench.ts to measure one object per process against
// the columns below (the product always ships columns, which won the measurement: see README).
Napi::Value Processes(Env env, const RawProcesses& p) {
  Napi::Array out = Napi::Array::New(env, p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    Object o = Object::New(env);
    Set(o, "pid", p.pid[i]);
    Set(o, "ppid", p.ppid[i]);
    Set(o, "uid", p.uid[i]);
    Set(o, "threads", p.threads[i]);
    Set(o, "startTimeMs", p.start_time_ms[i]);
    Set(o, "cpuTimeNs", p.cpu_time_ns[i]);
    Set(o, "rssBytes", p.rss_bytes[i]);
    Set(o, "virtualBytes", p.virtual_bytes[i]);
    Set(o, "diskReadBytes", p.disk_read_bytes[i]);
    Set(o, "diskWriteBytes", p.disk_write_bytes[i]);
    Set(o, "energyNj", p.energy_nj[i]);
    Set(o, "state", static_cast<int>(p.state[i]));
    Set(o, "kernelThread", p.kernel_thread[i] != 0);
    Set(o, "name", p.name[i]);
    Set(o, "path", p.path[i]);
    Set(o, "user", p.user[i]);
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}
#else
Napi::Value Processes(Env env, const RawProcesses& p) {
  Object o = Object::New(env);
  Set(o, "count", static_cast<double>(p.size()));
  o.Set("pid", Column<Napi::Int32Array>(env, p.pid));
  o.Set("ppid", Column<Napi::Int32Array>(env, p.ppid));
  o.Set("uid", Column<Napi::Int32Array>(env, p.uid));
  o.Set("threads", Column<Napi::Int32Array>(env, p.threads));
  o.Set("startTimeMs", Column<Napi::Float64Array>(env, p.start_time_ms));
  o.Set("cpuTimeNs", Column<Napi::Float64Array>(env, p.cpu_time_ns));
  o.Set("rssBytes", Column<Napi::Float64Array>(env, p.rss_bytes));
  o.Set("virtualBytes", Column<Napi::Float64Array>(env, p.virtual_bytes));
  o.Set("diskReadBytes", Column<Napi::Float64Array>(env, p.disk_read_bytes));
  o.Set("diskWriteBytes", Column<Napi::Float64Array>(env, p.disk_write_bytes));
  o.Set("energyNj", Column<Napi::Float64Array>(env, p.energy_nj));
  o.Set("state", Column<Napi::Uint8Array>(env, p.state));
  o.Set("kernelThread", Column<Napi::Uint8Array>(env, p.kernel_thread));
  o.Set("name", Strings(env, p.name));
  o.Set("path", Strings(env, p.path));
  o.Set("user", Strings(env, p.user));
  return o;
}
#endif

Napi::Value ProcessIo(Env env, const RawProcessIo& io) {
  Object o = Object::New(env);
  Set(o, "readable", static_cast<double>(io.readable));
  Set(o, "denied", static_cast<double>(io.denied));
  return o;
}

Napi::Value GpuEngine(Env env, const RawGpuEngine& e) {
  Object o = Object::New(env);
  Set(o, "name", e.name);
  Set(o, "busyNs", e.busy_ns);
  Set(o, "cycles", e.cycles);
  Set(o, "totalCycles", e.total_cycles);
  Set(o, "capacity", e.capacity);
  Set(o, "percent", e.percent);
  return o;
}

Napi::Value GpuClient(Env env, const RawGpuClient& c) {
  Object o = Object::New(env);
  Set(o, "pid", c.pid);
  Set(o, "driver", c.driver);
  Set(o, "device", c.device);
  Set(o, "clientId", c.client_id);
  o.Set("engines", ArrayOf(env, c.engines, GpuEngine));
  Set(o, "memoryBytes", c.memory_bytes);
  Set(o, "residentBytes", c.resident_bytes);
  return o;
}

Napi::Value ProcessGpu(Env env, const RawProcessGpu& g) {
  Object o = Object::New(env);
  o.Set("clients", ArrayOf(env, g.clients, GpuClient));
  Set(o, "denied", static_cast<double>(g.denied));
  o.Set("unavailable", Strings(env, g.unavailable));
  return o;
}

template <typename T, typename F>
void SetSection(Object out, Section section, const SectionResult<T>& r, F convert) {
  if (!r.requested) return;
  Env env = out.Env();
  Object result = Object::New(env);
  if (r.value) {
    result.Set("ok", true);
    result.Set("value", convert(env, *r.value));
  } else {
    result.Set("ok", false);
    Object error = Object::New(env);
    error.Set("reason", ErrorReasonName(r.error.reason));
    Set(error, "message", r.error.message);
    result.Set("error", error);
  }
  out.Set(SectionName(section), result);
}

}  // namespace

Napi::Object SnapshotToJs(Napi::Env env, const RawSnapshotData& d) {
  Object out = Object::New(env);
  Set(out, "t", d.t_ms);
  Set(out, "mono", d.mono_ns);
  SetSection(out, Section::kHost, d.host, Host);
  SetSection(out, Section::kCpu, d.cpu, Cpu);
  SetSection(out, Section::kMemory, d.memory, Memory);
  SetSection(out, Section::kPower, d.power, Power);
  SetSection(out, Section::kThermal, d.thermal, Thermal);
  SetSection(out, Section::kFans, d.fans, Fans);
  SetSection(out, Section::kGpu, d.gpu, Gpus);
  SetSection(out, Section::kRails, d.rails, Rails);
  SetSection(out, Section::kDisks, d.disks, Disks);
  SetSection(out, Section::kNetwork, d.network, Network);
  SetSection(out, Section::kProcesses, d.processes, Processes);
  SetSection(out, Section::kProcessIo, d.process_io, ProcessIo);
  SetSection(out, Section::kProcessGpu, d.process_gpu, ProcessGpu);
#if defined(__APPLE__)
  // darwin block (H-darwin): DVFS blobs, IOReport counters, registry dictionaries, vm counters.
  AttachDarwinExtras(out, d);
#endif
  return out;
}

}  // namespace darwinmetrics
