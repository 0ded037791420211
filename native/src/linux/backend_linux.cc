// Linux backend: every section read from proc/ and sys/ under an injectable root.
#include "../backend.h"

namespace darwinmetrics {

namespace {

class LinuxBackend : public Backend {
 public:
  explicit LinuxBackend(Options options) : options_(std::move(options)) {}

  void Sample(const SectionSet& sections, RawSnapshotData* out) override {
    Stub(sections, Section::kHost, &out->host);
    Stub(sections, Section::kCpu, &out->cpu);
    Stub(sections, Section::kMemory, &out->memory);
    Stub(sections, Section::kPower, &out->power);
    Stub(sections, Section::kThermal, &out->thermal);
    Stub(sections, Section::kFans, &out->fans);
    Stub(sections, Section::kGpu, &out->gpu);
    Stub(sections, Section::kRails, &out->rails);
    Stub(sections, Section::kDisks, &out->disks);
    Stub(sections, Section::kNetwork, &out->network);
    Stub(sections, Section::kProcesses, &out->processes);
  }

 private:
  template <typename T>
  void Stub(const SectionSet& sections, Section s, SectionResult<T>* r) {
    if (!sections.test(static_cast<int>(s))) return;
    r->requested = true;
    r->Fail(ErrorReason::kUnsupported, std::string(SectionName(s)) + ": not implemented yet");
  }

  Options options_;
};

}  // namespace

std::unique_ptr<Backend> CreateBackend(const Options& options, std::string* /*error*/) {
  return std::make_unique<LinuxBackend>(options);
}

}  // namespace darwinmetrics
