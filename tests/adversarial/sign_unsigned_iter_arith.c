// DISTINCT
/*
 * Class: signedness / usual arithmetic conversions.
 *
 * Attacks: unsigned iterators used in arithmetic inside the body.
 * "(i - 1) / 2" with unsigned i == 0 is UINT_MAX / 2, and
 * "(i - 1) >> 28" is 15.  A tool that declares the generated loop
 * variable with another type (long, int) keeps the body's text but
 * changes its meaning: with a signed i, i - 1 is -1, "(i - 1) / 2" is
 * 0 and "(i - 1) >> 28" is -1.  sizeof(i) changes too.
 */
#include <stdio.h>

static unsigned x[4096], h[4096], y[4096];

static void kernel(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		h[i] = (i - 1) / 2 + ((i - 1) >> 28) + x[i];
	for (unsigned i = 0; i < n; i++)
		y[i] = h[i] * 2u + x[i] + (unsigned)sizeof(i);
}

int main(void)
{
	unsigned long long s = 0;

	for (unsigned i = 0; i < 4096; i++)
		x[i] = i * 2654435761u;
	kernel(4096);
	for (unsigned i = 0; i < 4096; i++)
		s = s * 31 + h[i] + 7ull * y[i];
	printf("%08x %08x %08x %08x %016llx\n", h[0], h[1], y[0], y[4095], s);
	return 0;
}
