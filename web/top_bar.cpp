// The bar across the top of the signed-in page: product mark and workspace on the left;
// the pages the person may see (Access Tokens, Audit log, Token policy);
// on the right a link to the API reference page, then the signed-in person with their role
// and Sign out.
#include "web/platform/page.h"
#include "web/platform/ui_items.h"
#include "web/screen_kit.h"
#include "web/screens.h"

#include <cmath>
#include <string>
#include <vector>

namespace hawzu {
namespace {

// "Ada Lovelace" → "AL"; one word → its first letter.
std::string initials(const std::string &name) {
  std::string result;
  bool at_word_start = true;
  for (char c : name) {
    if (c == ' ') {
      at_word_start = true;
    } else if (at_word_start) {
      if (result.size() < 2 && static_cast<unsigned char>(c) < 0x80) {
        result.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      }
      at_word_start = false;
    }
  }
  return result.empty() ? "?" : result;
}

float centered_y(float top, float height, float item_height) {
  return std::floor(top + (height - item_height) * 0.5f);
}

}  // namespace

void draw_top_bar(UiState &state, float height) {
  ImDrawList *draw_list = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  draw_list->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                           rgb(color::surface));
  draw_list->AddLine(ImVec2(origin.x, origin.y + height - dp(0.5f)),
                     ImVec2(origin.x + width, origin.y + height - dp(0.5f)), rgb(color::border),
                     dp(1));
  const float padding = dp(24);

  // Product mark: a rounded square with a key, then the name.
  const float mark = dp(32);
  const ImVec2 mark_min(origin.x + padding, centered_y(origin.y, height, mark));
  draw_list->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark),
                           rgb(color::accent), dp(8));
  ImFont *icon_font = fonts().heading;
  const ImVec2 key_size = ui::text_size(ICON_KEY, icon_font);
  draw_list->AddText(icon_font, icon_font->FontSize,
                     ImVec2(std::floor(mark_min.x + (mark - key_size.x) * 0.5f),
                            std::floor(mark_min.y + (mark - key_size.y) * 0.5f)),
                     rgb(0xFFFFFF), ICON_KEY);
  ImFont *brand_font = fonts().heading;
  float x = mark_min.x + mark + dp(12);
  ui::draw_text(draw_list, ImVec2(x, centered_y(origin.y, height, brand_font->FontSize)), "Hawzu",
                brand_font, rgb(color::text));
  x += ui::text_size("Hawzu", brand_font).x + dp(20);

  // Workspace, after a thin divider.
  draw_list->AddLine(ImVec2(x, origin.y + height * 0.5f - dp(12)),
                     ImVec2(x, origin.y + height * 0.5f + dp(12)), rgb(color::border), dp(1));
  x += dp(20);
  ImFont *body = fonts().body;
  ImFont *medium = fonts().body_medium;
  const float text_y = centered_y(origin.y, height, body->FontSize);
  draw_list->AddText(body, body->FontSize, ImVec2(x, text_y), rgb(color::text_muted),
                     ICON_BUILDING);
  x += ui::text_size(ICON_BUILDING, body).x + dp(8);
  ui::draw_text(draw_list, ImVec2(x, text_y), state.session.workspace_name.c_str(), medium,
                rgb(color::text_secondary));
  x += ui::text_size(state.session.workspace_name.c_str(), medium).x + dp(28);

  // The pages, for those who may see more than one; the current one underlined.
  struct PageLink {
    AppPage page;
    const char *label;
  };
  std::vector<PageLink> links{{AppPage::access_tokens, "Access Tokens"}};
  if (state.session.can_read_audit_log) links.push_back({AppPage::audit_log, "Audit log"});
  if (state.session.can_read_token_policy) links.push_back({AppPage::token_policy, "Token policy"});
  if (links.size() > 1) {
    for (const PageLink &link : links) {
      const bool current = state.page == link.page;
      ImGui::SetCursorScreenPos(ImVec2(x, centered_y(origin.y, height, dp(36))));
      if (ui::button(link.label, ui::ButtonKind::ghost) && !current) {
        state.intents.show_page = link.page;
      }
      if (current) platform::set_last_item_description("Current page");
      const ImVec2 min = ImGui::GetItemRectMin();
      const ImVec2 max = ImGui::GetItemRectMax();
      if (current) {
        draw_list->AddRectFilled(ImVec2(min.x + dp(8), origin.y + height - dp(3)),
                                 ImVec2(max.x - dp(8), origin.y + height), rgb(color::accent));
      }
      x = max.x + dp(4);
    }
  }

  // Right side, laid out from the right edge: Sign out, then the person.
  const char *sign_out_label =
      state.signing_out ? ICON_SIGN_OUT "  Signing out\xE2\x80\xA6" : ICON_SIGN_OUT "  Sign out";
  const float sign_out_width = ui::button_width(sign_out_label);
  const float sign_out_x = origin.x + width - padding - sign_out_width;
  ImGui::SetCursorScreenPos(ImVec2(sign_out_x, centered_y(origin.y, height, dp(36))));
  ui::ButtonOptions sign_out_options;
  sign_out_options.enabled = !state.signing_out;
  if (ui::button(sign_out_label, ui::ButtonKind::secondary, sign_out_options)) {
    state.intents.sign_out = true;
  }

  const std::string role(display_name(state.session.workspace_role));
  ImFont *small = fonts().small;
  const float name_width = ui::text_size(state.session.user_name.c_str(), medium).x;
  const float role_width = ui::text_size(role.c_str(), small).x;
  const float text_block_width = std::max(name_width, role_width);
  const float text_x = sign_out_x - dp(20) - text_block_width;
  const float block_height = medium->FontSize + dp(2) + small->FontSize;
  const float block_y = centered_y(origin.y, height, block_height);
  ui::draw_text(draw_list, ImVec2(text_x + text_block_width - name_width, block_y),
                state.session.user_name.c_str(), medium, rgb(color::text));
  ui::draw_text(draw_list,
                ImVec2(text_x + text_block_width - role_width, block_y + medium->FontSize + dp(2)),
                role.c_str(), small, rgb(color::text_muted));

  const float avatar = dp(34);
  const ImVec2 avatar_center(text_x - dp(12) - avatar * 0.5f, origin.y + height * 0.5f);
  draw_list->AddCircleFilled(avatar_center, avatar * 0.5f, rgb(color::accent_soft_strong));
  const std::string letters = initials(state.session.user_name);
  ImFont *letters_font = fonts().small_medium;
  const ImVec2 letters_size = ui::text_size(letters.c_str(), letters_font);
  draw_list->AddText(letters_font, letters_font->FontSize,
                     ImVec2(std::floor(avatar_center.x - letters_size.x * 0.5f),
                            std::floor(avatar_center.y - letters_size.y * 0.5f)),
                     rgb(color::accent_text), letters.c_str());

  // The API reference (/api/reference, drawn from the OpenAPI document) in a new tab.
  // A link button is its text plus dp(4) wide and the font size plus dp(8) high.
  const char *reference_label = "API reference";
  const float reference_width = ui::text_size(reference_label, medium).x + dp(4);
  const float reference_x = avatar_center.x - avatar * 0.5f - dp(24) - reference_width;
  ImGui::SetCursorScreenPos(
      ImVec2(reference_x, centered_y(origin.y, height, medium->FontSize + dp(8))));
  if (ui::button(reference_label, ui::ButtonKind::link)) {
    platform::open_in_new_tab("/api/reference");
  }

  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

}  // namespace hawzu
