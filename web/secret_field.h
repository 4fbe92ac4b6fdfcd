// A secret shown once (a token value, a webhook signing secret): a read-only field with
// a Copy button that says "Copied" for a moment. Assistive technology hears what the
// field is, never the secret, which stays out of JavaScript's reach but for the
// clipboard. The caller owns the buffer and wipes it when the secret is done with.
#pragma once

#include <array>

namespace hawzu {

// Whether this field asked the clipboard for a copy, and when it was confirmed.
struct CopyFeedback {
  bool requested = false;
  double copied_at = 0;  // emscripten_get_now()
};

inline constexpr std::size_t kSecretBufferSize = 64;
using SecretBuffer = std::array<char, kSecretBufferSize>;

// Draws the field and Copy on one line, `width` wide in all. `label_id` is "##Access
// token"; `spoken` is what a screen reader hears as its value.
void draw_secret_field(const char *label_id, SecretBuffer &secret, const char *spoken,
                       CopyFeedback &feedback, float width);
// Under the field's line: what to do when the browser refused the copy.
void draw_copy_failure(const CopyFeedback &feedback);

}  // namespace hawzu
