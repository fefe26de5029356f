/*
 * Class: invariant bases / member arrays and pointer members.
 *
 * Attacks: a struct with a member array x[N] and a pointer member p.
 * Through a pointer to the struct, p points into x (p == x + 1): the
 * first nest writes s->x[i], the second reads s->p[i], written one
 * iteration later.  Passed by value, the copy's x is new storage while
 * p still points into the caller's x: then the nests are independent
 * and the copy's x is thrown away.  A tool that treats x and p as
 * distinct (or a by-value x as the caller's) changes the output.
 */
#include <stdio.h>

#define N 256

struct st {
	float x[N + 1];
	float *p;
	int n;
};

static struct st g;
static float w[N], v[N];

static void by_pointer(struct st *s, float *w)
{
	for (int i = 0; i < s->n; i++)
		s->x[i] = (float)i * 0.75f;
	for (int i = 0; i < s->n; i++)
		w[i] = s->p[i] + 2.0f;
}

static void by_value(struct st s, float *v)
{
	for (int i = 0; i < s.n; i++)
		s.x[i] = (float)i * 1.5f;
	for (int i = 0; i < s.n; i++)
		v[i] = s.p[i] + s.x[i];
}

int main(void)
{
	unsigned h = 0;

	g.p = g.x + 1;
	g.n = N;
	for (int i = 0; i <= N; i++)
		g.x[i] = -1.0f;
	by_value(g, v);
	by_pointer(&g, w);
	for (int i = 0; i < N; i++)
		h = h * 31u + (unsigned)(w[i] * 4.0f + 64.0f) +
		    (unsigned)(v[i] * 2.0f + 64.0f);
	printf("%a %a %u\n", w[N - 1], v[N - 1], h);
	return 0;
}
