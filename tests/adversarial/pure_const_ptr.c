// DISTINCT
/*
 * Class: purity / writes through a const pointer.
 *
 * Attacks: a helper that reads only its argument and a global that is
 * const, "int *const counter" -- but the pointer is const, not what it
 * points to, and the helper increments counter[0].  A purity check
 * that accepts reads of const globals and only looks for assignments
 * to variables misses the write through the subscript.  The second
 * nest reads the counted array element.
 */
#include <stdio.h>

#define N 4096

static int counter_storage[1];
int *const counter = counter_storage;
static float x[N], a[N], b[N];

static float bump(float v)
{
	counter[0] += 1;
	return v * 2.0f;
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = bump(x[i]);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + (float)counter_storage[0];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 7) * 0.5f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%d %a %a\n", counter_storage[0], b[0], s);
	return 0;
}
