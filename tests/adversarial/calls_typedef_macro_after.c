/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: `#define u8 int` after a callee whose iterator and casts use
 * the typedef `u8`.
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static unsigned long long hsh(const void *p, size_t n){const unsigned char*c=p;unsigned long long h=1469598103934665603ULL;for(size_t i=0;i<n;i++){h^=c[i];h*=1099511628211ULL;}return h;}
#define PH(x) printf(#x " %016llx\n", hsh((x), sizeof(x)))
#define N 200
typedef unsigned char u8;
static float a[N], b[N];
static void f(float *y, int n) { u8 i; for (i = 0; i < n; i++) y[i] = y[i] * 2.0f + (float)(u8)(i * 3); }
static void g(float *y, const float *x, int n) { u8 i; for (i = 0; i < n; i++) y[i] = x[i] + 1.0f; }
#define u8 int
static void run(void) { f(a, N); g(b, a, N); }
int main(void){ for(int k=0;k<N;k++){a[k]=k*-0.5f;b[k]=1;} run(); PH(a); PH(b); return 0; }
