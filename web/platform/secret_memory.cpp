#include "web/platform/secret_memory.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <new>

namespace {

// memset through a volatile pointer: the compiler may not drop a wipe of memory that
// is about to be freed.
void *(*const volatile g_memset)(void *, int, std::size_t) = std::memset;

void zero_and_free(void *block) {
  if (block == nullptr) return;
  g_memset(block, 0, malloc_usable_size(block));
  std::free(block);
}

void *imgui_alloc(std::size_t size, void *) {
  return std::malloc(size);
}

void imgui_free(void *block, void *) {
  zero_and_free(block);
}

template <typename T>
void wipe_vector(ImVector<T> &vector) {
  if (vector.Data != nullptr) g_memset(vector.Data, 0, sizeof(T) * vector.Capacity);
  vector.clear();
}

}  // namespace

// Replacing the global operator delete (all four unaligned forms) zeroes every block the
// C++ library frees. operator new stays the library's (malloc).
void operator delete(void *block) noexcept {
  zero_and_free(block);
}
void operator delete[](void *block) noexcept {
  zero_and_free(block);
}
void operator delete(void *block, std::size_t) noexcept {
  zero_and_free(block);
}
void operator delete[](void *block, std::size_t) noexcept {
  zero_and_free(block);
}

namespace hawzu::platform {

void install_zeroing_imgui_allocator() {
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free, nullptr);
}

void forget_text_input_state() {
  ImGuiContext &g = *GImGui;
  if (g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID) ImGui::ClearActiveID();
  ImGuiInputTextState &state = g.InputTextState;
  wipe_vector(state.TextW);
  wipe_vector(state.TextA);
  wipe_vector(state.InitialTextA);
  g_memset(&state.Stb, 0, sizeof state.Stb);  // the undo buffer holds edited characters
  state.ID = 0;
  state.CurLenW = state.CurLenA = 0;
  state.TextAIsValid = false;
  wipe_vector(g.InputTextDeactivatedState.TextA);
  g.InputTextDeactivatedState.ID = 0;
  // ImGui formats into TempBuffer assuming it is allocated: wipe it, keep it.
  g_memset(g.TempBuffer.Data, 0, g.TempBuffer.Capacity);
  wipe_vector(g.ClipboardHandlerData);
}

}  // namespace hawzu::platform
