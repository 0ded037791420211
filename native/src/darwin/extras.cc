#include "extras.h"

#include <mutex>
#include <utility>

namespace darwinmetrics {

namespace {

// Keyed by the address of the RawSnapshotData that lives in the sample's baton until OnOK, so
// concurrent samplers never mix their extras.
std::mutex g_mutex;
std::map<const RawSnapshotData*, DarwinExtras>& Registry() {
  static auto* registry = new std::map<const RawSnapshotData*, DarwinExtras>();
  return *registry;
}

}  // namespace

void StashDarwinExtras(const RawSnapshotData* key, DarwinExtras extras) {
  std::lock_guard<std::mutex> lock(g_mutex);
  Registry()[key] = std::move(extras);
}

std::optional<DarwinExtras> TakeDarwinExtras(const RawSnapshotData* key) {
  std::lock_guard<std::mutex> lock(g_mutex);
  auto it = Registry().find(key);
  if (it == Registry().end()) return std::nullopt;
  DarwinExtras out = std::move(it->second);
  Registry().erase(it);
  return out;
}

}  // namespace darwinmetrics
