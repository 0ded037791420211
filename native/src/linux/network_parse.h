// Parser for proc/net/dev.
#ifndef DARWINMETRICS_LINUX_NETWORK_PARSE_H_
#define DARWINMETRICS_LINUX_NETWORK_PARSE_H_

#include <string_view>
#include <vector>

#include "../raw.h"

namespace darwinmetrics {

// proc/net/dev: two header lines, then "  name: rx_bytes rx_packets rx_errs rx_drop fifo frame
// compressed multicast tx_bytes tx_packets tx_errs tx_drop ..." (net/core/net-procfs.c). The name
// is padded to 6 characters and long names touch the colon and the first number ("eth0:123"), so
// the line is split at the first ':'. Fills name and counters only.
std::vector<RawInterface> ParseNetDev(std::string_view text);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_NETWORK_PARSE_H_
