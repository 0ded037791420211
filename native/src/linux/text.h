// Small string_view helpers shared by the Linux text parsers (no I/O, no allocation).
#ifndef DARWINMETRICS_LINUX_TEXT_H_
#define DARWINMETRICS_LINUX_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace darwinmetrics {
namespace linux_text {

std::string_view Trim(std::string_view s);

// Pops the next line (without '\n') from *text; false at the end.
bool NextLine(std::string_view* text, std::string_view* line);

// Pops the next run of non-blank characters (spaces and tabs separate); false when none is left.
bool NextField(std::string_view* text, std::string_view* field);

// Whole-field parses: nullopt unless `s` (after trimming) is entirely a number.
std::optional<uint64_t> ParseU64(std::string_view s);
std::optional<int64_t> ParseI64(std::string_view s);
std::optional<double> ParseDouble(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);

// True when a directory entry's name is all decimal digits: a pid under proc, a descriptor under
// proc/<pid>/fd.
bool IsDecimalName(std::string_view name);

// The pid a proc entry names, or nullopt for the entries that are not processes (self, sys, ...)
// and for digit strings too long for a pid_t (pid_max is at most 2^22, proc(5)).
std::optional<int32_t> PidFromName(std::string_view name);

}  // namespace linux_text
}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_TEXT_H_
