#include "cf.h"

#include <vector>

namespace darwinmetrics {

std::optional<std::string> CfStringChecked(CFStringRef s) {
  if (s == nullptr || CFGetTypeID(s) != CFStringGetTypeID()) return std::nullopt;
  if (const char* fast = CFStringGetCStringPtr(s, kCFStringEncodingUTF8)) return std::string(fast);
  const CFIndex len =
      CFStringGetMaximumSizeForEncoding(CFStringGetLength(s), kCFStringEncodingUTF8) + 1;
  if (len <= 0) return std::nullopt;
  std::vector<char> buf(static_cast<size_t>(len), '\0');
  if (!CFStringGetCString(s, buf.data(), len, kCFStringEncodingUTF8)) return std::nullopt;
  return std::string(buf.data());
}

std::string CfString(CFStringRef s) { return CfStringChecked(s).value_or(""); }

std::optional<double> CfNumber(CFTypeRef value) {
  if (value == nullptr) return std::nullopt;
  if (CFGetTypeID(value) == CFBooleanGetTypeID())
    return CFBooleanGetValue(static_cast<CFBooleanRef>(value)) ? 1.0 : 0.0;
  if (CFGetTypeID(value) != CFNumberGetTypeID()) return std::nullopt;
  auto num = static_cast<CFNumberRef>(value);
  if (CFNumberIsFloatType(num)) {
    double d = 0;
    if (CFNumberGetValue(num, kCFNumberDoubleType, &d)) return d;
    return std::nullopt;
  }
  // Registry integers are signed 64-bit (Amperage is negative while discharging).
  int64_t i = 0;
  if (CFNumberGetValue(num, kCFNumberSInt64Type, &i)) return static_cast<double>(i);
  return std::nullopt;
}

std::optional<DarwinValue> CfToValue(CFTypeRef value, int depth) {
  if (value == nullptr) return std::nullopt;
  DarwinValue out;
  const CFTypeID type = CFGetTypeID(value);
  if (type == CFBooleanGetTypeID()) {
    out.kind = DarwinValue::Kind::kBool;
    out.boolean = CFBooleanGetValue(static_cast<CFBooleanRef>(value));
  } else if (type == CFNumberGetTypeID()) {
    const std::optional<double> number = CfNumber(value);
    if (!number) return std::nullopt;  // unreadable, not 0
    out.kind = DarwinValue::Kind::kNumber;
    out.number = *number;
  } else if (type == CFStringGetTypeID()) {
    std::optional<std::string> text = CfStringChecked(static_cast<CFStringRef>(value));
    if (!text) return std::nullopt;
    out.kind = DarwinValue::Kind::kString;
    out.text = std::move(*text);
  } else if (type == CFDataGetTypeID()) {
    out.kind = DarwinValue::Kind::kData;
    auto data = static_cast<CFDataRef>(value);
    const UInt8* p = CFDataGetBytePtr(data);
    if (p != nullptr) out.data.assign(p, p + CFDataGetLength(data));
  } else if (type == CFArrayGetTypeID() && depth > 0) {
    out.kind = DarwinValue::Kind::kArray;
    auto array = static_cast<CFArrayRef>(value);
    for (CFIndex i = 0; i < CFArrayGetCount(array); ++i) {
      std::optional<DarwinValue> item = CfToValue(CFArrayGetValueAtIndex(array, i), depth - 1);
      if (item) out.items.push_back(std::move(*item));
    }
  } else if (type == CFDictionaryGetTypeID() && depth > 0) {
    out.kind = DarwinValue::Kind::kDict;
    auto dict = static_cast<CFDictionaryRef>(value);
    const CFIndex n = CFDictionaryGetCount(dict);
    std::vector<const void*> keys(static_cast<size_t>(n));
    std::vector<const void*> values(static_cast<size_t>(n));
    CFDictionaryGetKeysAndValues(dict, keys.data(), values.data());
    for (CFIndex i = 0; i < n; ++i) {
      auto key = static_cast<CFStringRef>(keys[static_cast<size_t>(i)]);
      if (key == nullptr || CFGetTypeID(key) != CFStringGetTypeID()) continue;
      std::optional<std::string> name = CfStringChecked(key);
      if (!name) continue;
      std::optional<DarwinValue> item = CfToValue(values[static_cast<size_t>(i)], depth - 1);
      if (!item) continue;
      out.keys.push_back(std::move(*name));
      out.items.push_back(std::move(*item));
    }
  } else {
    // Unknown CF types (dates, UUIDs…) and containers past the depth limit are left out, not
    // replaced by an invented value.
    return std::nullopt;
  }
  return out;
}

CFTypeRef CfGet(CFDictionaryRef dict, const char* key) {
  if (dict == nullptr) return nullptr;
  CfRef k(CFStringCreateWithCString(kCFAllocatorDefault, key, kCFStringEncodingUTF8));
  return CFDictionaryGetValue(dict, k.get());
}

std::optional<double> CfGetNumber(CFDictionaryRef dict, const char* key) {
  return CfNumber(CfGet(dict, key));
}

std::optional<std::string> CfGetString(CFDictionaryRef dict, const char* key) {
  CFTypeRef v = CfGet(dict, key);
  if (v == nullptr || CFGetTypeID(v) != CFStringGetTypeID()) return std::nullopt;
  return CfString(static_cast<CFStringRef>(v));
}

}  // namespace darwinmetrics
