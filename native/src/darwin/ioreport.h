// IOReport (private, /usr/lib/libIOReport.dylib), loaded with dlopen + dlsym so that a missing
// library or symbol makes the sections that need it `unavailable` instead of failing the addon's
// load (MACOS.md "GPU"). One subscription, created on first use, to only the channels we report:
// the "CPU Stats" complex/core performance states, "GPU Stats" GPU performance states, and the
// "Energy Model" rail channels. Whole groups hold far more: per-core DTL energy channels
// (vladkens/macmon#17, M2 Ultra) and "CPU Complex Voltage State Time" (kennss/SiliconScope#30).
// Each sample copies cumulative counters (24 MHz residency ticks, energy units) and the monotonic
// time it was taken.
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

  // Loads the library (once: a missing library or symbol is final) and subscribes (a failed
  // subscription is released and tried again, at most every 5 s); false with *error.
  bool Ensure(std::string* error);

  // One sample of every subscribed channel, split by kind; *mono_ns is CLOCK_MONOTONIC (the
  // snapshot's clock) right after IOReportCreateSamples, the time the counters describe.
  bool Sample(std::vector<IoReportStateChannel>* cpu, std::vector<IoReportStateChannel>* gpu,
              std::vector<IoReportEnergyChannel>* energy, double* mono_ns, std::string* error);

  // True for the Energy Model channels src/core/darwin/normalize-parts.ts railName() names; the
  // table in ioreport.cc is checked against it by test/native/darwin-sources.test.ts.
  static bool IsRailChannel(const std::string& channel);

 private:
  struct Api;
  bool Load(std::string* error);
  bool Subscribe(std::string* error);
  bool Wanted(CFDictionaryRef channel) const;
  void ReleaseSubscription();

  bool load_tried_ = false;
  std::string load_error_;
  std::string subscribe_error_;
  double last_subscribe_ns_ = -1;
  void* lib_ = nullptr;
  Api* api_ = nullptr;
  void* subscription_ = nullptr;
  CFMutableDictionaryRef subscribed_ = nullptr;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_IOREPORT_H_
