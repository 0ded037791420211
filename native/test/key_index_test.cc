// Unit test for native/src/darwin/key_index.h (the SMC key index), run by
// test/native/key-index.test.ts: a busy SMC that fails some key-at-index reads must not hide those
// keys for the life of the process. Prints "ok" or the first failed check, exit status 0 or 1.
#include <cstdio>
#include <set>
#include <string>

#include "darwin/key_index.h"

namespace {

int failures = 0;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  using darwinmetrics::KeyIndex;
  const std::string names[] = {"#KEY", "TB0T", "F0Ac", "PSTR"};

  // First pass: index 1 and 3 fail (busy SMC); second pass: they read.
  KeyIndex index;
  Check(!index.sized() && index.keys().empty(), "starts empty and unsized");
  index.Resize(4);
  std::set<unsigned> failing = {1, 3};
  auto read = [&](uint32_t i, std::string* out) {
    if (failing.count(i) != 0) return false;
    *out = names[i];
    return true;
  };
  index.Fill(read);
  Check(!index.complete(), "incomplete while entries failed");
  Check(index.keys().size() == 2 && index.keys()[0] == "#KEY" && index.keys()[1] == "F0Ac",
        "keeps what was read, in index order");
  failing.clear();
  int reads = 0;
  index.Fill([&](uint32_t i, std::string* out) {
    ++reads;
    return read(i, out);
  });
  Check(reads == 2, "asks again only for the entries that failed");
  Check(index.complete(), "complete once every entry was read");
  Check(index.keys().size() == 4 && index.keys()[1] == "TB0T" && index.keys()[3] == "PSTR",
        "the failed keys are found on the retry, in index order");
  index.Resize(99);
  Check(index.keys().size() == 4, "a second #KEY does not resize");

  // An entry the SMC never answers for is given up after kMaxAttempts reads.
  KeyIndex stuck;
  stuck.Resize(2);
  int tries = 0;
  for (int pass = 0; pass < 10 && !stuck.complete(); ++pass) {
    stuck.Fill([&](uint32_t i, std::string* out) {
      if (i == 1) {
        ++tries;
        return false;
      }
      *out = "TC0P";
      return true;
    });
  }
  Check(stuck.complete() && tries == KeyIndex::kMaxAttempts, "gives up after kMaxAttempts");
  Check(stuck.keys().size() == 1, "a given-up entry is left out");

  KeyIndex huge;
  huge.Resize(0xffffffffu);
  int asked = 0;
  huge.Fill([&](uint32_t, std::string* out) {
    ++asked;
    *out = "Tp01";
    return true;
  });
  Check(asked == static_cast<int>(KeyIndex::kMaxKeys), "an absurd #KEY is capped");

  if (failures == 0) std::printf("ok\n");
  return failures == 0 ? 0 : 1;
}
