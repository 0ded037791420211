#include "host_parse.h"

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

std::map<std::string, std::string> ParseOsRelease(std::string_view text) {
  std::map<std::string, std::string> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string_view raw = line.substr(eq + 1);
    std::string value;
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
      const char quote = raw.front();
      for (size_t i = 1; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == quote) break;
        if (quote == '"' && c == '\\' && i + 1 < raw.size()) {
          value.push_back(raw[++i]);
        } else {
          value.push_back(c);
        }
      }
    } else {
      value = std::string(raw);
    }
    out[std::string(line.substr(0, eq))] = std::move(value);
  }
  return out;
}

std::optional<double> ParseUptime(std::string_view text) {
  std::string_view field;
  if (!NextField(&text, &field)) return std::nullopt;
  const auto v = ParseDouble(field);
  if (!v || *v < 0) return std::nullopt;
  return v;
}

}  // namespace darwinmetrics
