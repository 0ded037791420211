#include "extras.h"

#include <memory>
#include <utility>

namespace darwinmetrics {

// The extras ride in the snapshot itself (platform_extras), so whatever happens to the snapshot
// (converted, rejected, cancelled, dropped at teardown) frees them too; no global registry.
void StashDarwinExtras(RawSnapshotData* out, DarwinExtras extras) {
  out->platform_extras = std::make_shared<const DarwinExtras>(std::move(extras));
}

const DarwinExtras* GetDarwinExtras(const RawSnapshotData& data) {
  // Only the macOS backend sets platform_extras, and always to a DarwinExtras.
  return static_cast<const DarwinExtras*>(data.platform_extras.get());
}

}  // namespace darwinmetrics
