// A request's progress as the UI shows it.
#pragma once

#include <string>

namespace hawzu {

struct LoadState {
  bool loading = false;
  bool loaded = false;
  std::string error;  // a sentence for the person; empty when fine
};

}  // namespace hawzu
