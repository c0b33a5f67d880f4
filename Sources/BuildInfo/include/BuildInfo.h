#ifndef GRADBOOK_BUILD_INFO_H
#define GRADBOOK_BUILD_INFO_H

/// The git commit the binary was built from: the Makefile passes it to this target alone as
/// GRADBOOK_COMMIT (Package.swift), so a new commit recompiles one C file; "unknown" otherwise,
/// which keeps plain `swift build` and `swift test` reproducible.
const char *gradbook_build_commit(void);

#endif
