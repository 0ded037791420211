// macOS backend: dispatches each requested section to its reader (one file per metric) and keeps
// the expensive handles open across samples: the SMC connection and its key index, the IOReport
// subscription, the pmgr DVFS tables. No child process, no root, no fan writes.
#include <mach/mach.h>

#include <memory>
#include <cmath>
#include <string>
#include <utility>

#include "../backend.h"
#include "extras.h"
#include "readers.h"

#if DARWINMETRICS_HAVE_IOKIT
#include "ioreport.h"
#include "smc.h"
#endif

namespace darwinmetrics {

namespace {

constexpr int kMinDarwin = 21;  // macOS 12 Monterey

#if DARWINMETRICS_HAVE_IOKIT
// The types src/shared/darwin/smc-sensors.ts accepts as temperatures.
bool IsTemperatureType(const std::string& type) {
  if (type == "flt " || type == "ioft") return true;
  return type.size() == 4 && (type.rfind("sp", 0) == 0 || type.rfind("fp", 0) == 0);
}
#endif

class DarwinBackend : public Backend {
 public:
  DarwinBackend() : apple_silicon_(IsAppleSilicon()), host_(mach_host_self()) {
    std::string brand;
    if (SysctlString("machdep.cpu.brand_string", &brand)) brand_ = brand;
  }
  // mach_host_self() took a send-right reference; give it back.
  ~DarwinBackend() override {
    if (MACH_PORT_VALID(host_)) mach_port_deallocate(mach_task_self(), host_);
  }
  DarwinBackend(const DarwinBackend&) = delete;
  DarwinBackend& operator=(const DarwinBackend&) = delete;

  void Sample(const SectionSet& sections, RawSnapshotData* out) override {
    DarwinExtras x;
    x.apple_silicon = apple_silicon_;
    x.cpu_brand = brand_;
    auto want = [&](Section s) { return sections.test(static_cast<int>(s)); };
    if (want(Section::kHost)) Run(&out->host, [&](auto* r) { ReadHost(r); });
    if (want(Section::kCpu)) Run(&out->cpu, [&](auto* r) { ReadCpu(r, host_); });
    if (want(Section::kMemory)) Run(&out->memory, [&](auto* r) { ReadMemory(r, &x, host_); });
    if (want(Section::kNetwork)) Run(&out->network, [&](auto* r) { ReadNetwork(r, &x); });
    // proc_pid_rusage already carries the disk bytes, so processIo costs nothing more than the
    // table; it reports how many processes rusage answered for.
    if (want(Section::kProcesses) || want(Section::kProcessIo)) {
      Run(&out->processes, [&](auto* r) { ReadProcesses(r, &x, &user_names_); });
      if (want(Section::kProcessIo)) Run(&out->process_io, [&](auto* r) { CountIo(*out, r); });
    }
    if (want(Section::kDisks)) {
      Run(&out->disks, [&](auto* r) {
        RawDisks& d = r->Ok();
        std::string error;
        if (!ReadMounts(&d, &error)) {
          r->Fail(ErrorReason::kFailed, error);
          return;
        }
#if DARWINMETRICS_HAVE_IOKIT
        ReadBlockStorage(&d);
#endif
      });
    }
#if DARWINMETRICS_HAVE_IOKIT
    SampleIoKit(sections, out, &x);
#else
    for (Section s : {Section::kPower, Section::kThermal, Section::kFans, Section::kGpu,
                      Section::kRails, Section::kProcessGpu}) {
      if (want(s)) FailUnsupported(s, out);
    }
#endif
    StashDarwinExtras(out, std::move(x));
  }

 private:
  // processIo on macOS: proc_pid_rusage gave the disk bytes of every process it answered for.
  static void CountIo(const RawSnapshotData& d, SectionResult<RawProcessIo>* r) {
    if (!d.processes.value) return r->Fail(d.processes.error.reason, d.processes.error.message);
    RawProcessIo io;
    for (double bytes : d.processes.value->disk_read_bytes) ++(std::isnan(bytes) ? io.denied : io.readable);
    if (io.readable == 0) {
      return r->Fail(ErrorReason::kPermission, "proc_pid_rusage: no process answered");
    }
    r->Ok() = io;
  }

