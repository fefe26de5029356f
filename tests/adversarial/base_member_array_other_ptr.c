/*
 * Class: invariant bases / a member array written through another
 * pointer.
 *
 * Attacks: the first nest writes t->x[i], the second reads s->x[i + 1];
 * kernel() is called with s == t, and once more with f == s->y, a
 * plain float pointer into the same struct.  A tool that takes s->x
 * and t->x for different arrays (or s->y and f) fuses the nests, and
 * the second then reads s->x[i + 1] before the first writes it.
 */
#include <stdio.h>

#define N 512

struct buf {
	float x[N + 1];
	float y[N];
};

static struct buf g1, g2;

static void kernel(struct buf *s, struct buf *t, float *f, int n)
{
	for (int i = 0; i < n; i++)
		t->x[i] = (float)i * 0.5f + 1.0f;
	for (int i = 0; i < n; i++)
		s->y[i] = s->x[i + 1] * 2.0f + s->x[i];
	for (int i = 0; i < n; i++)
		f[i + 1] = s->y[i] + 3.0f;
	for (int i = 0; i < n; i++)
		s->x[i] = s->y[i] - f[i];
}

static unsigned sum(const struct buf *s)
{
	unsigned h = 0;

	for (int i = 0; i < N; i++)
		h = h * 33u + (unsigned)(s->x[i] * 16.0f) +
		    (unsigned)(s->y[i] * 8.0f);
	return h;
}

int main(void)
{
	for (int i = 0; i <= N; i++)
		g1.x[i] = g2.x[i] = -1.0f;
	kernel(&g1, &g1, g1.y, N - 1);
	kernel(&g2, &g1, g2.y, N - 1);
	printf("%u %u %a %a\n", sum(&g1), sum(&g2), g1.y[5], g2.x[7]);
	return 0;
}
