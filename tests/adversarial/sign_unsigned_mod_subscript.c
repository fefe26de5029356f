// DISTINCT
/*
 * Class: signedness / unsigned arithmetic in subscripts.
 *
 * Attacks: "w[(i - 1u) % 8]" with an int i.  The 1u makes the
 * subtraction unsigned: for i == 0 it is UINT_MAX, and UINT_MAX % 8
 * is 7, so the second nest's first iteration reads w[7], written by
 * the first nest's last iteration.  Computed over the integers the
 * subscript is -1 % 8 == -1 (no element, no dependence), w[i - 1]
 * otherwise: a tool that ignores the unsigned type fuses the nests and
 * out[0] reads the stale w[7].
 */
#include <stdio.h>

static int src[8], w[8], out[8];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		w[i] = src[i] * 2 + 5;
	for (int i = 0; i < n; i++)
		out[i] = w[i] * 10 + w[(i - 1u) % 8];
}

int main(void)
{
	for (int i = 0; i < 8; i++) {
		src[i] = i * i - 9;
		w[i] = 100 + i;
	}
	kernel(8);
	for (int i = 0; i < 8; i++)
		printf("%d ", out[i]);
	printf("\n");
	return 0;
}