  template <typename T, typename F>
  static void Run(SectionResult<T>* r, F read) {
    r->requested = true;
    read(r);
  }

#if DARWINMETRICS_HAVE_IOKIT
  // Wi-Fi names, read again only when the set of interfaces changed (a dongle came or went).
  void AddWifiNames(const RawSnapshotData& out, DarwinExtras* x) {
    if (!out.network.value) return;
    std::vector<std::string> names;
    for (const RawInterface& itf : out.network.value->interfaces) names.push_back(itf.name);
    if (!wifi_read_ || names != interface_names_) {
      wifi_names_ = ReadWifiInterfaceNames();
      interface_names_ = std::move(names);
      wifi_read_ = true;
    }
    x->wifi_interfaces = wifi_names_;
  }

  void SampleIoKit(const SectionSet& sections, RawSnapshotData* out, DarwinExtras* x) {
    auto want = [&](Section s) { return sections.test(static_cast<int>(s)); };
    if (want(Section::kNetwork)) AddWifiNames(*out, x);
    if (want(Section::kPower)) Run(&out->power, [&](auto* r) { ReadPower(r, x); });
    if (want(Section::kGpu)) Run(&out->gpu, [&](auto* r) { ReadGpus(r); });
    // The clients themselves are decoded in TypeScript (normalizeDarwin) from x->gpu_clients.
    if (want(Section::kProcessGpu)) {
      Run(&out->process_gpu, [&](auto* r) {
        std::string error;
        if (ReadGpuClients(x, &error)) {
          r->Ok();
        } else {
          r->Fail(ErrorReason::kFailed, error);
        }
      });
    }

    // IOReport once per sample, for whichever of cpu, gpu and rails asked (Apple Silicon only).
    const bool need_ioreport =
        apple_silicon_ && (want(Section::kCpu) || want(Section::kGpu) || want(Section::kRails));
    std::vector<IoReportEnergyChannel> energy;
    if (need_ioreport) {
      std::vector<IoReportStateChannel> cpu, gpu;
      std::string error;
      double mono_ns = 0;
      if (ioreport_.Sample(&cpu, &gpu, &energy, &mono_ns, &error)) {
        if (want(Section::kCpu)) x->cpu_residency = std::move(cpu);
        if (want(Section::kGpu)) x->gpu_residency = std::move(gpu);
        if (want(Section::kRails)) {
          x->energy = energy;
          x->ioreport_mono_ns = mono_ns;
        }
      } else {
        x->unavailable["ioreport"] = error;
      }
      if ((want(Section::kCpu) || want(Section::kGpu)) && LoadPmgr(x)) x->pmgr = pmgr_;
    }

    const bool need_smc = want(Section::kThermal) || want(Section::kFans) || want(Section::kRails);
    std::string smc_error;
    const bool smc_ok = need_smc && smc_.Open(&smc_error);
    if (want(Section::kThermal)) {
      out->thermal.requested = true;
      if (!smc_ok) {
        out->thermal.Fail(ErrorReason::kUnavailable, "thermal: " + smc_error);
      } else {
        const std::vector<std::string>& keys = TemperatureKeys();
        if (keys.empty()) {
          out->thermal.Fail(ErrorReason::kUnavailable,
                            smc_.Keys().empty()
                                ? "thermal: the SMC key index (#KEY) could not be read"
                                : "thermal: none of the " + std::to_string(smc_.Keys().size()) +
                                      " SMC keys is a temperature key of a known type");
        } else {
          smc_.ReadAll(keys, &out->thermal.Ok().smc);
        }
      }
    }
    if (want(Section::kFans)) {
      out->fans.requested = true;
      if (!smc_ok) {
        out->fans.Fail(ErrorReason::kUnavailable, "fans: " + smc_error);
      } else {
        RawFans& fans = out->fans.Ok();
        SmcReading count;
        if (smc_.Read("FNum", &count)) {
          fans.smc.push_back(count);
          const int n = count.bytes.empty() ? 0 : count.bytes[0];
          smc_.ReadAll(FanKeys(n), &fans.smc);
        }
      }
    }
    if (want(Section::kRails)) {
      out->rails.requested = true;
      RawRails& rails = out->rails.Ok();
      if (smc_ok) smc_.ReadAll({"PSTR", "PPBR", "PDTR"}, &rails.smc);
      if (rails.smc.empty() && energy.empty()) {
        out->rails.Fail(
            ErrorReason::kUnavailable,
            "rails: no SMC power keys and no IOReport Energy Model channels on this Mac");
      }
    }
  }

