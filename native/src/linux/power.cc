// power section: every sys/class/power_supply entry (Documentation/ABI/testing/sysfs-class-power).
// Units: µV, µA, µW, µWh, µAh; temp in tenths of a degree Celsius; time_to_* in seconds.
#include "readers.h"

namespace darwinmetrics {

namespace {

std::string BatteryState(const std::string& status) {
  if (status == "Charging") return "charging";
  if (status == "Discharging") return "discharging";
  if (status == "Full") return "full";
  if (status == "Not charging") return "not-charging";
  return "unknown";
}

std::optional<double> Scaled(const RootFs& fs, const std::string& dir, const char* file,
                             double factor) {
  auto v = fs.ReadNumberAbs(dir + "/" + file);
  if (!v) return std::nullopt;
  return *v * factor;
}

std::optional<std::string> Text(const RootFs& fs, const std::string& dir, const char* file) {
  auto v = fs.ReadLineAbs(dir + "/" + file);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

RawBattery ReadBattery(const RootFs& fs, const std::string& id, const std::string& dir) {
  RawBattery b;
  b.id = id;
  b.percent = Scaled(fs, dir, "capacity", 1);
  b.state = BatteryState(Text(fs, dir, "status").value_or(""));
  const auto empty_s = Scaled(fs, dir, "time_to_empty_now", 1);
  const auto full_s = Scaled(fs, dir, "time_to_full_now", 1);
  if (empty_s && *empty_s > 0) b.minutes_to_empty = *empty_s / 60.0;
  if (full_s && *full_s > 0) b.minutes_to_full = *full_s / 60.0;
  b.cycle_count = Scaled(fs, dir, "cycle_count", 1);
  b.energy_now_wh = Scaled(fs, dir, "energy_now", 1e-6);
  b.energy_full_wh = Scaled(fs, dir, "energy_full", 1e-6);
  b.energy_design_wh = Scaled(fs, dir, "energy_full_design", 1e-6);
  b.charge_now_ah = Scaled(fs, dir, "charge_now", 1e-6);
  b.charge_full_ah = Scaled(fs, dir, "charge_full", 1e-6);
  b.charge_design_ah = Scaled(fs, dir, "charge_full_design", 1e-6);
  b.voltage_v = Scaled(fs, dir, "voltage_now", 1e-6);
  b.voltage_min_design_v = Scaled(fs, dir, "voltage_min_design", 1e-6);
  b.current_a = Scaled(fs, dir, "current_now", 1e-6);
  b.power_w = Scaled(fs, dir, "power_now", 1e-6);
  // The ABI documents current_now/power_now as negative while discharging, but many drivers (ACPI
  // battery among them) report magnitudes; the sign is taken from the status so it always means
  // the same thing.
  if (b.state == "discharging") {
    if (b.current_a && *b.current_a > 0) b.current_a = -*b.current_a;
    if (b.power_w && *b.power_w > 0) b.power_w = -*b.power_w;
  }
  b.temperature_c = Scaled(fs, dir, "temp", 0.1);
  b.manufacturer = Text(fs, dir, "manufacturer");
  b.model = Text(fs, dir, "model_name");
  b.technology = Text(fs, dir, "technology");
  return b;
}

RawAdapter ReadAdapter(const RootFs& fs, const std::string& id, const std::string& type,
                       const std::string& dir) {
  RawAdapter a;
  a.id = id;
  a.kind = type;
  a.online = Scaled(fs, dir, "online", 1).value_or(0) != 0;
  a.name = Text(fs, dir, "model_name");
  a.voltage_v = Scaled(fs, dir, "voltage_now", 1e-6);
  a.current_a = Scaled(fs, dir, "current_now", 1e-6);
  if (auto p = Scaled(fs, dir, "power_now", 1e-6)) {
    a.watts = *p;
  } else if (a.voltage_v && a.current_a) {
    a.watts = *a.voltage_v * *a.current_a;  // P = V·I for the live values
  }
  return a;
}

}  // namespace

void ReadPower(const RootFs& fs, SectionResult<RawPower>* out) {
  const std::string base = fs.Path("sys/class/power_supply");
  int err = 0;
  const std::vector<std::string> names = fs.ListAbs(base, &err);
  if (err != 0 && ReasonForErrno(err) != ErrorReason::kUnavailable) {
    return out->Fail(ReasonForErrno(err), "sys/class/power_supply: " + ErrnoText(err));
  }
  RawPower& p = out->Ok();
  bool ac_online = false, ups_online = false, discharging = false;
  for (const std::string& name : names) {
    const std::string dir = base + "/" + name;
    const std::string type = Text(fs, dir, "type").value_or("");
    if (type.empty()) continue;
    // scope "Device": the battery of a mouse or headset, not a power source of this machine.
    if (Text(fs, dir, "scope").value_or("") == "Device") continue;
    if (type == "Battery") {
      RawBattery b = ReadBattery(fs, name, dir);
      if (b.state == "discharging") discharging = true;
      p.batteries.push_back(std::move(b));
    } else {
      RawAdapter a = ReadAdapter(fs, name, type, dir);
      if (a.online) (type == "UPS" ? ups_online : ac_online) = true;
      p.adapters.push_back(std::move(a));
    }
  }
  if (ac_online)
    p.source = "ac";
  else if (discharging)
    p.source = "battery";
  else if (ups_online)
    p.source = "ups";
  else
    p.source = "unknown";
}

}  // namespace darwinmetrics
