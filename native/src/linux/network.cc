// network section: counters from proc/net/dev (or sys/class/net/*/statistics when it is missing),
// link facts from sys/class/net/<name>, addresses from getifaddrs (live root only).
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>

#include <map>

#include "network_parse.h"
#include "readers.h"
#include "text.h"

namespace darwinmetrics {

namespace {

// Counters from sys/class/net/<name>/statistics, for when proc/net/dev is missing. False, leaving
// *i half-filled, when any counter is unreadable or not a count: the interface is then left out
// rather than shown with an invented 0 (a 0 byte counter would also make the next rate a spike).
bool ReadStatistics(const RootFs& fs, const std::string& dir, RawInterface* i) {
  const std::string s = dir + "/statistics/";
  const struct {
    const char* file;
    uint64_t RawInterface::*field;
  } kCounters[] = {
      {"rx_bytes", &RawInterface::rx_bytes},     {"tx_bytes", &RawInterface::tx_bytes},
      {"rx_packets", &RawInterface::rx_packets}, {"tx_packets", &RawInterface::tx_packets},
      {"rx_errors", &RawInterface::rx_errors},   {"tx_errors", &RawInterface::tx_errors},
      {"rx_dropped", &RawInterface::rx_drops},   {"tx_dropped", &RawInterface::tx_drops},
  };
  for (const auto& c : kCounters) {
    std::string text;
    if (fs.ReadAbs(s + c.file, &text) != 0) return false;
    const std::optional<uint64_t> v = linux_text::ParseU64(text);
    if (!v) return false;
    i->*c.field = *v;
  }
  return true;
}

// Kind from sysfs: ARPHRD_LOOPBACK (772, include/uapi/linux/if_arp.h), a wireless/ or phy80211
// entry for Wi-Fi, a device under devices/virtual for bridges, veths, tunnels; ARPHRD_ETHER (1).
std::string KindOf(const RootFs& fs, const std::string& dir, const std::optional<double>& type) {
  if (type && *type == 772) return "loopback";
  if (fs.ExistsAbs(dir + "/wireless") || fs.ExistsAbs(dir + "/phy80211"))
    return "wireless";
  char buf[PATH_MAX];
  if (realpath(dir.c_str(), buf) != nullptr &&
      std::string(buf).find("/devices/virtual/") != std::string::npos) {
    return "virtual";
  }
  if (type && *type == 1) return "ethernet";
  return "other";
}

void ReadLink(const RootFs& fs, const std::string& dir, RawInterface* i) {
  i->operstate = fs.ReadLineAbs(dir + "/operstate");
  auto mac = fs.ReadLineAbs(dir + "/address");
  if (mac && !mac->empty()) i->mac = std::move(mac);
  i->mtu = fs.ReadNumberAbs(dir + "/mtu");
  // speed is -1 or EINVAL while the link is down, and absent for virtual links.
  const auto speed = fs.ReadNumberAbs(dir + "/speed");
  if (speed && *speed > 0) i->speed_mbps = speed;
  // operstate "unknown" is normal for loopback and some tunnels: fall back to IFF_UP in flags.
  const auto flags = fs.ReadLineAbs(dir + "/flags");
  const long flag_bits = flags ? strtol(flags->c_str(), nullptr, 16) : 0;
  i->up = i->operstate == std::optional<std::string>("up") ||
          (i->operstate.value_or("unknown") == "unknown" && (flag_bits & IFF_UP) != 0);
}

void ReadAddresses(std::vector<RawInterface>* ifs) {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return;
  std::map<std::string, RawInterface*> by_name;
  for (RawInterface& i : *ifs) by_name[i.name] = &i;
  for (ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_name == nullptr) continue;
    auto it = by_name.find(a->ifa_name);
    if (it == by_name.end()) continue;
    const int family = a->ifa_addr->sa_family;
    if (family != AF_INET && family != AF_INET6) continue;
    char text[INET6_ADDRSTRLEN] = {0};
    const void* addr =
        family == AF_INET
            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr)
            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr);
    if (inet_ntop(family, addr, text, sizeof(text)) == nullptr) continue;
    RawAddress r;
    r.family = family == AF_INET ? "ipv4" : "ipv6";
    r.address = text;
    if (a->ifa_netmask != nullptr && a->ifa_netmask->sa_family == family) {
      char mask[INET6_ADDRSTRLEN] = {0};
      const void* m =
          family == AF_INET
              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ifa_netmask)->sin_addr)
              : static_cast<const void*>(
                    &reinterpret_cast<sockaddr_in6*>(a->ifa_netmask)->sin6_addr);
      if (inet_ntop(family, m, mask, sizeof(mask)) != nullptr) r.netmask = mask;
    }
    it->second->addresses.push_back(std::move(r));
  }
  freeifaddrs(list);
}

}  // namespace

void NetworkReader::Read(const RootFs& fs, SectionResult<RawNetwork>* out) {
  const std::string sys = fs.Path("sys/class/net");
  std::string text;
  const int err = fs.Read("proc/net/dev", &text);
  std::vector<RawInterface> ifs;
  if (err == 0) {
    ifs = ParseNetDev(text);
  } else {
    for (const std::string& name : fs.ListAbs(sys)) {
      // sys/class/net also holds plain files (bonding_masters lists bond devices): not interfaces.
      if (!fs.IsDirAbs(sys + "/" + name)) continue;
      RawInterface i;
      i.name = name;
      if (ReadStatistics(fs, sys + "/" + name, &i)) ifs.push_back(std::move(i));
    }
    // No interface with readable counters: the section fails with proc/net/dev's error.
    if (ifs.empty()) return out->Fail(ReasonForErrno(err), "proc/net/dev: " + ErrnoText(err));
  }
  std::map<std::string, std::string> kinds;
  for (RawInterface& i : ifs) {
    const std::string dir = sys + "/" + i.name;
    ReadLink(fs, dir, &i);
    auto known = kinds_.find(i.name);
    i.kind =
        known != kinds_.end() ? known->second : KindOf(fs, dir, fs.ReadNumberAbs(dir + "/type"));
    kinds.emplace(i.name, i.kind);
  }
  kinds_ = std::move(kinds);
  if (fs.is_live()) ReadAddresses(&ifs);
  out->Ok().interfaces = std::move(ifs);
}

}  // namespace darwinmetrics
