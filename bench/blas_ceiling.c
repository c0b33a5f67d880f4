/* The matmul ceiling: OpenBLAS's own single-precision GEMM throughput on this machine,
 * measured directly (no Swift, no Python), so the matmul workload can be read against
 * what the library underneath can do at best. Prints one line: GFLOP/s for N x N sgemm.
 * Usage: blas_ceiling [N [REPEATS]] (default 1024 20, the matmul workload's shape). */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1024;
    int repeats = argc > 2 ? atoi(argv[2]) : 20;
    float *a = malloc(sizeof(float) * n * n), *b = malloc(sizeof(float) * n * n),
          *c = malloc(sizeof(float) * n * n);
    for (long i = 0; i < (long)n * n; i++) {
        a[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
        b[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
    }
    /* One warm-up product: thread pool start and page faults are not throughput. */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
    double best = 1e30;
    for (int r = 0; r < repeats; r++) {
        double start = seconds();
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        double t = seconds() - start;
        if (t < best) best = t;
    }
    printf("%.1f\n", 2.0 * n * n * (double)n / best / 1e9);
    free(a); free(b); free(c);
    return 0;
}
