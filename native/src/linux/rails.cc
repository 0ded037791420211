// rails section: RAPL energy counters from sys/class/powercap (Documentation/power/powercap/
// powercap.rst): energy_uj wraps at max_energy_range_uj. Since Linux 5.10 (CVE-2020-8694)
// energy_uj is readable by root only, which is reported as a permission error.
#include <algorithm>

#include "readers.h"
#include "text.h"

namespace darwinmetrics {

void ReadRails(const RootFs& fs, SectionResult<RawRails>* out) {
  const std::string dir = fs.Path("sys/class/powercap");
  int err = 0;
  const std::vector<std::string> zones = fs.ListAbs(dir, &err);
  struct Zone {
    std::string id, name, parent;
    double energy_j;
    std::optional<double> wrap_j;
  };
  std::vector<Zone> found;
  int denied = 0, packages = 0;
  for (const std::string& id : zones) {
    // "intel-rapl:0" is a package, "intel-rapl:0:1" a subzone; "intel-rapl-mmio:0" repeats the
    // package through another interface and is skipped so energy is not counted twice.
    if (id.rfind("intel-rapl:", 0) != 0 && id.rfind("amd-rapl:", 0) != 0) continue;
    const std::string base = dir + "/" + id;
    std::string text;
    const int read_err = fs.ReadAbs(base + "/energy_uj", &text);
    if (read_err != 0) {
      if (ReasonForErrno(read_err) == ErrorReason::kPermission) ++denied;
      continue;
    }
    const auto uj = linux_text::ParseDouble(text);
    if (!uj) continue;
    Zone z;
    z.id = id;
    z.name = fs.ReadLineAbs(base + "/name").value_or(id);
    z.energy_j = *uj / 1e6;
    if (auto max = fs.ReadNumberAbs(base + "/max_energy_range_uj")) z.wrap_j = *max / 1e6;
    const size_t first = id.find(':'), second = id.find(':', first + 1);
    if (second != std::string::npos)
      z.parent = id.substr(0, second);
    else
      ++packages;
    found.push_back(std::move(z));
  }
  if (found.empty()) {
    if (denied > 0) {
      return out->Fail(ErrorReason::kPermission,
                       "sys/class/powercap/*/energy_uj: readable by root only on this kernel");
    }
    return out->Fail(ErrorReason::kUnavailable,
                     err != 0 ? "sys/class/powercap: " + ErrnoText(err) : "no RAPL power zones");
  }
  RawRails& rails = out->Ok();
  for (const Zone& z : found) {
    RawRail r;
    r.name = z.name;
    // With several packages, "core" alone is ambiguous: prefix the package zone's name.
    if (!z.parent.empty() && packages > 1) {
      const auto parent =
          std::find_if(found.begin(), found.end(), [&](const Zone& p) { return p.id == z.parent; });
      if (parent != found.end()) r.name = parent->name + "/" + z.name;
    }
    r.energy_j = z.energy_j;
    r.wrap_j = z.wrap_j;
    rails.rails.push_back(std::move(r));
  }
}

}  // namespace darwinmetrics
