#include "BuildInfo.h"

#ifndef GRADBOOK_COMMIT
#define GRADBOOK_COMMIT "unknown"
#endif

const char *gradbook_build_commit(void) { return GRADBOOK_COMMIT; }
