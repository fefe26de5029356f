// DISTINCT
/*
 * Class: purity through call cycles (mutual recursion).
 *
 * Attacks: p1 and p3 call each other; p1 counts its calls in a global,
 * after its call to p3.  An analysis that treats a function as pure
 * while it walks its body (to get through the cycle) and caches every
 * verdict reached meanwhile decides, when it first meets p1 (in
 * warm_up, whose nest is left alone anyway), that p3 is pure: p3 was
 * finished before p1's write to the global was seen.  The kernel's
 * nests call p3 directly; the second reads the counter.
 */
#include <stdio.h>

#define N 4096

static int depth_calls;
static int p1(int v);

static int p3(int v)
{
	return v <= 0 ? 0 : p1(v - 1) + 1;
}

static int p1(int v)
{
	int r = v <= 0 ? 0 : p3(v - 1) + 1;

	depth_calls++;
	return r;
}

static int w[64];

static void warm_up(int n)
{
	for (int i = 0; i < n; i++)
		w[i] = p1(i % 4);
}

static int x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + p3(3);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + depth_calls;
}

int main(void)
{
	unsigned long long h = 0;

	warm_up(64);
	for (int i = 0; i < N; i++)
		x[i] = i % 10;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %d %llx\n", depth_calls, b[0], h);
	return 0;
}
