// GET /api/v1/openapi.json: the OpenAPI 3.1 description of this API (docs/product.md#hawzu-api).
// No authentication: it describes the API, not anyone's data.
#include "http/openapi_document.h"
#include "http/routes.h"

namespace hawzu::server {

void register_openapi_routes(RouteTable &api, App &) {
  api.get("/api/v1/openapi.json", [](const httplib::Request &, httplib::Response &response) {
    const std::string_view document = openapi_document();
    response.set_content(document.data(), document.size(), "application/json");
  });
}

}  // namespace hawzu::server
