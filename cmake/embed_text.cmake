# Turns a text file into a C++ source file that returns its content, at build time:
#   cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DHEADER=<include> -DFUNCTION=<name>
#         [-DNAMESPACE=<ns>] [-DREQUIRE_JSON=ON] -P embed_text.cmake
# With REQUIRE_JSON, the build fails when the file is not valid JSON, so a broken
# document never reaches the binary.
foreach(variable INPUT OUTPUT HEADER FUNCTION)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "embed_text.cmake: ${variable} is not set")
  endif()
endforeach()

file(READ "${INPUT}" content)
if(REQUIRE_JSON)
  string(JSON top_type ERROR_VARIABLE json_error TYPE "${content}")
  if(json_error)
    message(FATAL_ERROR "${INPUT} is not valid JSON: ${json_error}")
  endif()
endif()

# The content goes into a raw string literal; its closing delimiter must not occur in it.
set(delimiter "hawzu_embed")  # at most 16 characters (C++)
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()

if(DEFINED NAMESPACE)
  set(open_namespace "namespace ${NAMESPACE} {\n")
  set(close_namespace "}  // namespace ${NAMESPACE}\n")
endif()
get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${input_name} by cmake/embed_text.cmake at build time. Do not edit.\n"
  "#include \"${HEADER}\"\n\n"
  "${open_namespace}\n"
  "std::string_view ${FUNCTION}() {\n"
  "  static const char text[] = R\"${delimiter}(${content})${delimiter}\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n\n"
  "${close_namespace}")
# Rewrite only on change, so an unchanged document recompiles nothing.
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
