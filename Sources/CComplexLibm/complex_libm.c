#include "CComplexLibm.h"
#include <complex.h>

void gb_complex_libm_f(gb_complex_fn fn, float re, float im, float *out) {
    float complex z, r;
    /* a complex number is laid out as an array of its two parts (C11 6.2.5); this keeps
       infinite and NaN parts as they are, which re + im * I would not */
    ((float *)&z)[0] = re;
    ((float *)&z)[1] = im;
    switch (fn) {
    case GB_CSIN: r = csinf(z); break;
    case GB_CCOS: r = ccosf(z); break;
    case GB_CTAN: r = ctanf(z); break;
    case GB_CSINH: r = csinhf(z); break;
    case GB_CCOSH: r = ccoshf(z); break;
    case GB_CTANH: r = ctanhf(z); break;
    case GB_CASIN: r = casinf(z); break;
    case GB_CACOS: r = cacosf(z); break;
    case GB_CATAN: r = catanf(z); break;
    case GB_CASINH: r = casinhf(z); break;
    case GB_CACOSH: r = cacoshf(z); break;
    default: r = catanhf(z); break;
    }
    out[0] = crealf(r);
    out[1] = cimagf(r);
}

void gb_complex_libm_d(gb_complex_fn fn, double re, double im, double *out) {
    double complex z, r;
    ((double *)&z)[0] = re;
    ((double *)&z)[1] = im;
    switch (fn) {
    case GB_CSIN: r = csin(z); break;
    case GB_CCOS: r = ccos(z); break;
    case GB_CTAN: r = ctan(z); break;
    case GB_CSINH: r = csinh(z); break;
    case GB_CCOSH: r = ccosh(z); break;
    case GB_CTANH: r = ctanh(z); break;
    case GB_CASIN: r = casin(z); break;
    case GB_CACOS: r = cacos(z); break;
    case GB_CATAN: r = catan(z); break;
    case GB_CASINH: r = casinh(z); break;
    case GB_CACOSH: r = cacosh(z); break;
    default: r = catanh(z); break;
    }
    out[0] = creal(r);
    out[1] = cimag(r);
}

void gb_complex_pow_f(float re, float im, float ere, float eim, float *out) {
    float complex z, e, r;
    ((float *)&z)[0] = re;
    ((float *)&z)[1] = im;
    ((float *)&e)[0] = ere;
    ((float *)&e)[1] = eim;
    r = cpowf(z, e);
    out[0] = crealf(r);
    out[1] = cimagf(r);
}

void gb_complex_pow_d(double re, double im, double ere, double eim, double *out) {
    double complex z, e, r;
    ((double *)&z)[0] = re;
    ((double *)&z)[1] = im;
    ((double *)&e)[0] = ere;
    ((double *)&e)[1] = eim;
    r = cpow(z, e);
    out[0] = creal(r);
    out[1] = cimag(r);
}
