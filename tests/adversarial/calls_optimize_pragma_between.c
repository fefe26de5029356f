/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: `#pragma GCC optimize("fast-math")` between the callee and
 * the caller: moved into the caller, the callee's arithmetic would be
 * compiled with fast math (gcc).
 */
#include <stdio.h>
#define N 2000000
static float a[N], b[N];
static void f(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] * x[i] - y[i] * 0.3f; }
static void g(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = (x[i] * 1.1f + x[i] * 0.7f) + (x[i] * 0.3f + 1e-3f); }
#pragma GCC optimize ("fast-math", "fp-contract=fast")
static void run(void) { f(a, b, N); g(b, a, N); }
int main(void){ for(int k=0;k<N;k++){a[k]=k*-0.37f+0.1f;b[k]=1.0f/(k+3);} run(); for(int k=0;k<N;k+=9973) printf("%a %a\n", a[k], b[k]); return 0; }
