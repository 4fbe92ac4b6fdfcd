# Imported targets for the libraries the project uses, for both builds.

# nlohmann/json is header-only. The web build cannot put /usr/include on its include
# path (it would shadow Emscripten's own libc headers), so it sees a folder that holds
# only a link to the nlohmann headers.
if(EMSCRIPTEN)
  set(HAWZU_JSON_INCLUDE "${CMAKE_BINARY_DIR}/json-include")
  file(MAKE_DIRECTORY "${HAWZU_JSON_INCLUDE}")
  if(NOT EXISTS "${HAWZU_JSON_INCLUDE}/nlohmann")
    file(CREATE_LINK /usr/include/nlohmann "${HAWZU_JSON_INCLUDE}/nlohmann" SYMBOLIC)
  endif()
  add_library(hawzu_json INTERFACE)
  target_include_directories(hawzu_json SYSTEM INTERFACE "${HAWZU_JSON_INCLUDE}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  add_library(hawzu_json INTERFACE)
  target_link_libraries(hawzu_json INTERFACE nlohmann_json::nlohmann_json)
endif()
