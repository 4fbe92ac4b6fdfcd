// Serves the assembled web app (index.html, app.js, app.wasm, fonts, ...) from one
// directory, with the right MIME types, precompressed .gz variants when the browser
// accepts gzip, and ETag revalidation.
//
// Only plain file names below the root are served: no dot segments, no hidden files,
// nothing outside a small character set. Thread-safe (reads the file system only).
#pragma once

#include "httplib_config.h"

#include <filesystem>

namespace hawzu::server {

class StaticSite {
 public:
  explicit StaticSite(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path &root() const { return root_; }

  // True when the root holds an index.html.
  bool is_usable() const;

  // Answers a GET/HEAD for `request.path`. Returns false when there is no such file
  // (the caller answers 404).
  bool serve(const httplib::Request &request, httplib::Response &response) const;

 private:
  std::filesystem::path root_;
};

}  // namespace hawzu::server
