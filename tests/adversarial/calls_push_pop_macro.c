/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: the callee is written while `K` is a macro pushed with
 * `#pragma push_macro`; after `pop_macro` it is the const global again,
 * at the call.
 */
#include <stdio.h>
#define N 100
static const float K = 9.0f;
static float a[N], b[N];
#pragma push_macro("K")
#define K 3.0f
static void f(float *y, int n) { for (int i = 0; i < n; i++) y[i] = y[i] * K; }
static void g(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] + 1.0f; }
#pragma pop_macro("K")
static void run(void) { f(a, N); g(b, a, N); }
int main(void){ for(int k=0;k<N;k++){a[k]=k*-0.5f;b[k]=1;} run(); for(int k=0;k<N;k++) printf("%a %a\n", a[k], b[k]); return 0; }
