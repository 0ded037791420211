// The macOS section readers, one file per metric (psutil's arch/<os>/<metric>.c layout). Each
// fills its section with a value or an error and never throws; `extras` collects raw material
// for core/darwin/normalize.ts.
#ifndef DARWINMETRICS_DARWIN_READERS_H_
#define DARWINMETRICS_DARWIN_READERS_H_

#include <mach/mach.h>
#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "../raw.h"
#include "extras.h"

namespace darwinmetrics {

class Smc;
class IoReport;

// sysctl helpers (sysctl.cc).
bool SysctlString(const char* name, std::string* out);
bool SysctlInt64(const char* name, int64_t* out);
// Darwin major version from kern.osrelease ("21.6.0" → 21); 0 when unreadable.
int DarwinMajor();
bool IsAppleSilicon();

void ReadHost(SectionResult<RawHost>* out);
// `host` is the backend's host port (mach_host_self() once, released by the backend): every
// mach_host_self() call adds a send-right reference that must be deallocated.
void ReadCpu(SectionResult<RawCpu>* out, host_t host);
void ReadMemory(SectionResult<RawMemory>* out, DarwinExtras* extras, host_t host);
// Interface kinds are left to TypeScript: the facts go to extras->interface_facts.
void ReadNetwork(SectionResult<RawNetwork>* out, DarwinExtras* extras);
// uid → login name ("" for none), kept by the backend across samples.
using UserNameCache = std::map<uid_t, std::string>;
// cpu_time_ns and state are raw (Mach ticks, pbi_status): see processes.cc.
void ReadProcesses(SectionResult<RawProcesses>* out, DarwinExtras* extras, UserNameCache* users);
// False (with `error`) when the mount table cannot be read or is empty.
bool ReadMounts(RawDisks* out, std::string* error);

#if DARWINMETRICS_HAVE_IOKIT
void ReadBlockStorage(RawDisks* out);
void ReadPower(SectionResult<RawPower>* out, DarwinExtras* extras);
void ReadGpus(SectionResult<RawGpus>* out);
// processGpu: every accelerator user client's accounting properties into x->gpu_clients.
bool ReadGpuClients(DarwinExtras* x, std::string* error);
// pmgr voltage-states* and acc-clusters blobs (read once by the backend).
bool ReadPmgrTables(std::map<std::string, std::vector<uint8_t>>* out, std::string* error);
// BSD names ("en0") of the Wi-Fi interfaces: IORegistry entries of class IO80211Interface (as
// en0 is on a real M1) or IO80211SkywalkInterface (its successor on recent macOS).
std::vector<std::string> ReadWifiInterfaceNames();
#endif

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_READERS_H_
