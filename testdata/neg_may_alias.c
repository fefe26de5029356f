// RUN-ARGS: --function=double_then_inc --no-alias-checks
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: (x and y|y and x) may alias: add restrict or --assume-no-alias
/*
 * Two pointer parameters without restrict may point into the same
 * buffer, and here they do: main passes y = x - 1, and fusing the nests
 * would change the result.  Without run-time checks nothing is fused.
 * See pos_alias_checked.c for the same kernel with them, and
 * pos_alias_assumed.c under --assume-no-alias.
 */
#include <stdio.h>

#define N 2048

static void double_then_inc(float *x, float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		x[i] = y[i] + 1.0f;
}

static float buf[N + 1];

int main(void)
{
	for (int i = 0; i <= N; i++)
		buf[i] = (float)(i % 23 - 11);
	double_then_inc(buf + 1, buf, N);
	fwrite(buf, sizeof buf, 1, stdout);
	return 0;
}
