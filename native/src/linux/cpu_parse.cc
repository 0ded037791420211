#include "cpu_parse.h"

#include <set>

#include "text.h"

namespace darwinmetrics {

using namespace linux_text;

namespace {

// "cpu  301854 612 111922 8979004 3552 2 3944 0 44 36": user nice system idle iowait irq softirq
// steal guest guest_nice (proc(5)). Older kernels print fewer columns; missing ones stay 0. Guest
// time is already included in user and nice, so it is not added again.
bool ParseTicks(std::string_view rest, RawCpuTicks* t) {
  uint64_t* slots[] = {&t->user,   &t->nice, &t->system,  &t->idle,
                       &t->iowait, &t->irq,  &t->softirq, &t->steal};
  std::string_view field;
  int n = 0;
  for (uint64_t* slot : slots) {
    if (!NextField(&rest, &field)) break;
    const auto v = ParseU64(field);
    if (!v) return false;
    *slot = *v;
    ++n;
  }
  return n >= 4;  // user nice system idle exist on every 2.6+ kernel
}

}  // namespace

ProcStat ParseProcStat(std::string_view text) {
  ProcStat out;
  std::string_view line;
  while (NextLine(&text, &line)) {
    if (StartsWith(line, "cpu")) {
      std::string_view rest = line.substr(3);
      RawCpuTicks ticks;
      if (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
        if (!out.total && ParseTicks(rest, &ticks)) out.total = ticks;
        continue;
      }
      std::string_view id_text;
      if (!NextField(&rest, &id_text)) continue;
      const auto id = ParseU64(id_text);
      if (!id || *id > 1u << 20) continue;
      if (ParseTicks(rest, &ticks)) out.cores.emplace_back(static_cast<int>(*id), ticks);
    } else if (StartsWith(line, "btime ")) {
      out.btime = ParseU64(line.substr(6));
    } else if (StartsWith(line, "ctxt ")) {
      out.ctxt = ParseU64(line.substr(5));
    } else if (StartsWith(line, "intr ")) {
      // Only the first field, the total since boot; the per-IRQ columns that follow are not read.
      std::string_view rest = line.substr(5);
      std::string_view total;
      if (NextField(&rest, &total)) out.intr = ParseU64(total);
    }
  }
  return out;
}

bool ParseLoadavg(std::string_view text, double out[3]) {
  std::string_view field;
  for (int i = 0; i < 3; ++i) {
    if (!NextField(&text, &field)) return false;
    const auto v = ParseDouble(field);
    if (!v || *v < 0) return false;
    out[i] = *v;
  }
  return true;
}

CpuInfo ParseCpuinfo(std::string_view text) {
  CpuInfo out;
  std::set<std::pair<std::string, std::string>> cores;
  std::string physical_id, processor_model, hardware, implementer, part;
  int current = -1;
  std::string_view line;
  while (NextLine(&text, &line)) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "processor") {
      const auto id = ParseU64(value);
      if (id && *id < (1u << 20)) {
        current = static_cast<int>(*id);
        ++out.processors;
      } else if (processor_model.empty()) {
        processor_model = std::string(value);  // old arm: "Processor : ARMv7 Processor rev 4 (v7l)"
      }
    } else if (key == "model name" || key == "cpu model" || key == "uarch") {
      if (out.model.empty()) out.model = std::string(value);
    } else if (key == "Processor") {
      if (processor_model.empty()) processor_model = std::string(value);
    } else if (key == "Hardware") {
      hardware = std::string(value);
    } else if (key == "vendor_id") {
      if (!out.vendor) out.vendor = std::string(value);
    } else if (key == "CPU implementer") {
      if (implementer.empty()) implementer = std::string(value);
    } else if (key == "CPU part") {
      if (part.empty()) part = std::string(value);
    } else if (key == "cpu MHz") {
      const auto mhz = ParseDouble(value);
      if (mhz && current >= 0) out.mhz.emplace_back(current, *mhz);
    } else if (key == "physical id") {
      physical_id = std::string(value);
    } else if (key == "core id") {
      cores.emplace(physical_id, std::string(value));
    }
  }
  if (out.model.empty()) out.model = processor_model;
  if (out.model.empty()) out.model = hardware;
  if (out.model.empty() && !implementer.empty()) {
    out.model = "implementer " + implementer + (part.empty() ? "" : " part " + part);
  }
  if (!out.vendor && !implementer.empty()) out.vendor = implementer;
  out.physical_cores = static_cast<int>(cores.size());
  return out;
}

std::vector<int> ParseCpuList(std::string_view text) {
  std::vector<int> out;
  text = Trim(text);
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const size_t dash = part.find('-');
    const auto lo = ParseU64(part.substr(0, dash));
    const auto hi = dash == std::string_view::npos ? lo : ParseU64(part.substr(dash + 1));
    if (!lo || !hi || *lo > *hi || *hi > (1u << 16) || out.size() + (*hi - *lo) > (1u << 16)) {
      return {};
    }
    for (uint64_t i = *lo; i <= *hi; ++i) out.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace darwinmetrics
