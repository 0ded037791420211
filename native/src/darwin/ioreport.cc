#include "ioreport.h"

#include <dlfcn.h>
#include <time.h>

#include "cf.h"

namespace darwinmetrics {

// Signatures of the private IOReport functions as used by the public monitors that document them
// (macmon, asitop; facts only). Every pointer is resolved at run time.
struct IoReport::Api {
  CFDictionaryRef (*copy_channels_in_group)(CFStringRef, CFStringRef, uint64_t, uint64_t, uint64_t);
  void (*merge_channels)(CFDictionaryRef, CFDictionaryRef, CFTypeRef);
  void* (*create_subscription)(void*, CFMutableDictionaryRef, CFMutableDictionaryRef*, uint64_t,
                               CFTypeRef);
  CFDictionaryRef (*create_samples)(void*, CFMutableDictionaryRef, CFTypeRef);
  CFStringRef (*channel_get_group)(CFDictionaryRef);
  CFStringRef (*channel_get_subgroup)(CFDictionaryRef);
  CFStringRef (*channel_get_name)(CFDictionaryRef);
  CFStringRef (*channel_get_unit_label)(CFDictionaryRef);
  int64_t (*simple_get_integer)(CFDictionaryRef, int32_t);
  int32_t (*state_get_count)(CFDictionaryRef);
  CFStringRef (*state_get_name)(CFDictionaryRef, int32_t);
  int64_t (*state_get_residency)(CFDictionaryRef, int32_t);
};

namespace {

template <typename F>
bool Resolve(void* lib, const char* name, F* out, std::string* error) {
  *out = reinterpret_cast<F>(dlsym(lib, name));
  if (*out == nullptr) {
    *error = std::string("IOReport: libIOReport.dylib lacks ") + name;
    return false;
  }
  return true;
}

double MonotonicNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// A failed subscription (no channels yet, a busy IOReport service) is tried again after this long.
constexpr double kRetryNs = 5e9;

constexpr const char* kComplexStates = "CPU Complex Performance States";
constexpr const char* kCoreStates = "CPU Core Performance States";
constexpr const char* kGpuStates = "GPU Performance States";

// The Energy Model channels we report, as railName() in src/core/darwin/normalize-parts.ts names
// them ("*CPU Energy", "GPU Energy", "GPU SRAM*", "ANE*", "DRAM*"). macmon
// subscribes to the same set (vladkens/macmon src_lib/shared.rs ioreport_channels_filter).
enum class Match { kExact, kPrefix, kSuffix };
struct RailRule {
  Match match;
  const char* text;
};
constexpr RailRule kRailRules[] = {
    {Match::kSuffix, "CPU Energy"}, {Match::kExact, "GPU Energy"}, {Match::kPrefix, "GPU SRAM"},
    {Match::kPrefix, "ANE"},        {Match::kPrefix, "DRAM"},
};

bool Matches(const std::string& s, const RailRule& rule) {
  const std::string text(rule.text);
  switch (rule.match) {
    case Match::kExact:
      return s == text;
    case Match::kPrefix:
      return s.compare(0, text.size(), text) == 0;
    case Match::kSuffix:
      return s.size() >= text.size() && s.compare(s.size() - text.size(), text.size(), text) == 0;
  }
  return false;
}

bool IsCpuStates(const std::string& group, const std::string& subgroup) {
  return group == "CPU Stats" && (subgroup == kComplexStates || subgroup == kCoreStates);
}

bool IsGpuStates(const std::string& group, const std::string& subgroup) {
  return group == "GPU Stats" && subgroup == kGpuStates;
}

}  // namespace

bool IoReport::IsRailChannel(const std::string& channel) {
  for (const RailRule& rule : kRailRules) {
    if (Matches(channel, rule)) return true;
  }
  return false;
}

IoReport::~IoReport() {
  ReleaseSubscription();
  delete api_;
  // The library stays loaded: other samplers may hold pointers into it.
}

void IoReport::ReleaseSubscription() {
  if (subscribed_) CFRelease(subscribed_);
  if (subscription_) CFRelease(static_cast<CFTypeRef>(subscription_));
  subscribed_ = nullptr;
  subscription_ = nullptr;
}

bool IoReport::Load(std::string* error) {
  if (load_tried_) {
    if (!api_) *error = load_error_;
    return api_ != nullptr;
  }
  load_tried_ = true;
  lib_ = dlopen("/usr/lib/libIOReport.dylib", RTLD_LAZY | RTLD_LOCAL);
  if (!lib_) {
    load_error_ = "IOReport: /usr/lib/libIOReport.dylib cannot be loaded";
    *error = load_error_;
    return false;
  }
  auto* api = new Api();
  std::string& e = load_error_;
  bool ok = Resolve(lib_, "IOReportCopyChannelsInGroup", &api->copy_channels_in_group, &e) &&
            Resolve(lib_, "IOReportMergeChannels", &api->merge_channels, &e) &&
            Resolve(lib_, "IOReportCreateSubscription", &api->create_subscription, &e) &&
            Resolve(lib_, "IOReportCreateSamples", &api->create_samples, &e) &&
            Resolve(lib_, "IOReportChannelGetGroup", &api->channel_get_group, &e) &&
            Resolve(lib_, "IOReportChannelGetSubGroup", &api->channel_get_subgroup, &e) &&
            Resolve(lib_, "IOReportChannelGetChannelName", &api->channel_get_name, &e) &&
            Resolve(lib_, "IOReportChannelGetUnitLabel", &api->channel_get_unit_label, &e) &&
            Resolve(lib_, "IOReportSimpleGetIntegerValue", &api->simple_get_integer, &e) &&
            Resolve(lib_, "IOReportStateGetCount", &api->state_get_count, &e) &&
            Resolve(lib_, "IOReportStateGetNameForIndex", &api->state_get_name, &e) &&
            Resolve(lib_, "IOReportStateGetResidency", &api->state_get_residency, &e);
  if (!ok) {
    delete api;
    *error = load_error_;
    return false;
  }
  api_ = api;
  return true;
}

bool IoReport::Wanted(CFDictionaryRef channel) const {
  const std::string group = CfString(api_->channel_get_group(channel));
  const std::string subgroup = CfString(api_->channel_get_subgroup(channel));
  if (group == "Energy Model") return IsRailChannel(CfString(api_->channel_get_name(channel)));
  return IsCpuStates(group, subgroup) || IsGpuStates(group, subgroup);
}

bool IoReport::Subscribe(std::string* error) {
  CFMutableDictionaryRef merged = nullptr;
  for (const char* group : {"Energy Model", "CPU Stats", "GPU Stats"}) {
    CfRef name(CFStringCreateWithCString(kCFAllocatorDefault, group, kCFStringEncodingUTF8));
    CFDictionaryRef channels =
        api_->copy_channels_in_group(static_cast<CFStringRef>(name.get()), nullptr, 0, 0, 0);
    if (!channels) continue;
    if (!merged) {
      merged = CFDictionaryCreateMutableCopy(kCFAllocatorDefault, 0, channels);
    } else {
      api_->merge_channels(merged, channels, nullptr);
    }
    CFRelease(channels);
  }
  if (!merged) {
    *error = "IOReport: no Energy Model, CPU Stats or GPU Stats channels on this machine";
    return false;
  }
  CfRef hold(merged);
  // Keep only the channels we report: the subscription then samples those and nothing else
  // (macmon filters the IOReportChannels array the same way before subscribing).
  CFTypeRef list = CfGet(merged, "IOReportChannels");
  if (!list || CFGetTypeID(list) != CFArrayGetTypeID()) {
    *error = "IOReport: the channel list holds no IOReportChannels array";
    return false;
  }
  auto all = static_cast<CFArrayRef>(list);
  CFMutableArrayRef kept_array =
      CFArrayCreateMutable(kCFAllocatorDefault, 0, &kCFTypeArrayCallBacks);
  CfRef kept(kept_array);
  for (CFIndex i = 0; i < CFArrayGetCount(all); ++i) {
    auto item = static_cast<CFDictionaryRef>(CFArrayGetValueAtIndex(all, i));
    if (item && CFGetTypeID(item) == CFDictionaryGetTypeID() && Wanted(item))
      CFArrayAppendValue(kept_array, item);
  }
  if (CFArrayGetCount(kept_array) == 0) {
    *error = "IOReport: none of the rail, CPU or GPU performance-state channels exists here";
    return false;
  }
  CFDictionarySetValue(merged, CFSTR("IOReportChannels"), kept_array);
  subscription_ = api_->create_subscription(nullptr, merged, &subscribed_, 0, nullptr);
  if (!subscription_ || !subscribed_) {
    // A subscription without its channel dictionary cannot be sampled: release both and try
    // again later rather than keep it and pass a null dictionary to IOReportCreateSamples.
    ReleaseSubscription();
    *error = "IOReport: IOReportCreateSubscription failed";
    return false;
  }
  return true;
}

bool IoReport::Ensure(std::string* error) {
  if (subscription_) return true;
  if (!Load(error)) return false;
  const double now = MonotonicNs();
  if (last_subscribe_ns_ >= 0 && now - last_subscribe_ns_ < kRetryNs) {
    *error = subscribe_error_;
    return false;
  }
  last_subscribe_ns_ = now;
  if (Subscribe(&subscribe_error_)) return true;
  *error = subscribe_error_;
  return false;
}

bool IoReport::Sample(std::vector<IoReportStateChannel>* cpu,
                      std::vector<IoReportStateChannel>* gpu,
                      std::vector<IoReportEnergyChannel>* energy, double* mono_ns,
                      std::string* error) {
  if (!Ensure(error)) return false;
  CfRef samples(api_->create_samples(subscription_, subscribed_, nullptr));
  *mono_ns = MonotonicNs();
  if (!samples) {
    *error = "IOReport: IOReportCreateSamples failed";
    return false;
  }
  CFTypeRef list = CfGet(static_cast<CFDictionaryRef>(samples.get()), "IOReportChannels");
  if (!list || CFGetTypeID(list) != CFArrayGetTypeID()) {
    *error = "IOReport: samples hold no IOReportChannels array";
    return false;
  }
  auto array = static_cast<CFArrayRef>(list);
  for (CFIndex i = 0; i < CFArrayGetCount(array); ++i) {
    auto item = static_cast<CFDictionaryRef>(CFArrayGetValueAtIndex(array, i));
    if (!item || CFGetTypeID(item) != CFDictionaryGetTypeID()) continue;
    const std::string group = CfString(api_->channel_get_group(item));
    const std::string subgroup = CfString(api_->channel_get_subgroup(item));
    const std::string name = CfString(api_->channel_get_name(item));
    if (group == "Energy Model") {
      if (!IsRailChannel(name)) continue;
      // The unit label is passed as read; src/core trims it before matching mJ/uJ/nJ.
      IoReportEnergyChannel e{group, subgroup, name, CfString(api_->channel_get_unit_label(item)),
                              api_->simple_get_integer(item, 0)};
      energy->push_back(std::move(e));
      continue;
    }
    const bool is_cpu = IsCpuStates(group, subgroup);
    if (!is_cpu && !IsGpuStates(group, subgroup)) continue;
    IoReportStateChannel s{group, subgroup, name, {}, {}};
    const int32_t n = api_->state_get_count(item);
    for (int32_t k = 0; k < n && k < 64; ++k) {
      s.state_names.push_back(CfString(api_->state_get_name(item, k)));
      s.state_ticks.push_back(api_->state_get_residency(item, k));
    }
    (is_cpu ? cpu : gpu)->push_back(std::move(s));
  }
  return true;
}

}  // namespace darwinmetrics
