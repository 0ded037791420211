#include "smc.h"

#include <mach/mach.h>

#include <cstring>

namespace darwinmetrics {

namespace {

// The canonical 80-byte SMCKeyData_t of the AppleSMC user client (MACOS.md "SMC").
struct SmcVersion {
  uint8_t major, minor, build, reserved;
  uint16_t release;
};
struct SmcPLimit {
  uint16_t version, length;
  uint32_t cpu_limit, gpu_limit, mem_limit;
};
struct SmcKeyInfoData {
  uint32_t data_size;
  uint32_t data_type;
  uint8_t data_attributes;
};
struct SmcKeyData {
  uint32_t key;
  SmcVersion vers;
  SmcPLimit p_limit;
  SmcKeyInfoData key_info;
  uint8_t result;
  uint8_t status;
  uint8_t data8;
  uint32_t data32;
  uint8_t bytes[32];
};
static_assert(sizeof(SmcKeyData) == 80, "SMCKeyData_t must be 80 bytes");

constexpr uint32_t kSmcSelector = 2;  // kSMCHandleYPCEvent
constexpr uint8_t kCmdReadBytes = 5;
constexpr uint8_t kCmdReadIndex = 8;
constexpr uint8_t kCmdReadKeyInfo = 9;

uint32_t FourCc(const std::string& s) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(i < s.size() ? s[i] : ' ');
  return v;
}

std::string FromFourCc(uint32_t v) {
  std::string s(4, ' ');
  for (int i = 0; i < 4; ++i)
    s[static_cast<size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
  return s;
}

constexpr uint8_t kSmcKeyNotFound = 0x84;

// True when the call went through and the SMC answered 0 (success). *kr_out, when given, gets the
// IOKit status so callers can tell "the SMC says no such key" from "the call failed".
bool Call(io_connect_t conn, SmcKeyData* in, SmcKeyData* out, kern_return_t* kr_out = nullptr) {
  size_t out_size = sizeof(SmcKeyData);
  std::memset(out, 0, sizeof(SmcKeyData));
  kern_return_t kr =
      IOConnectCallStructMethod(conn, kSmcSelector, in, sizeof(SmcKeyData), out, &out_size);
  if (kr_out) *kr_out = kr;
  return kr == KERN_SUCCESS && out->result == 0;
}

io_service_t FindSmc() {
  // Apple Silicon exposes the key interface on the AppleSMCKeysEndpoint child.
  for (const char* name : {"AppleSMCKeysEndpoint", "AppleSMC"}) {
    io_service_t s = IOServiceGetMatchingService(kIOMainPortDefault, IOServiceMatching(name));
    if (s) return s;
  }
  return 0;
}

}  // namespace

Smc::~Smc() {
  if (conn_) IOServiceClose(conn_);
}

bool Smc::Open(std::string* error) {
  if (conn_) return true;
  io_service_t service = FindSmc();
  if (!service) {
    *error = "SMC: no AppleSMC service in the I/O Registry";
    return false;
  }
  kern_return_t kr = IOServiceOpen(service, mach_task_self(), 0, &conn_);
  IOObjectRelease(service);
  if (kr != KERN_SUCCESS) {
    conn_ = 0;
    *error = "SMC: IOServiceOpen failed (" + std::to_string(kr) + ")";
    return false;
  }
  return true;
}

bool Smc::Info(const std::string& key, SmcKeyInfo* info) {
  auto it = info_.find(key);
  if (it != info_.end()) {
    *info = it->second;
    return info->size > 0;
  }
  SmcKeyData in{};
  SmcKeyData out{};
  in.key = FourCc(key);
  in.data8 = kCmdReadKeyInfo;
  SmcKeyInfo found;
  if (!conn_) return false;
  kern_return_t kr = KERN_FAILURE;
  if (Call(conn_, &in, &out, &kr)) {
    found.size = out.key_info.data_size;
    found.type = FromFourCc(out.key_info.data_type);
  } else if (!(kr == KERN_SUCCESS && out.result == kSmcKeyNotFound)) {
    // A failed call (busy SMC, transient IOKit error) says nothing about the key: ask again later.
    return false;
  }
  // Keys the SMC itself reports as not found are cached too (size 0), so they cost one call only.
  info_[key] = found;
  *info = found;
  return found.size > 0;
}

bool Smc::InfoKnown(const std::string& key) const { return info_.count(key) != 0; }

bool Smc::Read(const std::string& key, SmcReading* reading) {
  SmcKeyInfo info;
  if (!Info(key, &info) || info.size > 32) return false;
  SmcKeyData in{};
  SmcKeyData out{};
  in.key = FourCc(key);
  in.key_info.data_size = info.size;
  in.data8 = kCmdReadBytes;
  if (!Call(conn_, &in, &out)) return false;
  reading->key = key;
  reading->type = info.type;
  reading->bytes.assign(out.bytes, out.bytes + info.size);
  return true;
}

void Smc::ReadAll(const std::vector<std::string>& keys, std::vector<SmcReading>* out) {
  for (const std::string& key : keys) {
    SmcReading r;
    if (Read(key, &r)) out->push_back(std::move(r));
  }
}

const std::vector<std::string>& Smc::Keys() {
  if (index_.complete() || !conn_) return index_.keys();
  if (!index_.sized()) {
    SmcReading count;
    // Nothing is kept until #KEY reads: a transient failure here must not leave the index empty
    // for the life of the process.
    if (!Read("#KEY", &count) || count.bytes.size() != 4) return index_.keys();
    // #KEY is a big-endian ui32 on every SMC (`00 00 09 69` = 2409 keys in the M2 Max report of
    // https://github.com/dkorunic/iSMC, internal/reports; little-endian would be 1.76e9).
    index_.Resize((uint32_t{count.bytes[0]} << 24) | (uint32_t{count.bytes[1]} << 16) |
                  (uint32_t{count.bytes[2]} << 8) | uint32_t{count.bytes[3]});
  }
  index_.Fill([this](uint32_t i, std::string* name) {
    SmcKeyData in{};
    SmcKeyData out{};
    in.data8 = kCmdReadIndex;
    in.data32 = i;
    if (!Call(conn_, &in, &out)) return false;
    *name = FromFourCc(out.key);
    return true;
  });
  return index_.keys();
}

}  // namespace darwinmetrics
