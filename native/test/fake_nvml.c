/*
 * A stand-in for NVIDIA's libnvidia-ml.so.1, for tests only (never built into the addon or shipped):
 * one device whose NVML answers the calls the addon makes, so the addon's real dlopen / dlsym path
 * and its NVML protocol (count first, then fill; samples newer than a timestamp) run on a machine
 * without an NVIDIA GPU. Signatures follow NVIDIA's NVML API reference
 * (https://docs.nvidia.com/deploy/nvml-api/).
 *
 * FAKE_NVML_PID: the pid the samples and process lists name (the test's own process).
 * FAKE_NVML_MODE: "ok" (default), "unsupported" (per-process queries answer NOT_SUPPORTED) or
 * "idle" (no process samples). FAKE_NVML_DEVICE_UTIL: the device's GPU utilisation, % (default 0).
 */
#include <stdlib.h>
#include <string.h>

enum { SUCCESS = 0, NOT_SUPPORTED = 3, NOT_FOUND = 6, INSUFFICIENT_SIZE = 7 };

typedef struct {
  unsigned int pid;
  unsigned long long time_stamp;
  unsigned int sm, mem, enc, dec;
} sample_t;

typedef struct {
  unsigned int pid;
  unsigned long long used_gpu_memory;
  unsigned int gpu_instance_id, compute_instance_id;
} process_t;

static int device_token;

static unsigned int fake_pid(void) {
  const char* pid = getenv("FAKE_NVML_PID");
  return pid ? (unsigned int)strtoul(pid, NULL, 10) : 1;
}

static int mode_is(const char* name) {
  const char* mode = getenv("FAKE_NVML_MODE");
  return mode && strcmp(mode, name) == 0;
}

static int unsupported(void) { return mode_is("unsupported"); }

int nvmlInit_v2(void) { return SUCCESS; }
int nvmlShutdown(void) { return SUCCESS; }

int nvmlDeviceGetCount_v2(unsigned int* count) {
  *count = 1;
  return SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void** device) {
  if (index != 0) return 2; /* NVML_ERROR_INVALID_ARGUMENT */
  *device = &device_token;
  return SUCCESS;
}

int nvmlDeviceGetName(void* device, char* name, unsigned int length) {
  (void)device;
  strncpy(name, "Fake NVML GPU", length);
  return SUCCESS;
}

/*
 * A timeline of samples, each call giving those newer than the timestamp it is passed: at 0.5 s
 * and 1 s of fake time the test's pid (SM 40 % then 60 %, encoder 10 %) and pid 1 (SM 12 %);
 * after that two samples of the test's pid per second, pid 1 idle. Mode "idle" has no samples at
 * all (NOT_FOUND), with the device's own utilisation from FAKE_NVML_DEVICE_UTIL.
 */
int nvmlDeviceGetProcessUtilization(void* device, sample_t* out, unsigned int* count,
                                    unsigned long long last_seen) {
  (void)device;
  if (unsupported()) return NOT_SUPPORTED;
  if (mode_is("idle")) return NOT_FOUND;
  const unsigned long long base = last_seen < 1000000ULL ? 0 : last_seen;
  sample_t timeline[3];
  unsigned int n = 0;
  const sample_t a = {fake_pid(), base + 500000, 40, 5, 10, 0};
  const sample_t b = {fake_pid(), base + 1000000, 60, 5, 10, 0};
  const sample_t parent = {1, base + 1000000, 12, 0, 0, 0};
  timeline[n++] = a;
  timeline[n++] = b;
  if (base == 0) timeline[n++] = parent;
  if (out == NULL || *count < n) {
    *count = n;
    return INSUFFICIENT_SIZE;
  }
  memcpy(out, timeline, n * sizeof(sample_t));
  *count = n;
  return SUCCESS;
}

int nvmlDeviceGetUtilizationRates(void* device, unsigned int* rates) {
  (void)device;
  const char* util = getenv("FAKE_NVML_DEVICE_UTIL");
  rates[0] = util ? (unsigned int)strtoul(util, NULL, 10) : 0; /* gpu */
  rates[1] = 0;                                                 /* memory */
  return SUCCESS;
}

/* Compute: the test's pid with 512 MiB on two MIG instances (256 MiB each). */
static int compute(unsigned int* count, process_t* out) {
  if (unsupported()) return NOT_SUPPORTED;
  if (out == NULL || *count < 2) {
    *count = 2;
    return INSUFFICIENT_SIZE;
  }
  const process_t a = {fake_pid(), 256ULL << 20, 1, 0};
  const process_t b = {fake_pid(), 256ULL << 20, 2, 0};
  out[0] = a;
  out[1] = b;
  *count = 2;
  return SUCCESS;
}

/* Graphics: the test's pid again (its whole memory, counted once) and pid 1 with no figure. */
static int graphics(unsigned int* count, process_t* out) {
  if (unsupported()) return NOT_SUPPORTED;
  if (out == NULL || *count < 2) {
    *count = 2;
    return INSUFFICIENT_SIZE;
  }
  const process_t a = {fake_pid(), 512ULL << 20, 0, 0};
  const process_t b = {1, ~0ULL, 0, 0}; /* NVML_VALUE_NOT_AVAILABLE */
  out[0] = a;
  out[1] = b;
  *count = 2;
  return SUCCESS;
}

int nvmlDeviceGetComputeRunningProcesses_v3(void* device, unsigned int* count, process_t* out) {
  (void)device;
  return compute(count, out);
}

int nvmlDeviceGetGraphicsRunningProcesses_v3(void* device, unsigned int* count, process_t* out) {
  (void)device;
  return graphics(count, out);
}
