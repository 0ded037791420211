// Linux backend: every section read from proc/ and sys/ under an injectable root.
#include <sys/stat.h>

#include "../backend.h"
#include "fs.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

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
    if (want(Section::kProcesses, &out->processes)) processes_.Read(fs_, &out->processes);
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
