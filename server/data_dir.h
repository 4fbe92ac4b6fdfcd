// The data directory: where the SQLite database, the token-hashing key and the
// initial admin password live. Created with mode 0700 when missing.
#pragma once

#include <string>

namespace hawzu::server {

// Makes sure `path` is a directory this process can create files in. Returns an empty
// string on success, else a one-line reason ("... is not a directory").
std::string prepare_data_dir(const std::string &path);

}  // namespace hawzu::server
