// Font Awesome 4.7 icons used by the UI, as UTF-8 strings to put in labels, and the list
// of their code points (the font atlas includes only these).
#pragma once

#include "imgui.h"

namespace hawzu {

#define ICON_BAN "\xef\x81\x9e"                   // U+F05E
#define ICON_BUILDING "\xef\x86\xad"              // U+F1AD
#define ICON_CALENDAR "\xef\x81\xb3"              // U+F073
#define ICON_CHECK "\xef\x80\x8c"                 // U+F00C
#define ICON_CHECK_CIRCLE "\xef\x81\x98"          // U+F058
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"          // U+F078
#define ICON_CHEVRON_LEFT "\xef\x81\x93"          // U+F053
#define ICON_CHEVRON_RIGHT "\xef\x81\x94"         // U+F054
#define ICON_CLOCK "\xef\x80\x97"                 // U+F017
#define ICON_COLUMNS "\xef\x83\x9b"               // U+F0DB
#define ICON_COPY "\xef\x83\x85"                  // U+F0C5
#define ICON_DOWNLOAD "\xef\x80\x99"              // U+F019
#define ICON_ELLIPSIS "\xef\x85\x81"              // U+F141
#define ICON_EXCLAMATION_CIRCLE "\xef\x81\xaa"    // U+F06A
#define ICON_EXCLAMATION_TRIANGLE "\xef\x81\xb1"  // U+F071
#define ICON_EYE "\xef\x81\xae"                   // U+F06E
#define ICON_FILTER "\xef\x82\xb0"                // U+F0B0
#define ICON_FOLDER "\xef\x81\xbb"                // U+F07B
#define ICON_HISTORY "\xef\x87\x9a"               // U+F1DA
#define ICON_INFO_CIRCLE "\xef\x81\x9a"           // U+F05A
#define ICON_KEY "\xef\x82\x84"                   // U+F084
#define ICON_LOCK "\xef\x80\xa3"                  // U+F023
#define ICON_PENCIL "\xef\x81\x80"                // U+F040
#define ICON_PLAY "\xef\x81\x8b"                  // U+F04B
#define ICON_PLUS "\xef\x81\xa7"                  // U+F067
#define ICON_REFRESH "\xef\x80\xa1"               // U+F021
#define ICON_SEARCH "\xef\x80\x82"                // U+F002
#define ICON_SHIELD "\xef\x84\xb2"                // U+F132
#define ICON_SIGN_OUT "\xef\x82\x8b"              // U+F08B
#define ICON_TIMES "\xef\x80\x8d"                 // U+F00D
#define ICON_TRASH "\xef\x87\xb8"                 // U+F1F8

inline constexpr ImWchar kIconCodepoints[] = {
    0xF05E, 0xF1AD, 0xF073, 0xF00C, 0xF058, 0xF078, 0xF053, 0xF054, 0xF017, 0xF0C5, 0xF06A,
    0xF071, 0xF06E, 0xF07B, 0xF05A, 0xF084, 0xF023, 0xF067, 0xF021, 0xF132, 0xF08B, 0xF00D,
    0xF1F8, 0xF141, 0xF0B0, 0xF040, 0xF04B, 0xF002, 0xF0DB, 0xF019, 0xF1DA,
};

}  // namespace hawzu
