// The JS-facing Sampler: owns one backend; sample() runs it on a libuv worker thread.
#ifndef DARWINMETRICS_SAMPLER_H_
#define DARWINMETRICS_SAMPLER_H_

#include <napi.h>

#include <deque>
#include <memory>

#include "backend.h"

namespace darwinmetrics {

class SampleWorker;

// new Sampler({ root?: string }); sample(sections?: string[]) → Promise; close().
// Samples of one Sampler never overlap: a sample() called while one is in flight is queued and
// starts when the previous one settles (a poller with a short interval gets ordered snapshots).
// close() rejects queued samples, lets the one in flight finish, and releases the backend when it
// has; any later call throws.
class Sampler : public Napi::ObjectWrap<Sampler> {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit Sampler(const Napi::CallbackInfo& info);
  // Runs from the wrapper's finalizer. Every worker holds a strong reference to this object, so
  // that only happens at environment teardown, possibly with samples still queued or in flight.
  ~Sampler() override;

  // Called by a worker when it has settled its promise.
  void OnWorkerDone();

 private:
  Napi::Value Sample(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosed(const Napi::CallbackInfo& info);

  std::shared_ptr<Backend> backend_;
  bool closed_ = false;
  // The sample running on the thread pool (owned and deleted by AsyncWorker once it completes),
  // and those waiting for it (owned here until queued to run or abandoned).
  SampleWorker* in_flight_ = nullptr;
  std::deque<SampleWorker*> queue_;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_SAMPLER_H_
