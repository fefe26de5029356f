// RUN-ARGS: --function=consume_then_refill
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: .*buf
/*
 * Illegal fusion by anti-dependence: the first loop reads buf back to
 * front, the second refills buf front to back.  Fused, the refill of
 * buf[i] would overwrite values the first loop has yet to read.
 */
#include <stdio.h>

#define N 3000

static float x[N], buf[N], y[N];

static void consume_then_refill(void)
{
	for (int i = 0; i < N; i++)
		y[i] = buf[N - 1 - i] * 0.5f;
	for (int i = 0; i < N; i++)
		buf[i] = x[i] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x[i] = (float)(i % 17);
		buf[i] = (float)(i % 13) - 6.0f;
	}
	consume_then_refill();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(buf, sizeof buf, 1, stdout);
	return 0;
}
