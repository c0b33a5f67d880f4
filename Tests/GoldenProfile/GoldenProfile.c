// Every golden in Tests/ was made on an AVX2 machine: PyTorch 2.15 with ATen's and oneDNN's
// AVX2 kernels, NumPy 2.4 with its AVX2 (X86_V3) loops and OpenBLAS's Haswell kernel. On an
// AVX-512 machine PyTorch gives the same bits with ATEN_CPU_CAPABILITY=avx2 and
// ONEDNN_MAX_CPU_ISA=AVX2, NumPy with NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL" and
// OPENBLAS_CORETYPE=Haswell (checked by regenerating the JSON goldens and the NumPy
// transcripts there). The results depend on that profile, so the test process runs under it:
// Gradbook reads ATEN_CPU_CAPABILITY as PyTorch does, OpenBLAS reads OPENBLAS_CORETYPE, and
// the `gradbook` processes the tests start inherit both.
//
// OpenBLAS picks its kernel when it is loaded, before any constructor of the test binary
// runs, so the constructor sets the variables and executes the binary again, once, with them.
// A value already in the environment wins (`ATEN_CPU_CAPABILITY=avx512 swift test` runs the
// suite at an AVX-512 CPU's own width; the AVX2 goldens then fail, as PyTorch's would).
#include <stdlib.h>
#include <unistd.h>
#include "GoldenProfile.h"

__attribute__((constructor)) static void gradbook_pin_golden_profile(int argc, char **argv, char **envp) {
    (void)argc; (void)envp;
    if (getenv("GRADBOOK_GOLDEN_PROFILE")) return;
    setenv("GRADBOOK_GOLDEN_PROFILE", "avx2", 1);
    setenv("ATEN_CPU_CAPABILITY", "avx2", 0);
    setenv("ONEDNN_MAX_CPU_ISA", "AVX2", 0);
    setenv("OPENBLAS_CORETYPE", "Haswell", 0);
    // MKL ran its AVX2 path on the AMD machine the goldens come from; on an Intel AVX-512 CPU
    // it would pick AVX-512 kernels unless told (on AMD CPUs this changes nothing, measured).
    setenv("MKL_ENABLE_INSTRUCTIONS", "AVX2", 0);
    if (argv && argv[0]) execv("/proc/self/exe", argv);
    // execv failed: the variables still hold for Gradbook's kernels and child processes.
}

const char *gradbook_golden_profile(void) {
    const char *value = getenv("ATEN_CPU_CAPABILITY");
    return value ? value : "";
}
