// Chip naming follows node_exporter (collector/hwmon_linux.go) so that ids can be compared with its
// output: the device folder "<bus>/<device>" when the device link resolves, else the name file,
// else the hwmon folder name. Several hwmon folders on one device (Wi-Fi PHYs, asus-wmi) get their
// name appended, which is how node_exporter keeps them apart.
#include "hwmon.h"

#include <limits.h>
#include <stdlib.h>

#include <map>

#include "text.h"

namespace darwinmetrics {

std::string CleanChipName(std::string_view name) {
  name = linux_text::Trim(name);
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_';
    out.push_back(ok ? c : '_');
  }
  const size_t first = out.find_first_not_of('_');
  if (first == std::string::npos) return std::string();
  return out.substr(first, out.find_last_not_of('_') - first + 1);
}

bool SplitSensorFile(std::string_view file, std::string_view* type, int* index,
                     std::string_view* item) {
  size_t i = 0;
  while (i < file.size() && !(file[i] >= '0' && file[i] <= '9')) ++i;
  if (i == 0 || i == file.size()) return false;
  size_t j = i;
  int n = 0;
  while (j < file.size() && file[j] >= '0' && file[j] <= '9') {
    if (n > 100000) return false;
    n = n * 10 + (file[j] - '0');
    ++j;
  }
  if (j == file.size() || file[j] != '_' || j + 1 == file.size()) return false;
  *type = file.substr(0, i);
  *index = n;
  *item = file.substr(j + 1);
  return true;
}

namespace {

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf) == nullptr) return std::string();
  return buf;
}

std::string BaseName(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string DirName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

}  // namespace

std::vector<HwmonChip> ListHwmonChips(const RootFs& fs) {
  const std::string base = fs.Path("sys/class/hwmon");
  struct Entry {
    HwmonChip chip;
    std::string device, name;
  };
  std::vector<Entry> entries;
  std::map<std::string, int> per_device;
  for (const std::string& entry : fs.ListAbs(base)) {
    const std::string dir = base + "/" + entry;
    if (!fs.IsDirAbs(dir)) continue;
    Entry e;
    e.device = RealPath(dir + "/device");
    e.chip.driver = std::string(linux_text::Trim(fs.ReadLineAbs(dir + "/name").value_or("")));
    e.name = CleanChipName(e.chip.driver);
    if (!e.device.empty()) {
      const std::string dev = CleanChipName(BaseName(e.device));
      const std::string type = CleanChipName(BaseName(DirName(e.device)));
      e.chip.chip = !type.empty() && !dev.empty() ? type + "_" + dev : dev;
      ++per_device[e.device];
    }
    if (e.chip.chip.empty()) e.chip.chip = e.name;
    if (e.chip.chip.empty()) e.chip.chip = CleanChipName(BaseName(RealPath(dir)));
    if (e.chip.chip.empty()) e.chip.chip = CleanChipName(entry);
    e.chip.dirs.push_back(dir);
    if (fs.IsDirAbs(dir + "/device")) e.chip.dirs.push_back(dir + "/device");
    for (const std::string& d : e.chip.dirs) e.chip.files.push_back(fs.ListAbs(d));
    entries.push_back(std::move(e));
  }
  std::vector<HwmonChip> out;
  out.reserve(entries.size());
  for (Entry& e : entries) {
    if (!e.device.empty() && per_device[e.device] > 1 && !e.name.empty())
      e.chip.chip += "_" + e.name;
    out.push_back(std::move(e.chip));
  }
  return out;
}

}  // namespace darwinmetrics
