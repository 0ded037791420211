// Names shared by every backend: sections and error reasons, spelled as in src/shared.
#include "raw.h"

#include "backend.h"

namespace darwinmetrics {

static const char* const kSectionNames[kSectionCount] = {
    "host", "cpu",   "memory", "power",   "thermal",   "fans",
    "gpu",  "rails", "disks",  "network", "processes", "processIo", "processGpu",
};

const char* SectionName(Section section) { return kSectionNames[static_cast<int>(section)]; }

bool SectionFromName(std::string_view name, Section* out) {
  for (int i = 0; i < kSectionCount; ++i) {
    if (name == kSectionNames[i]) {
      *out = static_cast<Section>(i);
      return true;
    }
  }
  return false;
}

const char* ErrorReasonName(ErrorReason reason) {
  switch (reason) {
    case ErrorReason::kUnsupported:
      return "unsupported";
    case ErrorReason::kPermission:
      return "permission";
    case ErrorReason::kUnavailable:
      return "unavailable";
    case ErrorReason::kFailed:
      break;
  }
  return "failed";
}

void RawProcesses::reserve(size_t n) {
  pid.reserve(n), ppid.reserve(n), uid.reserve(n), threads.reserve(n);
  start_time_ms.reserve(n), cpu_time_ns.reserve(n), rss_bytes.reserve(n), virtual_bytes.reserve(n);
  disk_read_bytes.reserve(n), disk_write_bytes.reserve(n), energy_nj.reserve(n);
  state.reserve(n), kernel_thread.reserve(n);
  name.reserve(n), path.reserve(n), user.reserve(n);
}

Backend::~Backend() = default;

}  // namespace darwinmetrics
