// DISTINCT
/*
 * Class: far-apart ranges / loops counting down.
 *
 * Attacks: two nests counting down, the first over (off, off + K], the
 * second over (0, K], with an unsigned off == 2^41 at run time; the
 * first's subscripts subtract off.  Since off >= 0, fusion is legal
 * (each element is produced before it is consumed), but a fused loop
 * over the hull of the ranges runs 2^41 times.
 */
#include <stdio.h>

#define K 2048

static float a[K + 1], b[K + 1], x[K + 1];

static void kernel(unsigned long off)
{
	for (long i = off + K; i > off; i--)
		a[i - off] = x[i - off] * 0.5f - 1.0f;
	for (long i = K; i > 0; i--)
		b[i] = a[i] + a[i] * x[i];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= K; i++)
		x[i] = (float)(i % 31) * 0.0625f;
	kernel(1UL << 41);
	for (int i = 1; i <= K; i++)
		s = s * 0.5f + b[i];
	printf("%a %a %a\n", b[1], b[K], s);
	return 0;
}
