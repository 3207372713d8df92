// zlib (Debian's zlib1g-dev): the deflate and CRC-32 of the twin's PNG pictures.
#include <zlib.h>
