/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: a macro defined after the callee and before the caller
 * (`#define scale 7.0f`) names the global the callee reads: moved into
 * the caller, its body would read the macro.
 */
#include <stdio.h>
#define N 1000000
static float a[N], b[N];
static float scale = 3.0f;
static void f(float *y, int n) { int i; for (i = 0; i < n; i++) y[i] = y[i] * scale; }
static void g(float *y, const float *x, int n) { int i; for (i = 0; i < n; i++) y[i] = x[i] + 1.0f; }
#define scale 7.0f
static void run(void) { f(a, N); g(b, a, N); }
int main(void){ for(int k=0;k<N;k++){a[k]=k*-0.5f;b[k]=1;} run(); for(int k=0;k<N;k+=997) printf("%a %a\n", a[k], b[k]); return 0; }
