// fans section: hwmon fan<N>_input/_min/_max/_target/_label (RPM), and pwm<N>_enable as the mode
// (Documentation/hwmon/sysfs-interface.rst: 0 full speed, 1 manual, 2+ automatic).
#include <map>

#include "hwmon.h"
#include "readers.h"

namespace darwinmetrics {

void ReadFans(const RootFs& fs, SectionResult<RawFans>* out) {
  std::vector<RawFan> fans;
  for (const HwmonChip& chip : ListHwmonChips(fs)) {
    std::map<int, RawFan> by_index;
    for (size_t d = 0; d < chip.dirs.size(); ++d) {
      for (const std::string& file : chip.files[d]) {
        std::string_view type, item;
        int index;
        if (!SplitSensorFile(file, &type, &index, &item) || type != "fan" || item != "input")
          continue;
        if (by_index.count(index) != 0) continue;
        const std::string prefix = chip.dirs[d] + "/fan" + std::to_string(index);
        const auto rpm = fs.ReadNumberAbs(prefix + "_input");
        if (!rpm) continue;
        RawFan f;
        f.chip = chip.chip;
        f.sensor = "fan" + std::to_string(index);
        f.id = f.chip + "/" + f.sensor;
        f.rpm = *rpm;
        auto label = fs.ReadLineAbs(prefix + "_label");
        if (label && !label->empty()) f.label = std::move(*label);
        f.min_rpm = fs.ReadNumberAbs(prefix + "_min");
        f.max_rpm = fs.ReadNumberAbs(prefix + "_max");
        f.target_rpm = fs.ReadNumberAbs(prefix + "_target");
        f.mode = fs.ReadLineAbs(chip.dirs[d] + "/pwm" + std::to_string(index) + "_enable");
        by_index.emplace(index, std::move(f));
      }
    }
    for (auto& [index, f] : by_index) fans.push_back(std::move(f));
  }
  if (fans.empty()) return out->Fail(ErrorReason::kUnavailable, "no hwmon fan sensor");
  out->Ok().fans = std::move(fans);
}

}  // namespace darwinmetrics
