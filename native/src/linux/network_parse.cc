#include "network_parse.h"

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

std::vector<RawInterface> ParseNetDev(std::string_view text) {
  std::vector<RawInterface> out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    // Interface names cannot contain ':' since aliases became labels, so the first colon ends it.
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // the two header lines have '|' instead
    const std::string_view name = Trim(line.substr(0, colon));
    if (name.empty() || name.find('|') != std::string_view::npos) continue;
    std::string_view rest = line.substr(colon + 1), f;
    uint64_t v[16];
    int n = 0;
    bool ok = true;
    while (n < 16 && NextField(&rest, &f)) {
      const auto x = ParseU64(f);
      if (!x) {
        ok = false;
        break;
      }
      v[n++] = *x;
    }
    if (!ok || n < 16) continue;
    RawInterface i;
    i.name = std::string(name);
    i.rx_bytes = v[0];
    i.rx_packets = v[1];
    i.rx_errors = v[2];
    i.rx_drops = v[3];
    i.tx_bytes = v[8];
    i.tx_packets = v[9];
    i.tx_errors = v[10];
    i.tx_drops = v[11];
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace darwinmetrics
