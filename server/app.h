// Everything the HTTP routes need, built once at start-up by main() and shared by all
// request threads. Members are either immutable after start-up or thread-safe.
#pragma once

#include "cli_options.h"
#include "http/static_files.h"

namespace hawzu::server {

struct App {
  ServerOptions options;
  StaticSite site;
};

}  // namespace hawzu::server
