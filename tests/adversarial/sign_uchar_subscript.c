// DISTINCT
/*
 * Class: signedness / casts that truncate.
 *
 * Attacks: a subscript "t[(unsigned char)(i - 1)]".  For i == 0 the
 * cast wraps to 255: the second nest's first iteration reads t[255],
 * which the first nest writes in its last iteration.  A tool that
 * looks through the cast sees t[i - 1], a value written one iteration
 * earlier, and fuses the nests; then out[0] reads the stale t[255].
 */
#include <stdio.h>

static int x[256], t[256], out[256];

static void kernel(int m)
{
	for (int i = 0; i < m; i++)
		t[i] = x[i] * 3 + 1;
	for (int i = 0; i < m; i++)
		out[i] = t[i] + t[(unsigned char)(i - 1)];
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 256; i++) {
		x[i] = (i * 73) % 256 - 128;
		t[i] = -7;
	}
	kernel(256);
	for (int i = 0; i < 256; i++)
		s = s * 5 + out[i];
	printf("%d %d %llx\n", out[0], out[255], s);
	return 0;
}
