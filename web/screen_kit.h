// What every screen file draws with: the app's widgets, theme, fonts and icons, and
// short names for the ones used on nearly every line (dp(), rgb(), color::, fonts()).
#pragma once

#include "web/icons.h"
#include "web/platform/fonts.h"
#include "web/theme.h"
#include "web/widgets.h"

#include "imgui.h"

namespace hawzu {

using platform::fonts;
using ui::dp;
using ui::rgb;
namespace color = ui::color;

}  // namespace hawzu
