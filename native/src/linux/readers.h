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
#include <unordered_map>
#include <utility>
#include <vector>

#include "../raw.h"
#include "fs.h"
#include "nvml.h"
#include "processes_parse.h"

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

// The gpu section, and the NVIDIA clients of the processGpu section: both come from NVML, loaded
// once by whichever is read first.
class GpuReader {
 public:
  GpuReader();
  ~GpuReader();
  void Read(const RootFs& fs, SectionResult<RawGpus>* out);
  // Appends NVML's per-process clients (nvml.h) to a processGpu section the DRM walk filled.
  void ReadClients(const RootFs& fs, RawProcessGpu* out);

 private:
  NvmlApi* Nvml(const RootFs& fs);  // null off the live root or without the NVIDIA driver

  bool nvml_tried_ = false;
  std::unique_ptr<NvmlApi> nvml_;
  NvmlClientState nvml_clients_;
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

// Opens `rel` under the directory `dfd` for reading, refusing anything but a regular file: a FIFO
// or device under an injected root would block or never end. -1 with errno set on failure.
int OpenRegularAt(const RootFs& fs, int dfd, const char* rel);
// Reads a whole small file from offset 0 into *buf (at most 64 KiB). False on error or when empty.
bool PreadWhole(int fd, std::string* buf);

class ProcessReader {
 public:
  ProcessReader();
  ~ProcessReader();
  ProcessReader(const ProcessReader&) = delete;
  ProcessReader& operator=(const ProcessReader&) = delete;
  // Fills the process table; with want_io also the disk byte columns, counting into *io.
  void Read(const RootFs& fs, bool want_io, SectionResult<RawProcesses>* out, RawProcessIo* io);
  // Descriptors held open between samples (for the leak check and tests).
  size_t open_descriptors() const;

 private:
  // What is kept per live process between samples. A process is identified by pid and start time.
  struct Entry {
    uint64_t start_ticks = 0;
    std::string comm;
    std::string path;
    int32_t uid = -1;
    bool known = false;
    int stat_fd = -1;
    int io_fd = -1;
    uint64_t generation = 0;
  };

  const std::string& UserName(uid_t uid, const RootFs& fs);
  void LoadUsers(const RootFs& fs);
  bool ReadKept(const RootFs& fs, int dfd, const char* pid, const char* file, int* fd);
  void RefreshIdentity(int dfd, const char* pid, const PidStat& st, Entry* e);
  void CloseFiles(Entry* e);

  DIR* proc_dir_ = nullptr;  // kept open; rewound each sample
  std::unordered_map<int32_t, Entry> entries_;
  uint64_t generation_ = 0;
  size_t open_descriptors_ = 0;
  size_t descriptor_budget_;
  std::optional<double> boot_ms_;
  std::map<uid_t, std::string> users_;
  struct timespec passwd_mtime_ = {0, 0};
  bool users_loaded_ = false;
  std::string text_;
};

// processGpu section: DRM clients per process, from proc/<pid>/fd links into dev/dri and their
// proc/<pid>/fdinfo (drm_fdinfo_parse.h). Each client id is counted once per device.
void ReadGpuClients(const RootFs& fs, SectionResult<RawProcessGpu>* out);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_READERS_H_
