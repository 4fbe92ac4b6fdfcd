// Files only this process's user may read: the token-hashing key and the initial admin
// password in the data directory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

// Creates `path` with mode 0600 (replacing an existing file), writes `content`, and
// fsyncs it. Returns an empty string on success, else a one-line reason.
std::string write_private_file(const std::string &path, std::string_view content);

// Creates `path` with mode 0600 only if it does not exist yet (O_EXCL). Returns an
// empty string on success, else a one-line reason ("... exists" when it does).
std::string create_private_file(const std::string &path, std::string_view content);

// The whole file, or nullopt when it cannot be read. At most `max_bytes` + 1 bytes are
// read, so the caller can tell an oversized file.
std::optional<std::string> read_small_file(const std::string &path, std::size_t max_bytes);

}  // namespace hawzu::server
