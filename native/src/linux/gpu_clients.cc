// processGpu section: for every process, the open files that link into /dev/dri (DRM render and
// card nodes), and for each of them its proc/<pid>/fdinfo/<fd>, where the driver reports the
// client's engine busy time and memory (Documentation/gpu/drm-usage-stats.rst). One client may be
// open through several descriptors, and even in several processes (a descriptor passed over a
// socket or inherited): drm-client-id is unique per device, so each (device, client id) is listed
// once, under the first process that holds it.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cstring>
#include <set>
#include <string>
#include <utility>

#include "drm_fdinfo_parse.h"
#include "readers.h"
#include "text.h"

namespace darwinmetrics {

namespace {

// Lists proc/<pid>/fd; false (errno set) when the folder cannot be opened.
template <typename F>
bool ForEachFd(int proc_fd, const char* pid, F visit) {
  char rel[64];
  snprintf(rel, sizeof(rel), "%s/fd", pid);
  const int fd_dir = openat(proc_fd, rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (fd_dir < 0) return false;
  DIR* dir = fdopendir(fd_dir);
  if (dir == nullptr) {
    close(fd_dir);
    return false;
  }
  while (dirent* d = readdir(dir)) {
    if (linux_text::IsDecimalName(d->d_name)) visit(fd_dir, d->d_name);
  }
  closedir(dir);
  return true;
}

}  // namespace

void ReadGpuClients(const RootFs& fs, SectionResult<RawProcessGpu>* out) {
  DIR* proc = fs.OpenDirAbs(fs.Path("proc"));
  if (proc == nullptr) {
    const int err = errno;
    return out->Fail(ReasonForErrno(err), "proc: " + ErrnoText(err));
  }
  RawProcessGpu& gpu = out->Ok();
  const int proc_fd = dirfd(proc);
  std::set<std::pair<std::string, std::string>> seen;  // (device, client id)
  std::string text;
  char link[256];
  char rel[320];  // "<pid>/fdinfo/<fd>": a directory entry name is at most 255 bytes
  while (dirent* d = readdir(proc)) {
    const std::optional<int32_t> pid_of = linux_text::PidFromName(d->d_name);
    if (!pid_of) continue;
    const int32_t pid = *pid_of;
    const bool listed = ForEachFd(proc_fd, d->d_name, [&](int fd_dir, const char* fd) {
      const ssize_t n = readlinkat(fd_dir, fd, link, sizeof(link) - 1);
      if (n <= 0) return;
      link[n] = '\0';
      if (strncmp(link, "/dev/dri/", 9) != 0) return;
      snprintf(rel, sizeof(rel), "%s/fdinfo/%s", d->d_name, fd);
      const int info = OpenRegularAt(fs, proc_fd, rel);
      if (info < 0) return;
      const bool read = PreadWhole(info, &text);
      close(info);
      RawGpuClient client;
      if (!read || !ParseDrmFdinfo(text, &client)) return;
      // Without drm-client-id a descriptor cannot be matched to others: it counts on its own.
      const std::string key = client.client_id.empty() ? std::string(d->d_name) + "/" + fd
                                                       : client.client_id;
      if (!seen.emplace(client.device + "|" + client.driver, key).second) return;
      client.pid = pid;
      gpu.clients.push_back(std::move(client));
    });
    if (!listed && (errno == EACCES || errno == EPERM)) ++gpu.denied;
  }
  closedir(proc);
}

}  // namespace darwinmetrics
