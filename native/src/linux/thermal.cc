// thermal section: sys/class/thermal/thermal_zone* and every hwmon temp*_input.
// Units: millidegrees Celsius in both (Documentation/hwmon/sysfs-interface.rst, thermal zone
// "temp").
#include <algorithm>
#include <map>

#include "hwmon.h"
#include "readers.h"
#include "text.h"

namespace darwinmetrics {

namespace {

void ReadZones(const RootFs& fs, std::vector<RawTempSensor>* out) {
  const std::string base = fs.Path("sys/class/thermal");
  for (const std::string& zone : fs.ListAbs(base)) {
    if (zone.rfind("thermal_zone", 0) != 0) continue;
    const std::string dir = base + "/" + zone;
    const auto milli = fs.ReadNumberAbs(dir + "/temp");
    if (!milli) continue;  // disabled zones fail with EINVAL/ENODATA
    RawTempSensor s;
    s.chip = zone;
    s.sensor = "temp";
    s.id = zone + "/temp";
    s.kind = "thermal-zone";
    s.celsius = *milli / 1000.0;
    s.zone_type = fs.ReadLineAbs(dir + "/type");
    // Trip points: the first "critical" one is the critical temperature, "hot" the maximum.
    for (int i = 0; i < 32; ++i) {
      const std::string trip = dir + "/trip_point_" + std::to_string(i);
      const auto type = fs.ReadLineAbs(trip + "_type");
      if (!type) break;
      const auto temp = fs.ReadNumberAbs(trip + "_temp");
      if (!temp) continue;
      if (*type == "critical" && !s.crit_c) s.crit_c = *temp / 1000.0;
      if (*type == "hot" && !s.max_c) s.max_c = *temp / 1000.0;
    }
    out->push_back(std::move(s));
  }
}

void ReadHwmonTemps(const RootFs& fs, std::vector<RawTempSensor>* out) {
  for (const HwmonChip& chip : ListHwmonChips(fs)) {
    std::map<int, RawTempSensor> sensors;  // by index, so temp2 follows temp1 and precedes temp10
    for (size_t d = 0; d < chip.dirs.size(); ++d) {
      for (const std::string& file : chip.files[d]) {
        std::string_view type, item;
        int index;
        if (!SplitSensorFile(file, &type, &index, &item) || type != "temp" || item != "input")
          continue;
        if (sensors.count(index) != 0) continue;
        const std::string prefix = chip.dirs[d] + "/temp" + std::to_string(index);
        const auto milli = fs.ReadNumberAbs(prefix + "_input");
        if (!milli) continue;  // a sensor that reads EIO/ENODATA now is absent, not zero
        RawTempSensor s;
        s.chip = chip.chip;
        s.sensor = "temp" + std::to_string(index);
        s.id = s.chip + "/" + s.sensor;
        s.kind = "hwmon";
        if (!chip.driver.empty()) s.chip_name = chip.driver;
        s.celsius = *milli / 1000.0;
        auto label = fs.ReadLineAbs(prefix + "_label");
        if (label && !label->empty()) s.label = std::move(*label);
        if (auto max = fs.ReadNumberAbs(prefix + "_max")) s.max_c = *max / 1000.0;
        if (auto crit = fs.ReadNumberAbs(prefix + "_crit")) s.crit_c = *crit / 1000.0;
        sensors.emplace(index, std::move(s));
      }
    }
    for (auto& [index, s] : sensors) out->push_back(std::move(s));
  }
}

}  // namespace

void ReadThermal(const RootFs& fs, SectionResult<RawThermal>* out) {
  std::vector<RawTempSensor> sensors;
  ReadZones(fs, &sensors);
  ReadHwmonTemps(fs, &sensors);
  if (sensors.empty()) {
    return out->Fail(ErrorReason::kUnavailable, "no thermal zone or hwmon temperature sensor");
  }
  out->Ok().sensors = std::move(sensors);
}

}  // namespace darwinmetrics
