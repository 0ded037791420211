// The Linux section readers. Each reads files under the root (file I/O here, text parsing in the
// *_parse.cc files) and fills one SectionResult; none throws. Readers that keep state across
// samples (caches of static facts, open handles) are classes owned by the backend.
#ifndef DARWINMETRICS_LINUX_READERS_H_
#define DARWINMETRICS_LINUX_READERS_H_

#include <dirent.h>
#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../raw.h"
#include "fs.h"

namespace darwinmetrics {

void ReadHost(const RootFs& fs, SectionResult<RawHost>* out);
void ReadMemory(const RootFs& fs, SectionResult<RawMemory>* out);
void ReadPower(const RootFs& fs, SectionResult<RawPower>* out);
void ReadThermal(const RootFs& fs, SectionResult<RawThermal>* out);
void ReadFans(const RootFs& fs, SectionResult<RawFans>* out);
void ReadRails(const RootFs& fs, SectionResult<RawRails>* out);
void ReadDisks(const RootFs& fs, SectionResult<RawDisks>* out);

// Node-style architecture name of this machine ("x64", "arm64").
std::string NodeArch();

class CpuReader {
 public:
  void Read(const RootFs& fs, SectionResult<RawCpu>* out);

 private:
  void LoadStatic(const RootFs& fs);
  bool loaded_ = false;
  std::string model_;
  std::optional<std::string> vendor_;
  int physical_cores_ = 0;
  bool cpuinfo_has_mhz_ = false;
  std::vector<RawPerfLevel> perf_levels_;
  std::string text_;  // reused read buffer
};

struct NvmlApi;  // gpu.cc: the NVML entry points, when libnvidia-ml.so.1 loads

class GpuReader {
 public:
  GpuReader();
  ~GpuReader();
  void Read(const RootFs& fs, SectionResult<RawGpus>* out);

 private:
  bool nvml_tried_ = false;
  std::unique_ptr<NvmlApi> nvml_;
};

class NetworkReader {
 public:
  void Read(const RootFs& fs, SectionResult<RawNetwork>* out);

 private:
  // Interface kind by name. It is fixed for the life of an interface (ARPHRD type, wireless/ entry,
  // device path) and costs about a dozen syscalls to work out, so it is read once per interface;
  // a name that is missing from one sample is forgotten and read afresh if it comes back.
  std::map<std::string, std::string> kinds_;
};

class ProcessReader {
 public:
  ~ProcessReader();
  void Read(const RootFs& fs, SectionResult<RawProcesses>* out);

 private:
  const std::string& UserName(uid_t uid, const RootFs& fs);
  void LoadUsers(const RootFs& fs);

  // A process is identified by pid and start time (a reused pid has a new start time).
  using ExeKey = std::pair<int32_t, uint64_t>;
  struct ExeEntry {
    std::string comm;
    std::string path;
  };

  DIR* proc_dir_ = nullptr;  // kept open; rewound each sample
  std::map<ExeKey, ExeEntry> exe_cache_;
  std::optional<double> boot_ms_;
  std::map<uid_t, std::string> users_;
  struct timespec passwd_mtime_ = {0, 0};
  bool users_loaded_ = false;
  std::string text_;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_READERS_H_
