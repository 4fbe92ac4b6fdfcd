#include "static_files.h"

#include <sys/stat.h>

#include <string>
#include <string_view>

namespace hawzu::server {
namespace {

std::string_view mime_type_for(std::string_view path) {
  auto dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "wasm") return "application/wasm";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "ttf") return "font/ttf";
  if (ext == "otf") return "font/otf";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// A request path is served only if every segment is a plain name: letters, digits,
// '-', '_' and '.', not starting with '.'. This rules out traversal, hidden files and
// encoded tricks (httplib has already percent-decoded the path).
bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.size() > 200) return false;
  bool segment_start = true;
  for (char c : path) {
    if (c == '/') {
      if (segment_start) return false;  // empty segment
      segment_start = true;
      continue;
    }
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
    if (!plain || (segment_start && c == '.')) return false;
    segment_start = false;
  }
  return !segment_start;
}

bool regular_file_stat(const std::filesystem::path &path, struct stat &info) {
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool accepts_gzip(const httplib::Request &request) {
  // Good enough for real browsers, which all send "gzip" without q=0.
  const auto &accept = request.get_header_value("Accept-Encoding");
  return accept.find("gzip") != std::string::npos && accept.find("gzip;q=0") == std::string::npos;
}

}  // namespace

bool StaticSite::is_usable() const {
  struct stat info {};
  return regular_file_stat(root_ / "index.html", info);
}

bool StaticSite::serve(const httplib::Request &request, httplib::Response &response) const {
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  if (!relative.empty() && relative.back() == '/') relative.pop_back();
  if (!is_safe_relative_path(relative)) return false;

  // A directory is served by its index.html ("/api/reference").
  std::filesystem::path plain = root_ / relative;
  struct stat plain_info {};
  if (::stat(plain.c_str(), &plain_info) == 0 && S_ISDIR(plain_info.st_mode)) {
    relative += "/index.html";
    plain = root_ / relative;
  }
  if (!regular_file_stat(plain, plain_info)) return false;

  std::filesystem::path chosen = plain;
  struct stat chosen_info = plain_info;
  bool gzipped = false;
  if (accepts_gzip(request)) {
    std::filesystem::path compressed = plain;
    compressed += ".gz";
    struct stat compressed_info {};
    // A stale .gz (older than its source) is never served.
    if (regular_file_stat(compressed, compressed_info) &&
        compressed_info.st_mtime >= plain_info.st_mtime) {
      chosen = compressed;
      chosen_info = compressed_info;
      gzipped = true;
    }
  }

  const std::string etag = "\"" + std::to_string(chosen_info.st_size) + "-" +
                           std::to_string(static_cast<long long>(chosen_info.st_mtime)) +
                           (gzipped ? "-gz\"" : "\"");
  response.set_header("ETag", etag);
  response.set_header("Vary", "Accept-Encoding");
  // File names are not content-hashed, so the browser must revalidate (cheap: 304). Under
  // /api the server adds "no-store" to every answer instead.
  if (request.path.rfind("/api/", 0) != 0) response.set_header("Cache-Control", "no-cache");
  if (request.get_header_value("If-None-Match") == etag) {
    response.status = 304;
    return true;
  }
  if (gzipped) response.set_header("Content-Encoding", "gzip");
  response.set_file_content(chosen.string(), std::string(mime_type_for(relative)));
  return true;
}

}  // namespace hawzu::server
