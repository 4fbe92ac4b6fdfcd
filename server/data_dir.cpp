#include "data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace hawzu::server {

std::string prepare_data_dir(const std::string &path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::exists(path, error)) {
    fs::create_directories(path, error);
    if (error) return "cannot create " + path + ": " + error.message();
    ::chmod(path.c_str(), 0700);
  }
  if (!fs::is_directory(path, error)) return path + " is not a directory";

  // access(2) says yes to root even on a read-only file system: really create a file.
  const std::string probe = path + "/.write-test";
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return "cannot write in " + path + ": " + std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return {};
}

}  // namespace hawzu::server
