// network: 64-bit interface counters from sysctl NET_RT_IFLIST2 (if_msghdr2; getifaddrs
// counters are 32-bit and wrap), addresses and link-layer address from getifaddrs.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_dl.h>
#if __has_include(<net/if_mib.h>)
#include <net/if_mib.h>
#endif
#if __has_include(<net/if_types.h>)
#include <net/if_types.h>
#endif
#include <net/route.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/sysctl.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "readers.h"

#ifndef IFT_ETHER
#define IFT_ETHER 0x6  // <net/if_types.h>: Ethernet CSMA/CD (absent from some header sets)
#endif

namespace darwinmetrics {

namespace {

std::string FormatMac(const unsigned char* p, int len) {
  std::string out;
  char part[4];
  for (int i = 0; i < len; ++i) {
    std::snprintf(part, sizeof(part), i == 0 ? "%02x" : ":%02x", p[i]);
    out += part;
  }
  return out;
}

// Interface kind from flags, type and the naming macOS uses for its virtual links.
std::string KindOf(const std::string& name, int flags, int type) {
  if (flags & IFF_LOOPBACK) return "loopback";
  static const char* const kVirtual[] = {"utun", "gif",  "stf", "bridge", "awdl",
                                         "llw",  "anpi", "ap",  "vmenet", "feth"};
  for (const char* prefix : kVirtual) {
    if (name.rfind(prefix, 0) == 0) return "virtual";
  }
  if (type == IFT_ETHER) return "ethernet";
  return "other";
}

#if __has_include(<net/if_mib.h>)
// macOS 13.2.1 truncated some NET_RT_IFLIST2 counters at 4 GiB; the per-interface MIB row
// (CTL_NET/PF_LINK/NETLINK_GENERIC/IFMIB_IFDATA/index/IFDATA_GENERAL) kept the full values, so
// node_exporter reads both (MACOS.md "Network"). Counters only grow: take the larger of the two.
void CrossReadMib(unsigned short index, RawInterface* itf) {
  int mib[6] = {CTL_NET, PF_LINK, NETLINK_GENERIC, IFMIB_IFDATA, index, IFDATA_GENERAL};
  ifmibdata data{};
  size_t size = sizeof(data);
  if (sysctl(mib, 6, &data, &size, nullptr, 0) != 0 || size != sizeof(data)) return;
  const if_data64& d = data.ifmd_data;
  auto grow = [](uint64_t* field, uint64_t other) {
    if (other > *field) *field = other;
  };
  grow(&itf->rx_bytes, d.ifi_ibytes);
  grow(&itf->tx_bytes, d.ifi_obytes);
  grow(&itf->rx_packets, d.ifi_ipackets);
  grow(&itf->tx_packets, d.ifi_opackets);
}
#else
void CrossReadMib(unsigned short /*index*/, RawInterface* /*itf*/) {}
#endif

// Copies a getifaddrs sockaddr into a zeroed T (sockaddr_in or sockaddr_in6). Netmasks come
// from the routing table: their sa_len may be trimmed below sizeof(T) (trailing zero bytes left
// off) and their family may be 0, so copy only min(sa_len, sizeof(T)) bytes and never read past
// sa_len. False when there is nothing (sa_len 0) or the family is another one; `mask_family_zero`
// also accepts family 0, which routing-table masks carry.
template <typename T>
bool CopySockaddr(const sockaddr* sa, int family, bool mask_family_zero, T* out) {
  std::memset(out, 0, sizeof(T));
  if (sa == nullptr || sa->sa_len == 0) return false;
  if (sa->sa_family != family && !(mask_family_zero && sa->sa_family == 0)) return false;
  const size_t n = std::min(static_cast<size_t>(sa->sa_len), sizeof(T));
  std::memcpy(out, sa, n);
  reinterpret_cast<sockaddr*>(out)->sa_len = static_cast<uint8_t>(sizeof(T));
  reinterpret_cast<sockaddr*>(out)->sa_family = static_cast<sa_family_t>(family);
  return true;
}

void AddAddresses(std::map<std::string, RawInterface*>* by_name) {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return;
  for (ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_name == nullptr) continue;
    auto it = by_name->find(a->ifa_name);
    if (it == by_name->end()) continue;
    const int family = a->ifa_addr->sa_family;
    char text[INET6_ADDRSTRLEN] = {0};
    char mask[INET6_ADDRSTRLEN] = {0};
    RawAddress addr;
    if (family == AF_INET) {
      sockaddr_in sin;
      if (!CopySockaddr(a->ifa_addr, AF_INET, false, &sin)) continue;
      inet_ntop(AF_INET, &sin.sin_addr, text, sizeof(text));
      if (CopySockaddr(a->ifa_netmask, AF_INET, true, &sin))
        inet_ntop(AF_INET, &sin.sin_addr, mask, sizeof(mask));
      addr.family = "ipv4";
    } else if (family == AF_INET6) {
      sockaddr_in6 sin6;
      if (!CopySockaddr(a->ifa_addr, AF_INET6, false, &sin6)) continue;
      inet_ntop(AF_INET6, &sin6.sin6_addr, text, sizeof(text));
      if (CopySockaddr(a->ifa_netmask, AF_INET6, true, &sin6))
        inet_ntop(AF_INET6, &sin6.sin6_addr, mask, sizeof(mask));
      addr.family = "ipv6";
    } else {
      continue;
    }
    addr.address = text;
    if (mask[0] != '\0') addr.netmask = std::string(mask);
    it->second->addresses.push_back(std::move(addr));
  }
  freeifaddrs(list);
}

}  // namespace

