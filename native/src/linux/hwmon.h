// Enumerates sys/class/hwmon chips with node_exporter-compatible chip names, shared by the thermal
// and fans sections.
#ifndef DARWINMETRICS_LINUX_HWMON_H_
#define DARWINMETRICS_LINUX_HWMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "fs.h"

namespace darwinmetrics {

struct HwmonChip {
  std::string chip;  // stable name: "platform_coretemp_0", "nct6779", "hwmon4"
  // The chip's `name` file as written (its driver: "coretemp", "amdgpu", "nvme"); may be empty.
  std::string driver;
  // Folders holding the sensor files: the hwmon folder and, for the older layout, its device/.
  std::vector<std::string> dirs;
  std::vector<std::vector<std::string>> files;  // names in each of dirs
};

std::vector<HwmonChip> ListHwmonChips(const RootFs& fs);

// Lower-case, every character outside [a-z0-9:_] replaced by '_', leading/trailing '_' removed —
// the label cleaning node_exporter applies (collector/hwmon_linux.go cleanMetricName), so that our
// chip ids match its output.
std::string CleanChipName(std::string_view name);

// "temp12_input" → {"temp", 12, "input"}; false for names that are not <type><n>_<item>.
bool SplitSensorFile(std::string_view file, std::string_view* type, int* index,
                     std::string_view* item);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_HWMON_H_
