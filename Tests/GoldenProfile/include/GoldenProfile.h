#ifndef GRADBOOK_GOLDEN_PROFILE_H
#define GRADBOOK_GOLDEN_PROFILE_H

/// The CPU capability the repository's PyTorch goldens were made with ("avx2"), as the test
/// process runs it. Referenced from Swift so the constructor below is always linked in.
const char *gradbook_golden_profile(void);

#endif
