// The one place raw structs become JS values.
#ifndef DARWINMETRICS_TO_JS_H_
#define DARWINMETRICS_TO_JS_H_

#include <napi.h>

#include "raw.h"

namespace darwinmetrics {

// { t, mono, <section>: { ok, value } | { ok: false, error: { reason, message } } } for every
// requested section.
Napi::Object SnapshotToJs(Napi::Env env, const RawSnapshotData& data);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_TO_JS_H_
