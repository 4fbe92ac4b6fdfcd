// Times as people read them in a list: "just now", "3 hours ago", "in 6 days". The exact
// date goes next to it (a tooltip in the web app); this is the quick reading.
#pragma once

#include <cstdint>
#include <string>

namespace hawzu {

// `when` relative to `now` (Unix seconds). Rounds to the nearest unit, switching units
// at about 45 seconds, 45 minutes, 22 hours, 26 days and 11 months, as people do.
std::string relative_time(std::int64_t when, std::int64_t now);

}  // namespace hawzu
