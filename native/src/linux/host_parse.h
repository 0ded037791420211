// Parsers for etc/os-release and proc/uptime.
#ifndef DARWINMETRICS_LINUX_HOST_PARSE_H_
#define DARWINMETRICS_LINUX_HOST_PARSE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace darwinmetrics {

// os-release(5): KEY=value lines, values optionally in single or double quotes with shell-style
// backslash escapes inside double quotes; '#' comments and blank lines ignored.
std::map<std::string, std::string> ParseOsRelease(std::string_view text);

// proc/uptime: "12345.67 54321.00" → seconds since boot.
std::optional<double> ParseUptime(std::string_view text);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_LINUX_HOST_PARSE_H_
