// See include/CPseudoTerminal.h for why this exists.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "CPseudoTerminal.h"

int CPseudoTerminal_open(char *device, size_t device_length) {
    int controller = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (controller < 0) {
        return -1;
    }
    if (grantpt(controller) != 0 || unlockpt(controller) != 0 || ptsname_r(controller, device, device_length) != 0) {
        close(controller);
        return -1;
    }
    return controller;
}
