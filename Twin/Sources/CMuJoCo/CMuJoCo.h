// MuJoCo's C API, from the headers scripts/install-mujoco puts in Twin/.mujoco/include.
#include <mujoco/mujoco.h>
