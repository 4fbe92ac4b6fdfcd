// The one place cpp-httplib is included, so every translation unit sees the same
// configuration (a mismatch would be an ODR violation).
//
// No CPPHTTPLIB_ZLIB_SUPPORT on purpose: responses are never compressed on the fly.
// A compressed response that carries a secret next to reflected input (the token
// create response echoes the name) leaks the secret through its length (BREACH).
// Static assets are served precompressed instead (static_files.cpp).
#pragma once

#define CPPHTTPLIB_OPENSSL_SUPPORT
// poll() rather than select(): select() cannot watch a descriptor above 1023, and a
// server holding many connections gets there.
#define CPPHTTPLIB_USE_POLL
// A queue of pending connections deep enough for load tests and bursts.
#define CPPHTTPLIB_LISTEN_BACKLOG 256
// Headers: at most 64 of them, each line at most 8 KiB (the library answers 400).
#define CPPHTTPLIB_HEADER_MAX_COUNT 64
#define CPPHTTPLIB_HEADER_MAX_LENGTH 8192
#define CPPHTTPLIB_REQUEST_URI_MAX_LENGTH 8192

#include <httplib.h>
