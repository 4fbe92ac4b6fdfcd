// The one Catch2 main for the unit-test programs.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
