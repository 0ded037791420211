#include "drm_fdinfo_parse.h"

#include <cmath>
#include <optional>

#include "text.h"

namespace darwinmetrics {

namespace {

using linux_text::NextField;
using linux_text::NextLine;
using linux_text::ParseU64;
using linux_text::StartsWith;
using linux_text::Trim;

// "<n> KiB" / "<n> MiB" / "<n>" (bytes) as drm-usage-stats.rst writes memory; nullopt otherwise.
std::optional<double> ParseMemory(std::string_view value) {
  std::string_view number;
  if (!NextField(&value, &number)) return std::nullopt;
  const auto n = ParseU64(number);
  if (!n) return std::nullopt;
  const std::string_view unit = Trim(value);
  double scale = 1;
  if (unit == "KiB") {
    scale = 1024.0;
  } else if (unit == "MiB") {
    scale = 1024.0 * 1024.0;
  } else if (unit == "GiB") {
    scale = 1024.0 * 1024.0 * 1024.0;
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  return static_cast<double>(*n) * scale;
}

// The leading unsigned number of "<n> ns" or "<n>".
std::optional<double> ParseCount(std::string_view value) {
  std::string_view number;
  if (!NextField(&value, &number)) return std::nullopt;
  const auto n = ParseU64(number);
  if (!n) return std::nullopt;
  return static_cast<double>(*n);
}

RawGpuEngine& EngineNamed(RawGpuClient* out, std::string_view name) {
  for (auto& e : out->engines) {
    if (e.name == name) return e;
  }
  RawGpuEngine e;
  e.name = std::string(name);
  e.busy_ns = e.cycles = e.total_cycles = std::nan("");
  out->engines.push_back(std::move(e));
  return out->engines.back();
}

void AddTo(double* sum, double value) { *sum = std::isnan(*sum) ? value : *sum + value; }

}  // namespace

bool ParseDrmFdinfo(std::string_view text, RawGpuClient* out) {
  const double nan = std::nan("");
  *out = RawGpuClient{};
  out->memory_bytes = out->resident_bytes = nan;
  double legacy_memory = nan;
  bool has_driver = false;
  std::string_view line;
  while (NextLine(&text, &line)) {
    if (!StartsWith(line, "drm-")) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(4, colon - 4);
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "driver") {
      out->driver = std::string(value);
      has_driver = !value.empty();
    } else if (key == "pdev") {
      out->device = std::string(value);
    } else if (key == "client-id") {
      out->client_id = std::string(value);
    } else if (StartsWith(key, "engine-capacity-")) {
      if (auto n = ParseCount(value); n && *n > 0) EngineNamed(out, key.substr(16)).capacity = *n;
    } else if (StartsWith(key, "engine-")) {
      if (auto n = ParseCount(value)) EngineNamed(out, key.substr(7)).busy_ns = *n;
    } else if (StartsWith(key, "total-cycles-")) {
      if (auto n = ParseCount(value)) EngineNamed(out, key.substr(13)).total_cycles = *n;
    } else if (StartsWith(key, "cycles-")) {
      if (auto n = ParseCount(value)) EngineNamed(out, key.substr(7)).cycles = *n;
    } else if (StartsWith(key, "total-")) {
      if (auto n = ParseMemory(value)) AddTo(&out->memory_bytes, *n);
    } else if (StartsWith(key, "resident-")) {
      if (auto n = ParseMemory(value)) AddTo(&out->resident_bytes, *n);
    } else if (StartsWith(key, "memory-")) {
      if (auto n = ParseMemory(value)) AddTo(&legacy_memory, *n);
    }
  }
  if (std::isnan(out->memory_bytes)) out->memory_bytes = legacy_memory;
  return has_driver;
}

}  // namespace darwinmetrics
