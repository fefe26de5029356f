// DISTINCT
/*
 * Class: signedness / size_t iterators.
 *
 * Attacks: size_t iterators whose body relies on unsigned wrap:
 * "(i - 1) >> 60" is 15 for i == 0, and "i - 1 < n" is false there.
 * A tool that declares the generated loop variable as a signed type
 * (long) changes both: -1 >> 60 is -1 and -1 < n is true.
 */
#include <stddef.h>
#include <stdio.h>

static size_t d[2048], e[2048], x[2048];

static void kernel(size_t n)
{
	for (size_t i = 0; i < n; i++)
		d[i] = ((i - 1) >> 60) + (i - 1 < n) + x[i];
	for (size_t i = 0; i < n; i++)
		e[i] = d[i] * 3 + x[i];
}

int main(void)
{
	unsigned long long s = 0;

	for (size_t i = 0; i < 2048; i++)
		x[i] = i * 0x9e3779b97f4a7c15ull;
	kernel(2048);
	for (size_t i = 0; i < 2048; i++)
		s = s * 31 + d[i] + e[i];
	printf("%zx %zx %016llx\n", d[0], e[0], s);
	return 0;
}
