// Keeping a secret (a newly created token) from lingering in the WebAssembly heap.
//
// The heap is one byte array that the page's scripts can read, and freed memory keeps
// its old bytes until reused. So, in the web app:
// - every block freed through operator delete (std::string, std::vector, nlohmann::json,
//   std::function) or ImGui's allocator is zeroed first: copies made along the way (the
//   fetch answer, the JSON parser's token buffer, ImGui's clipboard staging) go with it;
// - forget_text_input_state() wipes what ImGui keeps of the last focused text field.
// Main thread only.
#pragma once

namespace hawzu::platform {

// REQUIRES: called before ImGui::CreateContext.
void install_zeroing_imgui_allocator();

// Deactivates any focused text field and wipes ImGui's copies of its text (UTF-16 and
// UTF-8 edit buffers, the text at focus, the undo buffer, the deactivated-field copy and
// ImGui's text scratch buffer). REQUIRES: outside a frame.
void forget_text_input_state();

}  // namespace hawzu::platform
