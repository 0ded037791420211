// Linux backend: every section read from proc/ and sys/ under an injectable root.
#include <sys/stat.h>

#include "../backend.h"
#include "fs.h"
#include "readers.h"

#include <string>

namespace darwinmetrics {

namespace {

// processIo's result: the table failed, or no process could be read (permission), or counts.
void SetProcessIo(const SectionResult<RawProcesses>& table, const RawProcessIo& io,
                  SectionResult<RawProcessIo>* out) {
  if (!table.value) return out->Fail(table.error.reason, table.error.message);
  if (io.readable == 0 && io.denied > 0) {
    return out->Fail(ErrorReason::kPermission,
                     "proc/<pid>/io: no process readable (" + std::to_string(io.denied) +
                         " denied; needs ptrace read access, e.g. the same user or root)");
  }
  if (io.readable == 0) {
    return out->Fail(ErrorReason::kUnavailable,
                     "proc/<pid>/io: not present (kernel without CONFIG_TASK_IO_ACCOUNTING)");
  }
  out->Ok() = io;
}

class LinuxBackend : public Backend {
 public:
  explicit LinuxBackend(const Options& options) : fs_(options.root) {}

  void Sample(const SectionSet& sections, RawSnapshotData* out) override {
    const auto want = [&](Section s, auto* result) {
      const bool on = sections.test(static_cast<int>(s));
      result->requested = on;
      return on;
    };
    if (want(Section::kHost, &out->host)) ReadHost(fs_, &out->host);
    if (want(Section::kCpu, &out->cpu)) cpu_.Read(fs_, &out->cpu);
    if (want(Section::kMemory, &out->memory)) ReadMemory(fs_, &out->memory);
    if (want(Section::kPower, &out->power)) ReadPower(fs_, &out->power);
    if (want(Section::kThermal, &out->thermal)) ReadThermal(fs_, &out->thermal);
    if (want(Section::kFans, &out->fans)) ReadFans(fs_, &out->fans);
    if (want(Section::kGpu, &out->gpu)) gpu_.Read(fs_, &out->gpu);
    if (want(Section::kRails, &out->rails)) ReadRails(fs_, &out->rails);
    if (want(Section::kDisks, &out->disks)) ReadDisks(fs_, &out->disks);
    if (want(Section::kNetwork, &out->network)) network_.Read(fs_, &out->network);
    // processIo only adds columns to the process table, so it walks the table too.
    const bool want_io = want(Section::kProcessIo, &out->process_io);
    if (want(Section::kProcesses, &out->processes) || want_io) {
      RawProcessIo io;
      processes_.Read(fs_, want_io, &out->processes, &io);
      out->processes.requested = true;
      if (want_io) SetProcessIo(out->processes, io, &out->process_io);
    }
    if (want(Section::kProcessGpu, &out->process_gpu)) {
      ReadGpuClients(fs_, &out->process_gpu);
      if (out->process_gpu.value) gpu_.ReadClients(fs_, &*out->process_gpu.value);
    }
  }

 private:
  RootFs fs_;
  CpuReader cpu_;
  GpuReader gpu_;
  NetworkReader network_;
  ProcessReader processes_;
};

}  // namespace

std::unique_ptr<Backend> CreateBackend(const Options& options, std::string* error) {
  struct stat st;
  if (stat(options.root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *error = "root: \"" + options.root + "\" is not a folder";
    return nullptr;
  }
  return std::make_unique<LinuxBackend>(options);
}

}  // namespace darwinmetrics
