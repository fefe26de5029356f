/*
 * Class: type limits / constants above INT_MAX in bounds.
 *
 * Attacks: unsigned loops from a macro 4000000000u, consumer shifted by
 * two: pieces of the fused loop at 4294967296 would wrap to 0.
 */
#include <stdio.h>
#define KU 4000000000u
static unsigned c[208], d[208];

int main(void)
{
	unsigned long long h = 0;
	for (unsigned i = KU; i < KU + 108; i++)
		c[i - KU] = (unsigned)i * 40503u;
	for (unsigned i = KU; i < KU + 100; i++)
		d[i - KU] = c[i - KU + 2] + 1u;
	for (unsigned i = KU; i < KU + 108; i++)
		h = h * 1000003u + d[i - KU] + c[i - KU];
	printf("%llx\n", h);
	return 0;
}
