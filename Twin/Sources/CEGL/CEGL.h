// EGL from Debian's libegl-dev (libglvnd) with Mesa behind it: a GL context with no window, for
// the twin's offscreen pictures (MuJoCo renders into its own framebuffer).
#include <EGL/egl.h>
#include <EGL/eglext.h>
