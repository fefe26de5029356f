// DISTINCT
/*
 * Class: type limits / size_t near SIZE_MAX.
 *
 * Attacks: size_t loops over [SIZE_MAX - 64, SIZE_MAX) whose subscripts
 * "i + 65" wrap around to 0..63, and a consumer that reads the next
 * element, so that a fused loop must be shifted and run up to
 * SIZE_MAX itself.  SIZE_MAX does not fit in a long: a tool that
 * computes bounds in signed 64-bit arithmetic (or declares the loop
 * variable long) gets -65..-1 and either runs the wrong iterations or
 * compares a long with a size_t.
 */
#include <stdint.h>
#include <stdio.h>

static unsigned long long a[66], b[65];

static void kernel(size_t lo)
{
	for (size_t i = lo; i < SIZE_MAX; i++)
		a[i + 65] = (i + 65) * 0x9e3779b97f4a7c15ull;
	for (size_t i = lo; i < SIZE_MAX; i++)
		b[i + 65] = a[i + 65] ^ (a[i + 66] >> 7);
}

int main(void)
{
	unsigned long long h = 0;

	a[65] = 0x123456789abcdefull;
	kernel(SIZE_MAX - 64);
	for (int i = 0; i < 65; i++)
		h = h * 31 + b[i];
	printf("%016llx %016llx %016llx\n", b[0], b[63], h);
	return 0;
}
