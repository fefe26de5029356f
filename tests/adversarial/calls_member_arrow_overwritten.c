/*
 * Class: fusion across calls / the context of moved code.
 *
 * Attacks: `l->out` passed for a formal the callee stores through,
 * where the struct lies at the start of the allocated buffer it points
 * to: the callee's float stores overwrite the member, which the call
 * read once.
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static unsigned long long hsh(const void *p, size_t n){const unsigned char*c=p;unsigned long long h=1469598103934665603ULL;for(size_t i=0;i<n;i++){h^=c[i];h*=1099511628211ULL;}return h;}
#define PH(x) printf(#x " %016llx\n", hsh((x), sizeof(x)))
#include <stdlib.h>
#define N 2000000
struct L { float *out; float *in; };
static float src[N], dst[N];
static void f(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] * 2.0f; }
static void g(float *y, const float *x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] + 1.0f; }
static void run(struct L *l) { f(l->out, src, N); g(dst, src, N); }
int main(void){
  for (int k = 0; k < N; k++) src[k] = k + 0.5f;
  float *buf = malloc((N + 8) * sizeof(float));
  struct L *l = (struct L *)buf;
  l->in = src;
  l->out = buf;   /* out overlaps the struct itself */
  run(l);
  static float copy[N]; memcpy(copy, buf, sizeof copy);
  PH(copy); PH(dst); free(buf); return 0; }
