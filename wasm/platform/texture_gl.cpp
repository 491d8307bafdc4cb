// Textures for images shown in the UI. The calls are GL ES 3.0 / GL 1.1 alike, so the same
// code serves WebGL2 and desktop OpenGL 3.2; ImGui's OpenGL3 backend draws them as
// ImTextureID = the texture name.
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif

#include "wasm/platform/platform.hpp"

namespace platform {

unsigned create_texture(const Image& image) {
  if (image.empty() || image.rgba.size() < size_t(image.width) * size_t(image.height) * 4) return 0;
  for (int i = 0; i < 8 && glGetError() != GL_NO_ERROR;) ++i;  // someone else's, not ours
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  GLuint texture = 0;
  glGenTextures(1, &texture);
  if (!texture) return 0;
  glBindTexture(GL_TEXTURE_2D, texture);
  // Linear both ways: a scanned letter is mostly shown smaller than it is.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               image.rgba.data());
  const bool failed = glGetError() != GL_NO_ERROR;  // too large, out of memory
  glBindTexture(GL_TEXTURE_2D, GLuint(previous));
  if (failed) {
    glDeleteTextures(1, &texture);
    return 0;
  }
  return texture;
}

void destroy_texture(unsigned texture) {
  if (!texture) return;
  GLuint t = texture;
  glDeleteTextures(1, &t);
}

}  // namespace platform
