// network: 64-bit interface counters from sysctl NET_RT_IFLIST2 (if_msghdr2; getifaddrs
// counters are 32-bit and wrap), addresses and link-layer address from getifaddrs. The kind of
// each interface is decided in src/shared/darwin/network.ts from the facts left in the extras
// (interface type, loopback flag, and the Wi-Fi names from wifi.cc): Wi-Fi reports IFT_ETHER too.
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
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "readers.h"

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
  grow(&itf->tx_drops, data.ifmd_snd_drops);
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

void ReadNetwork(SectionResult<RawNetwork>* out, DarwinExtras* extras) {
  int mib[6] = {CTL_NET, PF_ROUTE, 0, 0, NET_RT_IFLIST2, 0};
  std::vector<char> buf;
  size_t size = 0;
  // The table can grow between the size call and the read (an interface appears): the read then
  // fails with ENOMEM, so size and read again, a few times.
  for (int attempt = 0;; ++attempt) {
    size = 0;
    if (sysctl(mib, 6, nullptr, &size, nullptr, 0) != 0) {
      out->Fail(ErrorReason::kFailed,
                std::string("network: sysctl NET_RT_IFLIST2 size failed: ") + std::strerror(errno));
      return;
    }
    size += size / 4 + 512;  // leave room for growth
    buf.assign(size, 0);
    if (sysctl(mib, 6, buf.data(), &size, nullptr, 0) == 0) break;
    if (errno != ENOMEM || attempt >= 4) {
      out->Fail(ErrorReason::kFailed,
                std::string("network: sysctl NET_RT_IFLIST2 failed: ") + std::strerror(errno));
      return;
    }
  }
  size = std::min(size, buf.size());
  RawNetwork& net = out->Ok();
  // Every routing message starts with msglen (u_short), version, type; the address messages
  // (RTM_NEWADDR) in this dump are shorter than if_msghdr, so read only that common prefix to
  // step. Headers are read by memcpy (the buffer gives no alignment guarantee), and a length that
  // leaves the buffer ends the walk.
  struct MsgPrefix {
    u_short msglen;
    u_char version;
    u_char type;
  };
  constexpr size_t kSdlFixed = offsetof(sockaddr_dl, sdl_data);
  for (size_t off = 0; off + sizeof(MsgPrefix) <= size;) {
    MsgPrefix hdr;
    std::memcpy(&hdr, buf.data() + off, sizeof(hdr));
    if (hdr.msglen < sizeof(MsgPrefix)) break;
    const size_t next = off + hdr.msglen;
    if (next > size) break;
    if (hdr.type == RTM_IFINFO2 && hdr.version == RTM_VERSION &&
        hdr.msglen >= sizeof(if_msghdr2) + kSdlFixed) {
      if_msghdr2 h2;
      std::memcpy(&h2, buf.data() + off, sizeof(h2));
      const char* sdl_at = buf.data() + off + sizeof(if_msghdr2);
      sockaddr_dl sdl{};  // only the fixed part is read from the buffer
      std::memcpy(&sdl, sdl_at, kSdlFixed);
      const size_t sdl_room = next - (off + sizeof(if_msghdr2));
      if (sdl.sdl_family == AF_LINK && sdl.sdl_len >= kSdlFixed && sdl.sdl_len <= sdl_room &&
          kSdlFixed + sdl.sdl_nlen + sdl.sdl_alen <= sdl.sdl_len) {
        const char* name = sdl_at + kSdlFixed;
        RawInterface itf;
        itf.name.assign(name, sdl.sdl_nlen);
        const if_data64& d = h2.ifm_data;
        itf.up = (h2.ifm_flags & IFF_UP) != 0 && (h2.ifm_flags & IFF_RUNNING) != 0;
        extras->interface_facts.push_back(
            {itf.name, static_cast<int>(d.ifi_type), (h2.ifm_flags & IFF_LOOPBACK) != 0});
        if (sdl.sdl_alen == 6)
          itf.mac =
              FormatMac(reinterpret_cast<const unsigned char*>(name + sdl.sdl_nlen), sdl.sdl_alen);
        itf.mtu = static_cast<double>(d.ifi_mtu);
        if (d.ifi_baudrate > 0) itf.speed_mbps = static_cast<double>(d.ifi_baudrate) / 1e6;
        itf.rx_bytes = d.ifi_ibytes;
        itf.tx_bytes = d.ifi_obytes;
        itf.rx_packets = d.ifi_ipackets;
        itf.tx_packets = d.ifi_opackets;
        itf.rx_errors = d.ifi_ierrors;
        itf.tx_errors = d.ifi_oerrors;
        itf.rx_drops = d.ifi_iqdrops;
        // Send-queue drops: if_data64 has no output-drop counter; the message header has it.
        itf.tx_drops = h2.ifm_snd_drops > 0 ? static_cast<uint64_t>(h2.ifm_snd_drops) : 0;
        CrossReadMib(h2.ifm_index, &itf);
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
