// Registration table of the darwinmetrics addon: nothing but the exported names.
#include <napi.h>

#include "sampler.h"

#if defined(__APPLE__)
#include "darwin/smc_dump.h"
#endif

namespace darwinmetrics {

// Which backend this build carries, so the loader can say what it loaded.
static Napi::Value BackendInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
#if defined(__APPLE__)
  out.Set("platform", "darwin");
#elif defined(__linux__)
  out.Set("platform", "linux");
#else
  out.Set("platform", "unsupported");
#endif
  out.Set("napiVersion", NAPI_VERSION);
  return out;
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("backendInfo", Napi::Function::New(env, BackendInfo, "backendInfo"));
  exports.Set("Sampler", Sampler::Init(env));
#if defined(__APPLE__)
  exports.Set("smcDump", Napi::Function::New(env, SmcDumpJs, "smcDump"));
#endif
  return exports;
}

NODE_API_MODULE(darwinmetrics, Init)

}  // namespace darwinmetrics
