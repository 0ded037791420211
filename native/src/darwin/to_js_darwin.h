// The darwin block of the JS conversion: attaches the DarwinExtras of a snapshot as `darwin`.
#ifndef DARWINMETRICS_DARWIN_TO_JS_DARWIN_H_
#define DARWINMETRICS_DARWIN_TO_JS_DARWIN_H_

#include <napi.h>

#include "../raw.h"

namespace darwinmetrics {

// Sets out.darwin when the backend stored extras in `data` (macOS only).
void AttachDarwinExtras(Napi::Object out, const RawSnapshotData& data);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_TO_JS_DARWIN_H_
