// DISTINCT
/*
 * Class: purity through calls.
 *
 * Attacks: the first nest calls p2, which calls p1, which calls p3,
 * and p3 counts its calls in a global; the second nest reads that
 * counter.  Sequentially every element of b sees the final count.  A
 * tool that checks only the function called directly (or stops one
 * level down) fuses the nests, and b[i] sees i + 1 calls.
 */
#include <stdio.h>

#define N 4096

static int calls;
static float x[N], a[N], b[N];

static float p3(float v)
{
	calls++;
	return v * 0.5f;
}

static float p1(float v)
{
	return p3(v) + 1.0f;
}

static float p2(float v)
{
	return p1(v) * 2.0f;
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = p2(x[i]);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + (float)calls;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 13);
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%d %a %a\n", calls, b[0], s);
	return 0;
}
