#include "ioreport.h"

#include <dlfcn.h>

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

}  // namespace

IoReport::~IoReport() {
  if (subscribed_) CFRelease(subscribed_);
  if (subscription_) CFRelease(static_cast<CFTypeRef>(subscription_));
  delete api_;
  // The library stays loaded: other samplers may hold pointers into it.
}

bool IoReport::Ensure(std::string* error) {
  if (tried_) {
    if (!subscription_) *error = error_;
    return subscription_ != nullptr;
  }
  tried_ = true;
  lib_ = dlopen("/usr/lib/libIOReport.dylib", RTLD_LAZY | RTLD_LOCAL);
  if (!lib_) {
    error_ = "IOReport: /usr/lib/libIOReport.dylib cannot be loaded";
    *error = error_;
    return false;
  }
  auto* api = new Api();
  bool ok = Resolve(lib_, "IOReportCopyChannelsInGroup", &api->copy_channels_in_group, &error_) &&
            Resolve(lib_, "IOReportMergeChannels", &api->merge_channels, &error_) &&
            Resolve(lib_, "IOReportCreateSubscription", &api->create_subscription, &error_) &&
            Resolve(lib_, "IOReportCreateSamples", &api->create_samples, &error_) &&
            Resolve(lib_, "IOReportChannelGetGroup", &api->channel_get_group, &error_) &&
            Resolve(lib_, "IOReportChannelGetSubGroup", &api->channel_get_subgroup, &error_) &&
            Resolve(lib_, "IOReportChannelGetChannelName", &api->channel_get_name, &error_) &&
            Resolve(lib_, "IOReportChannelGetUnitLabel", &api->channel_get_unit_label, &error_) &&
            Resolve(lib_, "IOReportSimpleGetIntegerValue", &api->simple_get_integer, &error_) &&
            Resolve(lib_, "IOReportStateGetCount", &api->state_get_count, &error_) &&
            Resolve(lib_, "IOReportStateGetNameForIndex", &api->state_get_name, &error_) &&
            Resolve(lib_, "IOReportStateGetResidency", &api->state_get_residency, &error_);
  if (!ok) {
    delete api;
    *error = error_;
    return false;
  }
  api_ = api;

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
    error_ = "IOReport: no Energy Model, CPU Stats or GPU Stats channels on this machine";
    *error = error_;
    return false;
  }
  subscription_ = api_->create_subscription(nullptr, merged, &subscribed_, 0, nullptr);
  CFRelease(merged);
  if (!subscription_ || !subscribed_) {
    error_ = "IOReport: IOReportCreateSubscription failed";
    *error = error_;
    return false;
  }
  return true;
}

bool IoReport::Sample(std::vector<IoReportStateChannel>* cpu,
                      std::vector<IoReportStateChannel>* gpu,
                      std::vector<IoReportEnergyChannel>* energy, std::string* error) {
  if (!Ensure(error)) return false;
  CfRef samples(api_->create_samples(subscription_, subscribed_, nullptr));
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
      IoReportEnergyChannel e{group, subgroup, name, CfString(api_->channel_get_unit_label(item)),
                              api_->simple_get_integer(item, 0)};
      energy->push_back(std::move(e));
      continue;
    }
    const bool is_cpu = group == "CPU Stats" && (subgroup == "CPU Complex Performance States" ||
                                                 subgroup == "CPU Core Performance States");
    const bool is_gpu = group == "GPU Stats" && subgroup == "GPU Performance States";
    if (!is_cpu && !is_gpu) continue;
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
