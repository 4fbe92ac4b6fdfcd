// base64url without padding (RFC 4648 §5): the one text form of the session id in its
// cookie and of the opaque list cursors, safe in a URL and a cookie as is. Decoding
// accepts only the alphabet A-Z a-z 0-9 - _ and one spelling per byte string (libsodium
// refuses non-zero trailing bits). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

std::string encode_base64url(const unsigned char *bytes, std::size_t size);
std::string encode_base64url(std::string_view bytes);

// Decodes `text` into out[0, capacity): the number of bytes written, or nullopt when
// `text` is not base64url or decodes to more than `capacity` bytes. On failure `out`
// may hold part of the decoding; a caller that decodes a secret wipes it either way.
std::optional<std::size_t> decode_base64url(std::string_view text, unsigned char *out,
                                            std::size_t capacity);

// The decoded bytes of `text`, or nullopt when it is not base64url.
std::optional<std::string> decode_base64url(std::string_view text);

}  // namespace hawzu::server
