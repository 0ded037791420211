// smcDump(): every SMC key with its type and raw bytes, for `nmetrics sensors --dump` bug reports
// (decoded in src/core/sampler/sensors-dump.ts). Registered by addon.cc on macOS builds.
#ifndef DARWINMETRICS_DARWIN_SMC_DUMP_H_
#define DARWINMETRICS_DARWIN_SMC_DUMP_H_

#include <napi.h>

namespace darwinmetrics {

// Synchronous: opens its own SMC connection, reads the whole key index, closes. Throws a JS Error
// naming the reason when the SMC cannot be opened.
Napi::Value SmcDumpJs(const Napi::CallbackInfo& info);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_SMC_DUMP_H_
