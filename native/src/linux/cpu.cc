// cpu section: ticks from proc/stat, load from proc/loadavg, model and counts from proc/cpuinfo and
// sys/devices/system/cpu topology, hybrid P/E cores, per-core frequency from cpufreq.
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "cpu_parse.h"
#include "readers.h"

namespace darwinmetrics {

std::string NodeArch() {
  utsname u{};
  if (uname(&u) != 0) return "unknown";
  const std::string m = u.machine;
  if (m == "x86_64") return "x64";
  if (m == "aarch64" || m == "arm64") return "arm64";
  if (m == "i386" || m == "i686") return "ia32";
  if (m.rfind("armv", 0) == 0) return "arm";
  if (m == "ppc64le") return "ppc64";
  return m;  // riscv64, s390x, loong64 are already Node's names
}

void CpuReader::LoadStatic(const RootFs& fs) {
  loaded_ = true;
  if (fs.Read("proc/cpuinfo", &text_) == 0) {
    const CpuInfo info = ParseCpuinfo(text_);
    model_ = info.model;
    vendor_ = info.vendor;
    physical_cores_ = info.physical_cores;
    cpuinfo_has_mhz_ = !info.mhz.empty();
  }
  // Topology is authoritative where present: distinct (package, core) pairs are physical cores.
  const std::string cpu_dir = fs.Path("sys/devices/system/cpu");
  std::set<std::pair<long, long>> cores;
  for (const std::string& name : fs.ListAbs(cpu_dir)) {
    if (name.size() < 4 || name.compare(0, 3, "cpu") != 0 ||
        !isdigit(static_cast<unsigned char>(name[3])))
      continue;
    const auto core = fs.ReadNumberAbs(cpu_dir + "/" + name + "/topology/core_id");
    const auto pkg = fs.ReadNumberAbs(cpu_dir + "/" + name + "/topology/physical_package_id");
    if (core && pkg) cores.emplace(static_cast<long>(*pkg), static_cast<long>(*core));
  }
  if (!cores.empty()) physical_cores_ = static_cast<int>(cores.size());
  // Intel hybrid parts register two PMUs, cpu_core (P) and cpu_atom (E), each listing its cpus
  // (Documentation/admin-guide/perf/... and arch/x86/events/intel/core.c "cpu_core"/"cpu_atom").
  const struct {
    const char* pmu;
    const char* name;
  } levels[] = {{"sys/devices/cpu_core/cpus", "Performance"},
                {"sys/devices/cpu_atom/cpus", "Efficiency"}};
  for (const auto& level : levels) {
    std::string text;
    if (fs.Read(level.pmu, &text) != 0) continue;
    std::vector<int> cpus = ParseCpuList(text);
    if (cpus.empty()) continue;
    RawPerfLevel p;
    p.name = level.name;
    p.logical_cores = static_cast<int>(cpus.size());
    p.cpus = std::move(cpus);
    perf_levels_.push_back(std::move(p));
  }
}

void CpuReader::Read(const RootFs& fs, SectionResult<RawCpu>* out) {
  const int err = fs.Read("proc/stat", &text_);
  if (err != 0) return out->Fail(ReasonForErrno(err), "proc/stat: " + ErrnoText(err));
  ProcStat stat = ParseProcStat(text_);
  if (!stat.total || stat.cores.empty()) {
    return out->Fail(ErrorReason::kFailed, "proc/stat: no cpu lines could be parsed");
  }
  if (!loaded_) LoadStatic(fs);
  RawCpu& cpu = out->Ok();
  std::sort(stat.cores.begin(), stat.cores.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  cpu.total = *stat.total;
  cpu.cores.reserve(stat.cores.size());
  for (const auto& c : stat.cores) cpu.cores.push_back(c.second);
  cpu.logical_cores = static_cast<int>(cpu.cores.size());
  cpu.physical_cores = physical_cores_ > 0 ? physical_cores_ : cpu.logical_cores;
  cpu.model = model_;
  cpu.vendor = vendor_;
  cpu.arch = NodeArch();
  cpu.perf_levels = perf_levels_;
  cpu.ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  cpu.context_switches = stat.ctxt;
  cpu.interrupts = stat.intr;
  if (fs.Read("proc/loadavg", &text_) == 0) ParseLoadavg(text_, cpu.load_avg);

  // Frequency: cpufreq's scaling_cur_freq (kHz) per cpu, else the "cpu MHz" of proc/cpuinfo.
  std::vector<std::optional<double>> mhz(stat.cores.size());
  bool any = false, missing = false;
  for (size_t i = 0; i < stat.cores.size(); ++i) {
    const std::string path =
        fs.Path("sys/devices/system/cpu/cpu" + std::to_string(stat.cores[i].first) +
                "/cpufreq/scaling_cur_freq");
    const auto khz = fs.ReadNumberAbs(path);
    if (khz && *khz > 0) {
      mhz[i] = *khz / 1000.0;
      any = true;
    } else {
      missing = true;
    }
  }
  if (missing && cpuinfo_has_mhz_ && fs.Read("proc/cpuinfo", &text_) == 0) {
    const CpuInfo info = ParseCpuinfo(text_);
    for (size_t i = 0; i < stat.cores.size(); ++i) {
      if (mhz[i]) continue;
      for (const auto& [id, value] : info.mhz) {
        if (id == stat.cores[i].first) {
          mhz[i] = value;
          any = true;
        }
      }
    }
  }
  if (any) cpu.core_mhz = std::move(mhz);
}

}  // namespace darwinmetrics
