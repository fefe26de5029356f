/*
 * Class: pragmas / the context of moved code.
 *
 * Attacks: under `--openmp`, fused nests that start on the line of `int
 * main(void){`: the pragma must start a line.
 */
#include <stdio.h>
#define N 4000000
static double a[N], b[N];
int main(void){ for (int i = 0; i < N; i++) a[i] = i * 0.5;
  for (int i = 0; i < N; i++) b[i] = a[i] + 1.0;
  for (int i = 0; i < N; i += 99991) printf("%a %a\n", a[i], b[i]);
  return 0; }
