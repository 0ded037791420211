// Parsers for proc/meminfo and proc/pressure/* (PSI).
#ifndef DARWINMETRICS_LINUX_MEMORY_PARSE_H_
#define DARWINMETRICS_LINUX_MEMORY_PARSE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "../raw.h"

namespace darwinmetrics {

// proc/meminfo "Key:   value kB" lines → key → bytes ("kB" is KiB, fs/proc/meminfo.c shows
// K(x) = x << (PAGE_SHIFT - 10)). Lines without a number are skipped; values without a unit
// (HugePages_Total...) are kept as they are.
std::map<std::string, uint64_t> ParseMeminfo(std::string_view text);

// proc/pressure/<resource>: "some avg10=0.00 avg60=0.00 avg300=0.00 total=0" and optionally a
// "full ..." line (Documentation/accounting/psi.rst). False without a well-formed "some" line.
bool ParsePsi(std::string_view text, RawPsi* out);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_MEMORY_PARSE_H_
