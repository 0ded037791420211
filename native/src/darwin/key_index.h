// The SMC key index: #KEY says how many keys there are, then each key's name is read by its
// index. A busy SMC can fail any one of those calls; a failed entry is asked for again on later
// calls (up to kMaxAttempts times) instead of being dropped for the life of the process, and the
// index is complete only once every entry was read or given up. Platform-neutral, so
// native/test/key_index_test.cc runs it on any machine.
#ifndef DARWINMETRICS_DARWIN_KEY_INDEX_H_
#define DARWINMETRICS_DARWIN_KEY_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

namespace darwinmetrics {

class KeyIndex {
 public:
  // An entry that failed this many reads is given up (an index the SMC never answers for).
  static constexpr uint8_t kMaxAttempts = 5;
  // The most keys an SMC is taken to have (#KEY = 2409 on an M2 Max: dkorunic/iSMC
  // internal/reports/report-m2-max.txt).
  static constexpr uint32_t kMaxKeys = 10000;

  bool sized() const { return sized_; }
  // Sizes the index from #KEY; only the first call counts.
  void Resize(uint32_t count) {
    if (sized_) return;
    sized_ = true;
    const uint32_t n = count < kMaxKeys ? count : kMaxKeys;
    names_.assign(n, std::string());
    attempts_.assign(n, 0);
  }

  // Reads every entry still missing with read(index, &name) -> bool, then rebuilds keys().
  template <typename Read>
  void Fill(Read read) {
    complete_ = sized_;
    for (uint32_t i = 0; i < names_.size(); ++i) {
      if (!names_[i].empty() || attempts_[i] >= kMaxAttempts) continue;
      ++attempts_[i];
      std::string name;
      if (read(i, &name) && !name.empty()) {
        names_[i] = std::move(name);
      } else if (attempts_[i] < kMaxAttempts) {
        complete_ = false;
      }
    }
    keys_.clear();
    for (const std::string& name : names_) {
      if (!name.empty()) keys_.push_back(name);
    }
  }

  // True once every entry was read or given up: keys() is then final.
  bool complete() const { return complete_; }
  // The names read so far, in index order.
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  bool sized_ = false;
  bool complete_ = false;
  std::vector<std::string> names_;
  std::vector<uint8_t> attempts_;
  std::vector<std::string> keys_;
};

}  // namespace darwinmetrics

#endif  // DARWINMETRICS_DARWIN_KEY_INDEX_H_
