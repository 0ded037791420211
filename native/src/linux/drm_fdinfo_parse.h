// Parser for proc/<pid>/fdinfo/<fd> of a DRM file (GPU usage per client).
#ifndef DARWINMETRICS_LINUX_DRM_FDINFO_PARSE_H_
#define DARWINMETRICS_LINUX_DRM_FDINFO_PARSE_H_

#include <string_view>

#include "../raw.h"

namespace darwinmetrics {

// The "drm-*" keys of Documentation/gpu/drm-usage-stats.rst (Linux 5.19+; amdgpu, i915, xe, msm,
// panfrost, v3d, ...): drm-driver (mandatory), drm-pdev, drm-client-id, drm-engine-<e>: <ns> ns,
// drm-engine-capacity-<e>, drm-cycles-<e> and drm-total-cycles-<e> (xe reports cycles, not ns),
// drm-total-<region> / drm-resident-<region>: <n> [KiB|MiB] (and the older drm-memory-<region>,
// used where drm-total-* is absent). Fills everything but pid. False when the text is not a DRM
// fdinfo (no drm-driver line), so other files' fdinfo are rejected cheaply.
bool ParseDrmFdinfo(std::string_view text, RawGpuClient* out);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_DRM_FDINFO_PARSE_H_
