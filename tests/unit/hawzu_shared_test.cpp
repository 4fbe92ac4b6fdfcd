// The umbrella header compiles on its own and declares every part of the shared library.
#include "shared/hawzu_shared.h"

#include <catch2/catch.hpp>

TEST_CASE("The umbrella header declares the whole shared library", "[hawzu_shared]") {
  CHECK(hawzu::wire_name(hawzu::WorkspaceRole::viewer) == "workspace_viewer");
  CHECK(hawzu::kTokenLength == 46);
  CHECK(hawzu::is_leap_year(2024));
  CHECK(hawzu::wire_name(hawzu::ExpiryKind::never) == "never");
  CHECK(hawzu::find_field_error({}, "name") == nullptr);
  CHECK(hawzu::wire_name(hawzu::AccessType::project) == "project");
  CHECK(hawzu::wire_name(hawzu::TokenStatus::expired) == "expired");
}
