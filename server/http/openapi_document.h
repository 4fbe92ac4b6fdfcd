// The OpenAPI 3.1 description of the API (server/api/openapi.json), compiled into the
// binary: CMake turns the file into openapi_document.cpp at build time
// (cmake/embed_text.cmake) and refuses to build when it is not valid JSON. Served at
// GET /api/v1/openapi.json; a unit test checks that it describes exactly the routes the
// server registers.
#pragma once

#include <string_view>

namespace hawzu::server {

// The document's text, as in the repository.
std::string_view openapi_document();

}  // namespace hawzu::server
