// DISTINCT
/*
 * Class: type limits / short iterators.
 *
 * Attacks: short iterators that count up to SHRT_MAX (exclusive) and a
 * consumer that reads the producer's next element.  The fused loop
 * must run one iteration further, up to SHRT_MAX itself, and a short
 * loop variable never exceeds SHRT_MAX: "s <= 32767" with s++ on a
 * short never becomes false (the increment wraps to -32768).
 */
#include <limits.h>
#include <stdio.h>

static int a[SHRT_MAX + 1], b[SHRT_MAX];

static void kernel(short top)
{
	for (short s = 0; s < top; s++)
		a[s] = s % 1000 - 500;
	for (short s = 0; s < top; s++)
		b[s] = a[s] * 2 + a[s + 1];
}

int main(void)
{
	unsigned long long h = 0;

	a[SHRT_MAX] = 12345;
	kernel(SHRT_MAX);
	for (int i = 0; i < SHRT_MAX; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %d %llx\n", b[0], b[SHRT_MAX - 1], h);
	return 0;
}
