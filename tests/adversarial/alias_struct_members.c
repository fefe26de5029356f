// DISTINCT
/*
 * Class: aliasing / struct members.
 *
 * Attacks: a struct holding two arrays and a pointer into the first;
 * the first nest writes s.v[i], the second reads s.p[i] (== s.v[i + 1]
 * at run time).  A tool that models member arrays as independent, or
 * ignores the pointer member, fuses them.
 */
#include <stdio.h>

#define N 8192

static struct {
	float v[N + 1];
	float w[N];
	float *p;
} s;

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		s.v[i] = (float)i * 0.125f;
	for (int i = 0; i < n; i++)
		s.w[i] = s.p[i] + s.v[i];
}

int main(void)
{
	float t = 0.0f;

	s.p = s.v + 1;
	s.v[N] = 5.0f;
	kernel(N);
	for (int i = 0; i < N; i++)
		t = t * 0.5f + s.w[i];
	printf("%a %a %a\n", s.w[0], s.w[N - 1], t);
	return 0;
}
