// Native leak check for the Linux backend, run by scripts/leak.mjs (npm run test:leak): takes
// <samples> full samples of <root> in one backend and prints the heap bytes in use (glibc
// mallinfo2) after the first fifth and at the end as JSON. Built twice: plain, for the in-use
// figures, and with -fsanitize=address, whose LeakSanitizer fails the run on any leak at exit.
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "../src/backend.h"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  darwinmetrics::Options options;
  options.root = argv[1];
  const int samples = atoi(argv[2]);
  std::string error;
  auto backend = darwinmetrics::CreateBackend(options, &error);
  if (!backend || samples < 5) return 2;
  darwinmetrics::SectionSet all;
  all.set();
  size_t warm = 0;
  for (int i = 1; i <= samples; ++i) {
    darwinmetrics::RawSnapshotData data;
    backend->Sample(all, &data);
    if (i == samples / 5) warm = mallinfo2().uordblks;
  }
  printf("{\"warmInUseBytes\": %zu, \"endInUseBytes\": %zu}\n", warm, mallinfo2().uordblks);
  return 0;
}
