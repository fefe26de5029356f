/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: under `--openmp`, calls fused on the line of the function's
 * opening brace.
 */
#include <stdio.h>
#include <math.h>
#define N 2000000
static float a[N], b[N];
static void f(float *y, int n) { for (int i = 0; i < n; i++) y[i] = fabsf(y[i]); }
static void g(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] + 1.0f; }
static void run(void) { f(a, N); g(b, a, N); }
int main(void){ for(int k=0;k<N;k++){a[k]=k*-0.5f;b[k]=1;} run(); for(int k=0;k<N;k+=9973) printf("%a %a\n", a[k], b[k]); return 0; }
