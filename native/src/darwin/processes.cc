// processes: proc_listallpids, then per pid proc_pidinfo (BSD and task info), proc_pid_rusage
// (CPU time, disk bytes) and proc_pidpath. A pid that vanished between listing and reading is
// skipped. Two columns leave here raw and are interpreted in src/core/darwin/normalize.ts:
//  - cpu_time_ns holds Mach absolute-time ticks. Under Rosetta mach_timebase_info says 1/1 but
//    these counters still tick at 24 MHz (psutil PR #2728, htop #765/#813), so the extras carry
//    hw.tbfrequency and mach_timebase_info and TypeScript picks the factor.
//  - state holds pbi_status (SIDL..SZOMB, <sys/proc.h>); with pti_numrunning (extras) TypeScript
//    tells running from sleeping, since pbi_status is SRUN for nearly every live process
//    (psutil #2675, htop #1611).
#include <libproc.h>
#include <mach/mach_time.h>
#include <pwd.h>
#include <sys/proc.h>
#include <sys/proc_info.h>
#include <sys/resource.h>

#include <cerrno>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "readers.h"

namespace darwinmetrics {

namespace {

// The login name of `uid`, "" when it has none (as on Linux; the uid column has the number).
// Answers are cached for the backend's life; a lookup that failed for another reason than "no
// such user" (directory service busy, ERANGE past 64 KiB) is not cached and is tried again.
std::string UserName(uid_t uid, UserNameCache* cache) {
  auto it = cache->find(uid);
  if (it != cache->end()) return it->second;
  passwd pw{};
  passwd* result = nullptr;
  std::vector<char> buf(1024);
  int rc = 0;
  while ((rc = getpwuid_r(uid, &pw, buf.data(), buf.size(), &result)) == ERANGE &&
         buf.size() < 65536)
    buf.resize(buf.size() * 2);
  std::string name;
  if (rc == 0 && result != nullptr && result->pw_name != nullptr) {
    name = result->pw_name;
  } else if (rc != 0 && rc != ENOENT && rc != ESRCH) {
    return name;  // transient: not cached (0, ENOENT and ESRCH all mean "no such user")
  }
  (*cache)[uid] = name;
  return name;
}

}  // namespace

void ReadMachTimebase(DarwinExtras* extras) {
  MachTimebase tb;
  mach_timebase_info_data_t info{};
  if (mach_timebase_info(&info) == KERN_SUCCESS) {
    tb.numer = info.numer;
    tb.denom = info.denom;
  }
  int64_t hz = 0;
  if (SysctlInt64("hw.tbfrequency", &hz) && hz > 0) tb.tb_frequency_hz = static_cast<double>(hz);
  int64_t translated = 0;
  tb.translated = SysctlInt64("sysctl.proc_translated", &translated) && translated == 1;
  extras->mach_timebase = tb;
}

void ReadProcesses(SectionResult<RawProcesses>* out, DarwinExtras* extras, UserNameCache* users) {
  const int hint = proc_listallpids(nullptr, 0);
  if (hint <= 0) {
    out->Fail(ErrorReason::kFailed, "processes: proc_listallpids failed");
    return;
  }
  std::vector<pid_t> pids(static_cast<size_t>(hint) + 64);
  const int n = proc_listallpids(pids.data(), static_cast<int>(pids.size() * sizeof(pid_t)));
  if (n <= 0) {
    out->Fail(ErrorReason::kFailed, "processes: proc_listallpids failed");
    return;
  }
  pids.resize(static_cast<size_t>(n));
  ReadMachTimebase(extras);
  RawProcesses& p = out->Ok();
  p.reserve(pids.size());
  std::vector<int32_t>& running = extras->process_running_threads.emplace();
  running.reserve(pids.size());
  const double nan = std::nan("");
  // rusage_info_v6 (macOS 13+) carries ri_energy_nj; older systems refuse the flavor with EINVAL
  // and answer v4, whose ri_billed_energy is the same energy ledger in nJ with work done on the
  // process's behalf (vouchers) added (<sys/resource.h>; xnu bsd/kern/kern_resource.c). v6 begins
  // with v4's layout, so one buffer serves both.
  int flavor = RUSAGE_INFO_V6;
  for (pid_t pid : pids) {
    proc_bsdinfo bsd{};
    if (proc_pidinfo(pid, PROC_PIDTBSDINFO, 0, &bsd, sizeof(bsd)) != static_cast<int>(sizeof(bsd)))
      continue;
    proc_taskinfo task{};
    const bool have_task = proc_pidinfo(pid, PROC_PIDTASKINFO, 0, &task, sizeof(task)) ==
                           static_cast<int>(sizeof(task));
    rusage_info_v6 ru{};
    bool have_ru = proc_pid_rusage(pid, flavor, reinterpret_cast<rusage_info_t*>(&ru)) == 0;
    if (!have_ru && errno == EINVAL && flavor == RUSAGE_INFO_V6) {
      flavor = RUSAGE_INFO_V4;
      have_ru = proc_pid_rusage(pid, flavor, reinterpret_cast<rusage_info_t*>(&ru)) == 0;
    }
    char path[PROC_PIDPATHINFO_MAXSIZE] = {0};
    const bool have_path = proc_pidpath(pid, path, sizeof(path)) > 0;

    p.pid.push_back(pid);
    p.ppid.push_back(static_cast<int32_t>(bsd.pbi_ppid));
    p.uid.push_back(static_cast<int32_t>(bsd.pbi_uid));
    // PROC_PIDTASKINFO fails (EPERM) for other users' processes: -1 = unknown (src/shared/raw.ts),
    // not 0 threads.
    p.threads.push_back(have_task ? task.pti_threadnum : -1);
    p.start_time_ms.push_back(static_cast<double>(bsd.pbi_start_tvsec) * 1e3 +
                              static_cast<double>(bsd.pbi_start_tvusec) / 1e3);
    if (have_ru) {
      p.cpu_time_ns.push_back(static_cast<double>(ru.ri_user_time + ru.ri_system_time));
      p.disk_read_bytes.push_back(static_cast<double>(ru.ri_diskio_bytesread));
      p.disk_write_bytes.push_back(static_cast<double>(ru.ri_diskio_byteswritten));
      p.energy_nj.push_back(static_cast<double>(flavor == RUSAGE_INFO_V6 ? ru.ri_energy_nj
                                                                         : ru.ri_billed_energy));
    } else if (have_task) {
      p.cpu_time_ns.push_back(static_cast<double>(task.pti_total_user + task.pti_total_system));
      p.disk_read_bytes.push_back(nan);
      p.disk_write_bytes.push_back(nan);
      p.energy_nj.push_back(nan);
    } else {
      p.cpu_time_ns.push_back(nan);
      p.disk_read_bytes.push_back(nan);
      p.disk_write_bytes.push_back(nan);
      p.energy_nj.push_back(nan);
    }
    p.rss_bytes.push_back(have_task ? static_cast<double>(task.pti_resident_size) : nan);
    p.virtual_bytes.push_back(have_task ? static_cast<double>(task.pti_virtual_size) : nan);
    p.state.push_back(static_cast<uint8_t>(bsd.pbi_status));
    running.push_back(have_task ? task.pti_numrunning : -1);
    p.kernel_thread.push_back(pid == 0 ? 1 : 0);
    p.name.push_back(bsd.pbi_name[0] != '\0' ? bsd.pbi_name : bsd.pbi_comm);
    p.path.push_back(have_path ? path : "");
    p.user.push_back(UserName(bsd.pbi_uid, users));
  }
}

}  // namespace darwinmetrics
