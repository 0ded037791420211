// UTF-8 validation for text read from the system (battery model names, process names...).
#ifndef DARWINMETRICS_UTF8_H_
#define DARWINMETRICS_UTF8_H_

#include <string>
#include <string_view>

namespace darwinmetrics {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values > U+10FFFF).
bool IsValidUtf8(std::string_view text);

// `text` with every maximal ill-formed subsequence replaced by U+FFFD, as the Unicode standard's
// "substitution of maximal subparts" (Unicode 15, §3.9, U+FFFD substitution) and WHATWG decode do.
std::string SanitizeUtf8(std::string_view text);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_UTF8_H_