void ReadNetwork(SectionResult<RawNetwork>* out) {
  int mib[6] = {CTL_NET, PF_ROUTE, 0, 0, NET_RT_IFLIST2, 0};
  size_t size = 0;
  if (sysctl(mib, 6, nullptr, &size, nullptr, 0) != 0) {
    out->Fail(ErrorReason::kFailed, "network: sysctl NET_RT_IFLIST2 size failed");
    return;
  }
  // The table can grow between the two calls; leave room.
  size += size / 4 + 512;
  std::vector<char> buf(size);
  if (sysctl(mib, 6, buf.data(), &size, nullptr, 0) != 0) {
    out->Fail(ErrorReason::kFailed, "network: sysctl NET_RT_IFLIST2 failed");
    return;
  }
  RawNetwork& net = out->Ok();
  for (size_t off = 0; off + sizeof(if_msghdr) <= size;) {
    auto* hdr = reinterpret_cast<if_msghdr*>(buf.data() + off);
    if (hdr->ifm_msglen == 0) break;
    const size_t next = off + hdr->ifm_msglen;
    if (hdr->ifm_type == RTM_IFINFO2 && off + sizeof(if_msghdr2) <= size) {
      auto* h2 = reinterpret_cast<if_msghdr2*>(hdr);
      auto* sdl = reinterpret_cast<sockaddr_dl*>(h2 + 1);
      if (reinterpret_cast<char*>(sdl) + sizeof(sockaddr_dl) <= buf.data() + next &&
          sdl->sdl_family == AF_LINK) {
        RawInterface itf;
        itf.name.assign(sdl->sdl_data, sdl->sdl_nlen);
        const if_data64& d = h2->ifm_data;
        itf.up = (h2->ifm_flags & IFF_UP) != 0 && (h2->ifm_flags & IFF_RUNNING) != 0;
        itf.kind = KindOf(itf.name, h2->ifm_flags, d.ifi_type);
        if (sdl->sdl_alen == 6)
          itf.mac = FormatMac(reinterpret_cast<unsigned char*>(LLADDR(sdl)), sdl->sdl_alen);
        itf.mtu = static_cast<double>(d.ifi_mtu);
        if (d.ifi_baudrate > 0) itf.speed_mbps = static_cast<double>(d.ifi_baudrate) / 1e6;
        itf.rx_bytes = d.ifi_ibytes;
        itf.tx_bytes = d.ifi_obytes;
        itf.rx_packets = d.ifi_ipackets;
        itf.tx_packets = d.ifi_opackets;
        itf.rx_errors = d.ifi_ierrors;
        itf.tx_errors = d.ifi_oerrors;
        itf.rx_drops = d.ifi_iqdrops;
        CrossReadMib(h2->ifm_index, &itf);
        net.interfaces.push_back(std::move(itf));
      }
    }
    off = next;
  }
  std::map<std::string, RawInterface*> by_name;
  for (RawInterface& itf : net.interfaces) by_name[itf.name] = &itf;
  AddAddresses(&by_name);
}

}  // namespace darwinmetrics
