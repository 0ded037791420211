#include "smc_dump.h"

#include <string>

#include "smc.h"

namespace darwinmetrics {

Napi::Value SmcDumpJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Smc smc;
  std::string error;
  if (!smc.Open(&error)) throw Napi::Error::New(env, "smcDump: " + error);
  const std::vector<std::string> keys = smc.Keys();
  Napi::Array out = Napi::Array::New(env);
  uint32_t n = 0;
  for (const std::string& key : keys) {
    SmcReading r;
    Napi::Object o = Napi::Object::New(env);
    o.Set("key", key);
    if (smc.Read(key, &r)) {
      o.Set("type", r.type);
      Napi::Uint8Array bytes = Napi::Uint8Array::New(env, r.bytes.size());
      for (size_t i = 0; i < r.bytes.size(); ++i) bytes[i] = r.bytes[i];
      o.Set("bytes", bytes);
    } else {
      // Listed in the index but not readable (VirtualSMC dumps show "code 85" for these).
      SmcKeyInfo ki;
      o.Set("type", smc.Info(key, &ki) ? ki.type : std::string());
      o.Set("bytes", env.Null());
    }
    out.Set(n++, o);
  }
  return out;
}

}  // namespace darwinmetrics
