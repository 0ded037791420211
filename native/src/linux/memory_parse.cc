#include "memory_parse.h"

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

std::map<std::string, uint64_t> ParseMeminfo(std::string_view text) {
  std::map<std::string, uint64_t> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string_view rest = line.substr(colon + 1), number, unit;
    if (!NextField(&rest, &number)) continue;
    const auto v = ParseU64(number);
    if (!v) continue;
    uint64_t value = *v;
    if (NextField(&rest, &unit) && unit == "kB") {
      if (value > (UINT64_MAX >> 10)) continue;
      value <<= 10;
    }
    out.emplace(std::string(line.substr(0, colon)), value);
  }
  return out;
}

namespace {

bool ParsePsiLine(std::string_view rest, RawPsiLine* out) {
  bool seen[4] = {false, false, false, false};
  std::string_view field;
  while (NextField(&rest, &field)) {
    const size_t eq = field.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view key = field.substr(0, eq), value = field.substr(eq + 1);
    if (key == "total") {
      const auto v = ParseU64(value);
      if (!v) return false;
      out->total_us = *v;
      seen[3] = true;
      continue;
    }
    const auto v = ParseDouble(value);
    if (!v) return false;
    if (key == "avg10")
      out->avg10 = *v, seen[0] = true;
    else if (key == "avg60")
      out->avg60 = *v, seen[1] = true;
    else if (key == "avg300")
      out->avg300 = *v, seen[2] = true;
  }
  return seen[0] && seen[1] && seen[2] && seen[3];
}

}  // namespace

bool ParsePsi(std::string_view text, RawPsi* out) {
  bool some = false;
  std::string_view line;
  while (NextLine(&text, &line)) {
    RawPsiLine parsed;
    if (StartsWith(line, "some ")) {
      if (!ParsePsiLine(line.substr(5), &parsed)) return false;
      out->some = parsed;
      some = true;
    } else if (StartsWith(line, "full ")) {
      if (ParsePsiLine(line.substr(5), &parsed)) out->full = parsed;
    }
  }
  return some;
}

}  // namespace darwinmetrics
