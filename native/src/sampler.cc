#include "sampler.h"

#include <time.h>

#include <string>
#include <utility>

#include "to_js.h"

namespace darwinmetrics {

namespace {

double ClockMs(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ClockNs(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

}  // namespace

// The baton: what one sample needs, copied out of JS before the worker starts.
struct SampleBaton {
  SectionSet sections;
  RawSnapshotData data;
};

class SampleWorker : public Napi::AsyncWorker {
 public:
  SampleWorker(Napi::Env env, Sampler* owner, Napi::Object owner_js,
               std::shared_ptr<Backend> backend, SectionSet sections)
      : Napi::AsyncWorker(env, "darwinmetrics:sample"),
        deferred_(Napi::Promise::Deferred::New(env)),
        owner_(owner),
        backend_(std::move(backend)) {
    baton_.sections = sections;
    // Keeps the Sampler object alive while this sample is queued or running.
    owner_ref_ = Napi::Persistent(owner_js);
  }

  Napi::Promise Promise() const { return deferred_.Promise(); }

  // The Sampler is being destroyed (environment teardown) while this sample is in flight: when it
  // completes it must not call back into the freed owner.
  void Detach() { owner_ = nullptr; }

  // Used by close() for samples that never started.
  void Abandon(const std::string& message) {
    deferred_.Reject(Napi::Error::New(Env(), message).Value());
  }

  // Execute() runs on the libuv worker: native work only, no JS.
  void Execute() override {
    baton_.data.t_ms = ClockMs(CLOCK_REALTIME);
    baton_.data.mono_ns = ClockNs(CLOCK_MONOTONIC);
    backend_->Sample(baton_.sections, &baton_.data);
  }

  // When the Sampler is gone (it only is at environment teardown, see ~Sampler), JS can no longer
  // run: settling the promise would throw out of this libuv callback and abort the process. The
  // sample is dropped and the worker deleted, as AsyncWorker would after OnOK.
  void OnWorkComplete(Napi::Env env, napi_status status) override {
    if (owner_ == nullptr) {
      backend_.reset();
      owner_ref_.Reset();
      Destroy();
      return;
    }
    Napi::AsyncWorker::OnWorkComplete(env, status);
  }

  void OnOK() override {
    Napi::Env env = Env();
    Napi::Value result;
    try {
      result = SnapshotToJs(env, baton_.data);
    } catch (const Napi::Error& err) {
      Settle(false, err.Value());
      Finish();
      return;
    }
    Settle(true, result);
    Finish();
  }

  void OnError(const Napi::Error& err) override {
    Settle(false, err.Value());
    Finish();
  }

 private:
  // Resolving or rejecting fails only when the environment is shutting down (a sample completing
  // during teardown, before the Sampler is finalized): nobody can observe the promise any more.
  void Settle(bool ok, Napi::Value value) {
    try {
      if (ok) {
        deferred_.Resolve(value);
      } else {
        deferred_.Reject(value);
      }
    } catch (const Napi::Error&) {
    }
  }

  void Finish() {
    backend_.reset();
    Sampler* owner = owner_;
    owner_ = nullptr;
    if (owner != nullptr) owner->OnWorkerDone();
    owner_ref_.Reset();
  }

  Napi::Promise::Deferred deferred_;
  Sampler* owner_;
  Napi::ObjectReference owner_ref_;
  std::shared_ptr<Backend> backend_;
  SampleBaton baton_;
};

Napi::Function Sampler::Init(Napi::Env env) {
  return DefineClass(env, "Sampler",
                     {
                         InstanceMethod<&Sampler::Sample>("sample"),
                         InstanceMethod<&Sampler::Close>("close"),
                         InstanceAccessor<&Sampler::IsClosed>("closed"),
                     });
}

Sampler::Sampler(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Sampler>(info) {
  Napi::Env env = info.Env();
  Options options;
  if (info.Length() > 0 && !info[0].IsUndefined()) {
    if (!info[0].IsObject()) throw Napi::TypeError::New(env, "options: expected an object");
    Napi::Value root = info[0].As<Napi::Object>().Get("root");
    if (!root.IsUndefined()) {
      if (!root.IsString()) throw Napi::TypeError::New(env, "root: expected a string");
      options.root = root.As<Napi::String>().Utf8Value();
      if (options.root.empty()) throw Napi::RangeError::New(env, "root: expected a non-empty path");
      while (options.root.size() > 1 && options.root.back() == '/') options.root.pop_back();
    }
  }
  std::string error;
  std::unique_ptr<Backend> backend = CreateBackend(options, &error);
  if (!backend) throw Napi::Error::New(env, "Sampler: " + error);
  backend_ = std::move(backend);
}

Napi::Value Sampler::Sample(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (closed_) throw Napi::Error::New(env, "Sampler: sample() called after close()");
  SectionSet sections;
  if (info.Length() == 0 || info[0].IsUndefined()) {
    sections.set();
  } else {
    if (!info[0].IsArray()) throw Napi::TypeError::New(env, "sections: expected an array of names");
    Napi::Array list = info[0].As<Napi::Array>();
    for (uint32_t i = 0; i < list.Length(); ++i) {
      Napi::Value item = list.Get(i);
      if (!item.IsString()) throw Napi::TypeError::New(env, "sections: expected strings");
      const std::string name = item.As<Napi::String>().Utf8Value();
      Section section;
      if (!SectionFromName(name, &section)) {
        throw Napi::RangeError::New(env, "sections: unknown section \"" + name + "\"");
      }
      sections.set(static_cast<int>(section));
    }
  }
  auto* worker = new SampleWorker(env, this, Value(), backend_, sections);
  Napi::Promise promise = worker->Promise();
  if (in_flight_ != nullptr) {
    queue_.push_back(worker);
  } else {
    in_flight_ = worker;
    worker->Queue();
  }
  return promise;
}

void Sampler::OnWorkerDone() {
  in_flight_ = nullptr;
  if (queue_.empty()) return;
  SampleWorker* next = queue_.front();
  queue_.pop_front();
  in_flight_ = next;
  next->Queue();
}

Sampler::~Sampler() {
  // Queued samples never started and nothing else owns them. Their promises are left pending:
  // JS cannot run during teardown, so they are deleted without rejecting them (their destructors
  // only release N-API handles: the unqueued async work and the reference to this object).
  for (SampleWorker* worker : queue_) delete worker;
  queue_.clear();
  // The one in flight is deleted by AsyncWorker after it completes (deleting it here too would
  // free it twice); it only has to forget its owner.
  if (in_flight_ != nullptr) in_flight_->Detach();
  in_flight_ = nullptr;
}

Napi::Value Sampler::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (closed_) throw Napi::Error::New(env, "Sampler: close() called twice");
  closed_ = true;
  // Queued samples never start; the one in flight keeps its own reference to the backend and
  // releases it when it settles.
  while (!queue_.empty()) {
    SampleWorker* worker = queue_.front();
    queue_.pop_front();
    worker->Abandon("Sampler: closed before this sample started");
    delete worker;
  }
  backend_.reset();
  return env.Undefined();
}

Napi::Value Sampler::IsClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), closed_);
}

}  // namespace darwinmetrics
