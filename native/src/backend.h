// The per-OS backend interface. Each OS implements CreateBackend in
// native/src/<os>/backend_<os>.cc. A backend keeps its state (open directories, handles, caches of
// static facts) across samples; Sample() runs on a libuv worker thread, never two at once for one
// backend.
#ifndef DARWINMETRICS_BACKEND_H_
#define DARWINMETRICS_BACKEND_H_

#include <memory>
#include <string>

#include "raw.h"

namespace darwinmetrics {

struct Options {
  // Folder holding proc/, sys/ and etc/ ("/" for the live machine). Always ends without a slash
  // except for "/" itself. Ignored on macOS.
  std::string root = "/";
};

class Backend {
 public:
  virtual ~Backend();
  // Fills every requested section of `out` (marking it requested) with a value or an error.
  // Never throws: a missing or malformed source is a section error.
  virtual void Sample(const SectionSet& sections, RawSnapshotData* out) = 0;
};

// nullptr with `*error` set when the backend cannot start at all.
std::unique_ptr<Backend> CreateBackend(const Options& options, std::string* error);

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_BACKEND_H_
