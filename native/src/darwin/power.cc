// power: IOPS power sources (percent, charging, times), the external adapter, the
// AppleSmartBattery registry dictionary and the thermal pressure level. Raw dictionaries go to
// TypeScript (src/shared/darwin/battery.ts), which knows the units and the Intel/Apple Silicon
// differences.
#include <IOKit/ps/IOPSKeys.h>
#include <IOKit/ps/IOPowerSources.h>
#include <notify.h>

#include "cf.h"
#include "readers.h"

namespace darwinmetrics {

namespace {

std::optional<DarwinValue> SmartBatteryProperties() {
  IoRef service(
      IOServiceGetMatchingService(kIOMainPortDefault, IOServiceMatching("AppleSmartBattery")));
  if (!service.get()) return std::nullopt;
  CFMutableDictionaryRef props = nullptr;
  if (IORegistryEntryCreateCFProperties(service.get(), &props, kCFAllocatorDefault, 0) !=
          KERN_SUCCESS ||
      !props) {
    return std::nullopt;
  }
  CfRef hold(props);
  // Depth 2 keeps AdapterDetails and the like, and skips BatteryData's large nested tables.
  return CfToValue(props, 2);
}

// notify_get_state("com.apple.system.thermalpressurelevel"): 0 nominal … 4 sleeping. A token per
// call (register, read, cancel) keeps concurrent samplers on worker threads independent.
std::optional<int> ThermalPressureState() {
  int token = -1;
  if (notify_register_check("com.apple.system.thermalpressurelevel", &token) != NOTIFY_STATUS_OK)
    return std::nullopt;
  uint64_t state = 0;
  const bool ok = notify_get_state(token, &state) == NOTIFY_STATUS_OK;
  notify_cancel(token);
  if (!ok) return std::nullopt;
  return static_cast<int>(state);
}

}  // namespace

void ReadPower(SectionResult<RawPower>* out, DarwinExtras* extras) {
  out->Ok();  // source stays "unknown" and the lists empty: normalizeDarwin fills them from extras
  extras->thermal_pressure_state = ThermalPressureState();
  CfRef info(IOPSCopyPowerSourcesInfo());
  if (!info) return;  // no power-source information at all: source stays "unknown"
  if (CFStringRef providing = IOPSGetProvidingPowerSourceType(info.get())) {
    extras->providing_source = CfString(providing);
  }
  CfRef list(IOPSCopyPowerSourcesList(info.get()));
  std::vector<BatterySource> batteries;
  if (list && CFGetTypeID(list.get()) == CFArrayGetTypeID()) {
    auto array = static_cast<CFArrayRef>(list.get());
    for (CFIndex i = 0; i < CFArrayGetCount(array); ++i) {
      CFDictionaryRef desc =
          IOPSGetPowerSourceDescription(info.get(), CFArrayGetValueAtIndex(array, i));
      if (!desc) continue;
      const auto type = CfGetString(desc, kIOPSTypeKey);
      if (!type || *type != kIOPSInternalBatteryType) continue;
      std::optional<DarwinValue> ips = CfToValue(desc, 2);
      if (!ips) continue;
      BatterySource b;
      b.ips = std::move(*ips);
      batteries.push_back(std::move(b));
    }
  }
  if (!batteries.empty()) {
    // One internal battery on every Mac laptop; the registry entry belongs to it.
    batteries.front().registry = SmartBatteryProperties();
    extras->batteries = std::move(batteries);
  } else {
    extras->batteries = std::vector<BatterySource>();
  }
  CfRef adapter(IOPSCopyExternalPowerAdapterDetails());
  if (adapter && CFGetTypeID(adapter.get()) == CFDictionaryGetTypeID())
    extras->adapter = CfToValue(adapter.get(), 1);
}

}  // namespace darwinmetrics
