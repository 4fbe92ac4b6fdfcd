// The OpenAPI document (server/api/openapi.json, compiled in) against the routes the
// server really registers: every (method, path template) the RouteTable holds must be
// described, and the document must describe no route the server does not answer.
// A route added without documenting it fails here.
#include "app.h"
#include "http/http_server.h"
#include "http/openapi_document.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>

using namespace hawzu::server;

namespace {

using RouteKey = std::pair<std::string, std::string>;  // method, path template

std::set<RouteKey> registered_routes() {
  // Registering routes needs only the App's address: handlers use it per request.
  App app{ServerOptions{}, StaticSite{"."}};
  std::string error;
  HttpServer http = make_http_server(app, HttpLimits{}, error);
  REQUIRE(http.server);
  std::set<RouteKey> routes;
  for (const RouteSpec &route : http.api_routes->routes())
    routes.insert({route.method, route.path_template});
  return routes;
}

std::set<RouteKey> documented_routes(const nlohmann::json &document) {
  std::set<RouteKey> routes;
  for (const auto &path : document.at("paths").items())
    for (const auto &operation : path.value().items()) {
      std::string method = operation.key();
      if (method == "parameters" || method == "summary" || method == "description") continue;
      std::transform(method.begin(), method.end(), method.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      routes.insert({method, path.key()});
    }
  return routes;
}

nlohmann::json parsed_document() {
  return nlohmann::json::parse(openapi_document());
}

}  // namespace

TEST_CASE("the OpenAPI document is OpenAPI 3.1 JSON with both security schemes") {
  const nlohmann::json document = parsed_document();
  CHECK(document.at("openapi").get<std::string>().rfind("3.1.", 0) == 0);
  const nlohmann::json &schemes = document.at("components").at("securitySchemes");
  CHECK(schemes.at("bearerAuth").at("type") == "http");
  CHECK(schemes.at("bearerAuth").at("scheme") == "bearer");
  CHECK(schemes.at("cookieAuth").at("type") == "apiKey");
  CHECK(schemes.at("cookieAuth").at("in") == "cookie");
  CHECK(schemes.at("cookieAuth").at("name") == "hawzu_session");
  CHECK(document.at("components").at("schemas").contains("Problem"));
}

TEST_CASE("every route the server registers is in the OpenAPI document") {
  const std::set<RouteKey> documented = documented_routes(parsed_document());
  for (const RouteKey &route : registered_routes()) {
    INFO(route.first << " " << route.second);
    CHECK(documented.count(route) == 1);
  }
}

TEST_CASE("the OpenAPI document describes no route the server does not have") {
  const std::set<RouteKey> registered = registered_routes();
  for (const RouteKey &route : documented_routes(parsed_document())) {
    INFO(route.first << " " << route.second);
    CHECK(registered.count(route) == 1);
  }
}

TEST_CASE("every documented operation states its security and its responses") {
  const nlohmann::json document = parsed_document();
  for (const auto &path : document.at("paths").items())
    for (const auto &operation : path.value().items()) {
      INFO(operation.key() << " " << path.key());
      CHECK(operation.value().contains("security"));
      CHECK(operation.value().contains("operationId"));
      CHECK_FALSE(operation.value().at("responses").empty());
    }
}
