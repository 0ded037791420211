#include "utf8.h"

#include <cstdint>

namespace darwinmetrics {

namespace {

// Length of the well-formed sequence starting at text[i], or 0 when ill-formed; *consumed is the
// length of the maximal ill-formed prefix to replace by one U+FFFD (at least 1).
size_t ScanOne(std::string_view text, size_t i, size_t* consumed) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t c = b(i);
  *consumed = 1;
  if (c < 0x80) return 1;
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Table 3-7 of the standard)
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= text.size()) return 0;
    const uint8_t x = b(i + k);
    const bool in_range = k == 1 ? (x >= lo && x <= hi) : (x >= 0x80 && x <= 0xBF);
    if (!in_range) return 0;
    *consumed = k + 1;
  }
  return need;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t consumed;
  for (size_t i = 0; i < text.size();) {
    const size_t n = ScanOne(text, i, &consumed);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  size_t consumed;
  for (size_t i = 0; i < text.size();) {
    const size_t n = ScanOne(text, i, &consumed);
    if (n != 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      i += consumed;
    }
  }
  return out;
}

}  // namespace darwinmetrics
