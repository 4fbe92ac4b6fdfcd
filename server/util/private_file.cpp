#include "util/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hawzu::server {
namespace {

std::string write_all_and_close(int fd, const std::string &path, std::string_view content) {
  const char *data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      std::string reason = "cannot write " + path + ": " + std::strerror(errno);
      ::close(fd);
      return reason;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  // Durable before anything depends on it (a key lost after a crash would orphan
  // every token hashed with it).
  if (::fsync(fd) != 0) {
    std::string reason = "cannot sync " + path + ": " + std::strerror(errno);
    ::close(fd);
    return reason;
  }
  ::close(fd);
  return {};
}

}  // namespace

std::string write_private_file(const std::string &path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return "cannot create " + path + ": " + std::strerror(errno);
  // An existing file keeps its old mode through O_CREAT: tighten it.
  ::fchmod(fd, 0600);
  return write_all_and_close(fd, path, content);
}

std::string create_private_file(const std::string &path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return path + " exists";
    return "cannot create " + path + ": " + std::strerror(errno);
  }
  return write_all_and_close(fd, path, content);
}

std::optional<std::string> read_small_file(const std::string &path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  std::string content;
  char buffer[512];
  while (content.size() <= max_bytes) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return content;
}

}  // namespace hawzu::server
