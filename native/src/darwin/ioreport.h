// IOReport (private, /usr/lib/libIOReport.dylib), loaded with dlopen + dlsym so that a missing
// library or symbol makes the sections that need it `unavailable` instead of failing the addon's
// load (MACOS.md "GPU"). One subscription to "CPU Stats", "GPU Stats" and "Energy Model", created
// on first use; each sample copies cumulative counters (24 MHz residency ticks, energy units).
#ifndef DARWINMETRICS_DARWIN_IOREPORT_H_
#define DARWINMETRICS_DARWIN_IOREPORT_H_

#include <CoreFoundation/CoreFoundation.h>

#include <string>
#include <vector>

#include "extras.h"

namespace darwinmetrics {

class IoReport {
 public:
  IoReport() = default;
  ~IoReport();
  IoReport(const IoReport&) = delete;
  IoReport& operator=(const IoReport&) = delete;

  // Loads the library and subscribes; false with *error (kept for later calls) when unavailable.
  bool Ensure(std::string* error);

  // One sample of every subscribed channel, split by kind.
  bool Sample(std::vector<IoReportStateChannel>* cpu, std::vector<IoReportStateChannel>* gpu,
              std::vector<IoReportEnergyChannel>* energy, std::string* error);

 private:
  struct Api;
  bool tried_ = false;
  std::string error_;
  void* lib_ = nullptr;
  Api* api_ = nullptr;
  void* subscription_ = nullptr;
  CFMutableDictionaryRef subscribed_ = nullptr;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_IOREPORT_H_
