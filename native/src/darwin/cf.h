// CoreFoundation helpers: copy CF values out into plain C++ (no CF object leaves the reader).
#ifndef DARWINMETRICS_DARWIN_CF_H_
#define DARWINMETRICS_DARWIN_CF_H_

#include <CoreFoundation/CoreFoundation.h>
#include <IOKit/IOKitLib.h>

#include <optional>
#include <string>

#include "extras.h"

namespace darwinmetrics {

// Releases a CF object at scope exit.
class CfRef {
 public:
  explicit CfRef(CFTypeRef ref = nullptr) : ref_(ref) {}
  ~CfRef() {
    if (ref_) CFRelease(ref_);
  }
  CfRef(const CfRef&) = delete;
  CfRef& operator=(const CfRef&) = delete;
  CFTypeRef get() const { return ref_; }
  explicit operator bool() const { return ref_ != nullptr; }

 private:
  CFTypeRef ref_;
};

// Releases an IOKit object at scope exit.
class IoRef {
 public:
  explicit IoRef(io_object_t obj = 0) : obj_(obj) {}
  ~IoRef() {
    if (obj_) IOObjectRelease(obj_);
  }
  IoRef(const IoRef&) = delete;
  IoRef& operator=(const IoRef&) = delete;
  io_object_t get() const { return obj_; }

 private:
  io_object_t obj_;
};

// The UTF-8 text of a CFString; nullopt when it is not a string or cannot be converted.
std::optional<std::string> CfStringChecked(CFStringRef s);
// CfStringChecked, or "" (for names and labels where empty means unknown).
std::string CfString(CFStringRef s);
std::optional<double> CfNumber(CFTypeRef value);
// A property-list value with nested containers down to `depth` levels. nullopt for values that
// cannot be copied faithfully (unknown CF types, containers past the depth limit, unreadable
// numbers or strings); inside containers such keys and items are dropped, never invented.
std::optional<DarwinValue> CfToValue(CFTypeRef value, int depth = 3);
// Dictionary lookup by C string key.
CFTypeRef CfGet(CFDictionaryRef dict, const char* key);
std::optional<double> CfGetNumber(CFDictionaryRef dict, const char* key);
std::optional<std::string> CfGetString(CFDictionaryRef dict, const char* key);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_CF_H_
