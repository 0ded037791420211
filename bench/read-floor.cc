// The read floor in C++ for bench/sample.bench.ts: open, read and close the files one sample reads
// (and fstatat each pid folder), with no parsing and no conversion to JS. Built with clang -O2 by
// the bench. Usage: read-floor <root> <full|processes> <iterations> → {"cpuUs": median per pass}.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

static double CpuUs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static char buf[1 << 17];

static void ReadAt(int dfd, const char* rel) {
  const int fd = openat(dfd, rel, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  while (read(fd, buf, sizeof(buf)) > 0) {
  }
  close(fd);
}

static std::vector<std::string> List(int dfd, const char* rel) {
  std::vector<std::string> out;
  const int fd = openat(dfd, rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return out;
  DIR* d = fdopendir(fd);
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') out.emplace_back(e->d_name);
  }
  closedir(d);
  return out;
}

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  const int root = open(argv[1], O_RDONLY | O_DIRECTORY);
  const bool full = std::string(argv[2]) == "full";
  const int runs = atoi(argv[3]);
  if (root < 0 || runs <= 0) return 2;
  DIR* proc = opendir((std::string(argv[1]) + "/proc").c_str());
  const int pfd = dirfd(proc);
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    const double c0 = CpuUs();
    if (full) {
      for (const char* f : {"proc/stat", "proc/loadavg", "proc/meminfo", "proc/pressure/memory",
                            "proc/uptime", "proc/sys/kernel/hostname", "proc/sys/kernel/osrelease",
                            "etc/os-release", "proc/diskstats", "proc/self/mountinfo",
                            "proc/net/dev", "sys/class/dmi/id/product_name"}) {
        ReadAt(root, f);
      }
      for (const std::string& n : List(root, "sys/class/net")) {
        for (const char* f : {"operstate", "address", "mtu", "speed", "type", "flags"}) {
          ReadAt(root, ("sys/class/net/" + n + "/" + f).c_str());
        }
      }
      for (const char* cls : {"sys/class/power_supply", "sys/class/hwmon", "sys/class/thermal",
                              "sys/class/powercap", "sys/class/drm"}) {
        for (const std::string& e : List(root, cls)) {
          const std::string dir = std::string(cls) + "/" + e;
          for (const std::string& f : List(root, dir.c_str()))
            ReadAt(root, (dir + "/" + f).c_str());
        }
      }
    }
    rewinddir(proc);
    char rel[64];
    while (dirent* e = readdir(proc)) {
      if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
      snprintf(rel, sizeof(rel), "%s/stat", e->d_name);
      ReadAt(pfd, rel);
      snprintf(rel, sizeof(rel), "%s/io", e->d_name);
      ReadAt(pfd, rel);
      struct stat st;
      fstatat(pfd, e->d_name, &st, 0);
    }
    times.push_back(CpuUs() - c0);
  }
  std::sort(times.begin(), times.end());
  printf("{\"cpuUs\": %.1f}\n", times[times.size() / 2]);
  return 0;
}
