// memory section: proc/meminfo, and PSI from proc/pressure/memory where the kernel has it.
#include "memory_parse.h"
#include "readers.h"

namespace darwinmetrics {

void ReadMemory(const RootFs& fs, SectionResult<RawMemory>* out) {
  std::string text;
  const int err = fs.Read("proc/meminfo", &text);
  if (err != 0) return out->Fail(ReasonForErrno(err), "proc/meminfo: " + ErrnoText(err));
  const auto info = ParseMeminfo(text);
  const auto get = [&](const char* key) -> std::optional<uint64_t> {
    const auto it = info.find(key);
    if (it == info.end()) return std::nullopt;
    return it->second;
  };
  const auto total = get("MemTotal"), free = get("MemFree");
  if (!total || !free) return out->Fail(ErrorReason::kFailed, "proc/meminfo: no MemTotal/MemFree");
  RawMemory& m = out->Ok();
  m.total_bytes = *total;
  m.free_bytes = *free;
  m.buffers_bytes = get("Buffers");
  m.reclaimable_bytes = get("SReclaimable");
  m.shmem_bytes = get("Shmem");
  const uint64_t cached = get("Cached").value_or(0);
  // Cached + Buffers + SReclaimable, the "buff/cache" column of free(1) (procps sysinfo.c).
  m.cached_bytes = cached + m.buffers_bytes.value_or(0) + m.reclaimable_bytes.value_or(0);
  // MemAvailable exists since Linux 3.14; before it, free(1) used free + buff/cache.
  m.available_bytes = get("MemAvailable").value_or(m.free_bytes + m.cached_bytes);
  if (m.available_bytes > m.total_bytes) m.available_bytes = m.total_bytes;
  m.used_bytes = m.total_bytes - m.available_bytes;
  m.swap_total_bytes = get("SwapTotal").value_or(0);
  const uint64_t swap_free = get("SwapFree").value_or(m.swap_total_bytes);
  m.swap_used_bytes = m.swap_total_bytes > swap_free ? m.swap_total_bytes - swap_free : 0;
  RawPsi psi;
  if (fs.Read("proc/pressure/memory", &text) == 0 && ParsePsi(text, &psi)) m.psi = psi;
}

}  // namespace darwinmetrics