  bool LoadPmgr(DarwinExtras* x) {
    if (!pmgr_tried_) {
      pmgr_tried_ = true;
      std::string error;
      if (!ReadPmgrTables(&pmgr_, &error)) pmgr_error_ = error;
    }
    if (!pmgr_error_.empty()) x->unavailable["pmgr"] = pmgr_error_;
    return pmgr_error_.empty();
  }

  // Temperature keys: T-keys of a float or fixed-point type, chosen from the key index. Settled
  // once the whole index is read and every T-key's type is known; until then (a transient SMC
  // failure) it is chosen again on the next sample, which costs only the lookups that failed.
  const std::vector<std::string>& TemperatureKeys() {
    if (!temp_keys_loaded_) {
      temp_keys_.clear();
      const std::vector<std::string>& all = smc_.Keys();
      bool settled = !all.empty() && smc_.KeysComplete();
      for (const std::string& key : all) {
        if (key.empty() || key[0] != 'T') continue;
        SmcKeyInfo info;
        if (smc_.Info(key, &info) && IsTemperatureType(info.type)) temp_keys_.push_back(key);
        if (!smc_.InfoKnown(key)) settled = false;
      }
      temp_keys_loaded_ = settled;
    }
    return temp_keys_;
  }

  // F{n}Ac/Mn/Mx/Tg/Md/md/ID, the list of src/shared/darwin/smc-fans.ts fanKeys().
  static std::vector<std::string> FanKeys(int count) {
    std::vector<std::string> keys;
    for (int i = 0; i < count && i < 10; ++i) {
      for (const char* suffix : {"Ac", "Mn", "Mx", "Tg", "Md", "md", "ID"}) {
        keys.push_back("F" + std::to_string(i) + suffix);
      }
    }
    return keys;
  }

  Smc smc_;
  IoReport ioreport_;
  bool wifi_read_ = false;
  std::vector<std::string> interface_names_;
  std::vector<std::string> wifi_names_;
  bool temp_keys_loaded_ = false;
  std::vector<std::string> temp_keys_;
  bool pmgr_tried_ = false;
  std::string pmgr_error_;
  std::map<std::string, std::vector<uint8_t>> pmgr_;
#else
  static void FailUnsupported(Section s, RawSnapshotData* out) {
    const std::string message =
        std::string(SectionName(s)) + ": this build has no IOKit (compiled without a macOS SDK)";
    switch (s) {
      case Section::kPower:
        Run(&out->power, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      case Section::kThermal:
        Run(&out->thermal, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      case Section::kFans:
        Run(&out->fans, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      case Section::kGpu:
        Run(&out->gpu, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      case Section::kRails:
        Run(&out->rails, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      case Section::kProcessGpu:
        Run(&out->process_gpu, [&](auto* r) { r->Fail(ErrorReason::kUnsupported, message); });
        break;
      default:
        break;
    }
  }
#endif

  bool apple_silicon_;
  host_t host_;  // one send right for the backend's life (cpu, memory)
  UserNameCache user_names_;
  std::optional<std::string> brand_;
};

}  // namespace

std::unique_ptr<Backend> CreateBackend(const Options& /*options*/, std::string* error) {
  const int major = DarwinMajor();
  if (major < kMinDarwin) {
    *error = "darwinmetrics needs macOS 12 (Darwin 21) or later; this Mac runs Darwin " +
             (major > 0 ? std::to_string(major) : std::string("of unknown version")) +
             ", whose system interfaces it would misread";
    return nullptr;
  }
  return std::make_unique<DarwinBackend>();
}

}  // namespace darwinmetrics
