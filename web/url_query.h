// Pieces of the URL queries the lists send: percent-encoding, and a local day's first or
// last second as an RFC 3339 instant with the offset in effect then.
#pragma once

#include "shared/calendar.h"

#include <string>

namespace hawzu {

// Every byte but A-Z a-z 0-9 - _ . ~ as %XX.
std::string percent_encode(const std::string &text);

// "2026-11-28T00:00:00+01:00" for the first (or last, with `end_of_day`) second of the
// local day `date`; on a day with a daylight-saving switch the two ends have different
// offsets.
std::string local_instant(const CivilDate &date, bool end_of_day);

}  // namespace hawzu
