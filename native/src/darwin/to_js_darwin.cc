// DarwinExtras → JS, field names as in src/core/darwin/native-types.ts.
#include "to_js_darwin.h"

#include "../utf8.h"
#include "extras.h"

namespace darwinmetrics {

namespace {

using Napi::Env;
using Napi::Object;

Napi::Value Bytes(Env env, const std::vector<uint8_t>& bytes) {
  Napi::Uint8Array out = Napi::Uint8Array::New(env, bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) out[i] = bytes[i];
  return out;
}

Napi::String Str(Env env, const std::string& s) { return Napi::String::New(env, SanitizeUtf8(s)); }

Napi::Value Value(Env env, const DarwinValue& v) {
  switch (v.kind) {
    case DarwinValue::Kind::kBool:
      return Napi::Boolean::New(env, v.boolean);
    case DarwinValue::Kind::kNumber:
      return Napi::Number::New(env, v.number);
    case DarwinValue::Kind::kString:
      return Str(env, v.text);
    case DarwinValue::Kind::kData:
      return Bytes(env, v.data);
    case DarwinValue::Kind::kArray: {
      Napi::Array a = Napi::Array::New(env, v.items.size());
      for (size_t i = 0; i < v.items.size(); ++i)
        a.Set(static_cast<uint32_t>(i), Value(env, v.items[i]));
      return a;
    }
    case DarwinValue::Kind::kDict: {
      Object o = Object::New(env);
      for (size_t i = 0; i < v.keys.size() && i < v.items.size(); ++i)
        o.Set(Str(env, v.keys[i]), Value(env, v.items[i]));
      return o;
    }
  }
  return env.Undefined();
}

Napi::Value States(Env env, const std::vector<IoReportStateChannel>& channels) {
  Napi::Array out = Napi::Array::New(env, channels.size());
  for (size_t i = 0; i < channels.size(); ++i) {
    const IoReportStateChannel& c = channels[i];
    Object o = Object::New(env);
    o.Set("group", Str(env, c.group));
    o.Set("subgroup", Str(env, c.subgroup));
    o.Set("channel", Str(env, c.channel));
    Napi::Array states = Napi::Array::New(env, c.state_names.size());
    for (size_t k = 0; k < c.state_names.size() && k < c.state_ticks.size(); ++k) {
      Object s = Object::New(env);
      s.Set("name", Str(env, c.state_names[k]));
      s.Set("ticks", Napi::Number::New(env, static_cast<double>(c.state_ticks[k])));
      states.Set(static_cast<uint32_t>(k), s);
    }
    o.Set("states", states);
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}

Object Extras(Env env, const DarwinExtras& x) {
  Object o = Object::New(env);
  o.Set("appleSilicon", Napi::Boolean::New(env, x.apple_silicon));
  if (x.cpu_brand) o.Set("cpuBrand", Str(env, *x.cpu_brand));
  if (x.vm) {
    const VmCounters& c = *x.vm;
    Object vm = Object::New(env);
    auto set = [&](const char* k, uint64_t v) {
      vm.Set(k, Napi::Number::New(env, static_cast<double>(v)));
    };
    set("pageSize", c.page_size);
    set("free", c.free);
    set("active", c.active);
    set("inactive", c.inactive);
    set("speculative", c.speculative);
    set("throttled", c.throttled);
    set("wired", c.wired);
    set("purgeable", c.purgeable);
    set("external", c.external);
    set("internal", c.internal);
    set("compressor", c.compressor);
    o.Set("vm", vm);
  }
  if (x.memory_pressure_level)
    o.Set("memoryPressureLevel", Napi::Number::New(env, *x.memory_pressure_level));
  if (x.pmgr) {
    Object pmgr = Object::New(env);
    for (const auto& [name, bytes] : *x.pmgr) pmgr.Set(name, Bytes(env, bytes));
    o.Set("pmgr", pmgr);
  }
  if (x.cpu_residency) o.Set("cpuResidency", States(env, *x.cpu_residency));
  if (x.gpu_residency) o.Set("gpuResidency", States(env, *x.gpu_residency));
  if (x.energy) {
    Napi::Array a = Napi::Array::New(env, x.energy->size());
    for (size_t i = 0; i < x.energy->size(); ++i) {
      const IoReportEnergyChannel& e = (*x.energy)[i];
      Object c = Object::New(env);
      c.Set("group", Str(env, e.group));
      c.Set("subgroup", Str(env, e.subgroup));
      c.Set("channel", Str(env, e.channel));
      c.Set("unit", Str(env, e.unit));
      c.Set("value", Napi::Number::New(env, static_cast<double>(e.value)));
      a.Set(static_cast<uint32_t>(i), c);
    }
    o.Set("energy", a);
  }
  if (x.ioreport_mono_ns) o.Set("ioreportMonoNs", Napi::Number::New(env, *x.ioreport_mono_ns));
  if (x.batteries) {
    Napi::Array a = Napi::Array::New(env, x.batteries->size());
    for (size_t i = 0; i < x.batteries->size(); ++i) {
      const BatterySource& b = (*x.batteries)[i];
      Object s = Object::New(env);
      s.Set("ips", Value(env, b.ips));
      if (b.registry) s.Set("registry", Value(env, *b.registry));
      a.Set(static_cast<uint32_t>(i), s);
    }
    o.Set("batteries", a);
  }
  if (x.mach_timebase) {
    const MachTimebase& tb = *x.mach_timebase;
    Object t = Object::New(env);
    t.Set("numer", Napi::Number::New(env, tb.numer));
    t.Set("denom", Napi::Number::New(env, tb.denom));
    if (tb.tb_frequency_hz) t.Set("tbFrequencyHz", Napi::Number::New(env, *tb.tb_frequency_hz));
    t.Set("translated", Napi::Boolean::New(env, tb.translated));
    o.Set("machTimebase", t);
  }
  if (x.process_running_threads) {
    const std::vector<int32_t>& v = *x.process_running_threads;
    Napi::Int32Array a = Napi::Int32Array::New(env, v.size());
    for (size_t i = 0; i < v.size(); ++i) a[i] = v[i];
    o.Set("processRunningThreads", a);
  }
  if (!x.interface_facts.empty()) {
    Napi::Array a = Napi::Array::New(env, x.interface_facts.size());
    for (size_t i = 0; i < x.interface_facts.size(); ++i) {
      const InterfaceFacts& f = x.interface_facts[i];
      Object o2 = Object::New(env);
      o2.Set("name", Str(env, f.name));
      o2.Set("ifType", Napi::Number::New(env, f.if_type));
      o2.Set("loopback", Napi::Boolean::New(env, f.loopback));
      a.Set(static_cast<uint32_t>(i), o2);
    }
    o.Set("interfaces", a);
  }
  if (x.wifi_interfaces) {
    Napi::Array a = Napi::Array::New(env, x.wifi_interfaces->size());
    for (size_t i = 0; i < x.wifi_interfaces->size(); ++i)
      a.Set(static_cast<uint32_t>(i), Str(env, (*x.wifi_interfaces)[i]));
    o.Set("wifiInterfaces", a);
  }
  if (x.providing_source) o.Set("providingSource", Str(env, *x.providing_source));
  if (x.adapter) o.Set("adapter", Value(env, *x.adapter));
  if (x.thermal_pressure_state)
    o.Set("thermalPressureState", Napi::Number::New(env, *x.thermal_pressure_state));
  if (x.gpu_clients) {
    Napi::Array a = Napi::Array::New(env, x.gpu_clients->size());
    for (size_t i = 0; i < x.gpu_clients->size(); ++i)
      a.Set(static_cast<uint32_t>(i), Value(env, (*x.gpu_clients)[i]));
    o.Set("gpuClients", a);
  }
  if (!x.unavailable.empty()) {
    Object u = Object::New(env);
    for (const auto& [part, why] : x.unavailable) u.Set(part, Str(env, why));
    o.Set("unavailable", u);
  }
  return o;
}

}  // namespace

void AttachDarwinExtras(Napi::Object out, const RawSnapshotData& data) {
  if (const DarwinExtras* extras = GetDarwinExtras(data))
    out.Set("darwin", Extras(out.Env(), *extras));
}

}  // namespace darwinmetrics
