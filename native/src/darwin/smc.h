// The SMC (System Management Controller): one user-client connection opened once, the key index
// read once, then reads of only the keys a sample needs, returned raw ({ key, type, bytes }) for
// decoding in TypeScript (src/shared/darwin/smc-types.ts). Read-only: no fan writes.
#ifndef DARWINMETRICS_DARWIN_SMC_H_
#define DARWINMETRICS_DARWIN_SMC_H_

#include <IOKit/IOKitLib.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "../raw.h"
#include "key_index.h"

namespace darwinmetrics {

struct SmcKeyInfo {
  uint32_t size = 0;
  std::string type;  // the 4-character type code, trailing spaces kept
};

class Smc {
 public:
  Smc() = default;
  ~Smc();
  Smc(const Smc&) = delete;
  Smc& operator=(const Smc&) = delete;

  // Opens AppleSMCKeysEndpoint (Apple Silicon) or AppleSMC; false with *error on failure.
  bool Open(std::string* error);
  bool IsOpen() const { return conn_ != 0; }

  // Every key name read so far, in index order (#KEY, then key-at-index). Empty while #KEY cannot
  // be read; an entry whose read failed is tried again on the next call (key_index.h).
  const std::vector<std::string>& Keys();
  // True once every index entry has been read or given up (Keys() is then final).
  bool KeysComplete() const { return index_.complete(); }
  // Type and size of a key; false when the key does not exist or the call failed. Cached only
  // when the SMC gave an answer (found, or kSMCKeyNotFound); failed calls are retried next time.
  bool Info(const std::string& key, SmcKeyInfo* info);
  // True once Info() has a definite (cached) answer for `key`.
  bool InfoKnown(const std::string& key) const;
  // Reads one key; false when it does not exist or is not readable.
  bool Read(const std::string& key, SmcReading* out);
  // Reads several keys, appending those that exist.
  void ReadAll(const std::vector<std::string>& keys, std::vector<SmcReading>* out);

 private:
  io_connect_t conn_ = 0;
  KeyIndex index_;
  std::map<std::string, SmcKeyInfo> info_;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_SMC_H_
